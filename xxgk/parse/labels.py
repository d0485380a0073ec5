"""Matching printed labels against the statutory ones (spec §H.2). Spellings live in `xxgk.model.labels`.

Order of trust: exact (in matching form) → alias table → fuzzy `fuzz.ratio`, always restricted to the
labels expected at that position. Item numbers (`3.`, `（二）`) must agree for a fuzzy match: `1.属于国家秘密`
never fuzzy-matches `2.…`. A label printed without its enumerator (`予以公开`) is compared with the
canonical label stripped of its enumerator too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from xxgk.parse.normalise import label_key

LabelStatus = Literal["exact", "alias", "fuzzy", "positional", "missing"]

# Tolerances (percent similarity of the matching forms).
FUZZY_MIN_RATIO = 85.0  # a typo or a dropped character in a long label
SHORT_LABEL = 4  # labels this short (规章, 其他) must match exactly or by alias
FUZZY_MAX_EDITS = 2  # …or within two edits whatever the ratio (spec §H.2)
BARE_SCORE = 99.5  # a label equal to the canonical one once the item number is left off

_ENUMERATOR = re.compile(r"^(?:\d{1,2}\.|（[一二三四五六七八九十]{1,2}）|[一二三四五六七八九十]{1,2}、)")


def enumerator(key: str) -> str:
    match = _ENUMERATOR.match(key)
    return match.group(0) if match else ""


def strip_enumerator(key: str) -> str:
    return key[len(enumerator(key)) :]


@dataclass(frozen=True, slots=True)
class LabelMatch:
    key: str  # the caller's key of the matched label
    status: LabelStatus
    score: float  # 100 for exact and alias


def is_typo(match: LabelMatch) -> bool:
    """Whether a match is worth telling the user about: a near miss, or a variant from the alias table."""
    return match.status == "fuzzy" or (match.status == "alias" and match.score >= 100.0)


def _edits(a: str, b: str) -> int:
    from rapidfuzz.distance import Levenshtein

    return int(Levenshtein.distance(a, b))


def match_label(
    text: str,
    candidates: Iterable[tuple[str, str]],
    aliases: Mapping[str, str] | None = None,
    *,
    min_ratio: float = FUZZY_MIN_RATIO,
) -> LabelMatch | None:
    """Best match of printed `text` among `candidates` ((key, canonical label) pairs), or None.

    `aliases` maps a matching-form variant to a key; it is consulted only for keys among the candidates.
    """
    observed = label_key(text)
    if not observed:
        return None
    cands = [(key, label_key(label)) for key, label in candidates]
    found = _match_key(observed, cands, aliases, min_ratio)
    if found is not None:
        return found
    # A label cell that swallowed the end of a merged group label (`法提供2.没有现成…`): try from each
    # item number inside it.
    for inner in _INNER_ENUMERATOR.finditer(observed):
        if inner.start() > 0:
            found = _match_key(observed[inner.start() :], cands, aliases, min_ratio)
            if found is not None:
                return LabelMatch(found.key, found.status, min(found.score, 99.0))  # a merged cell's tail
    return None


_INNER_ENUMERATOR = re.compile(r"\d{1,2}\.|（[一二三四五六七八九十]{1,2}）")


def _match_key(
    observed: str, cands: list[tuple[str, str]], aliases: Mapping[str, str] | None, min_ratio: float
) -> LabelMatch | None:
    for key, canonical in cands:
        if observed == canonical:
            return LabelMatch(key, "exact", 100.0)
    if aliases:
        allowed = {key for key, _ in cands}
        target = aliases.get(observed)
        if target in allowed:
            return LabelMatch(target, "alias", 100.0)
    best: LabelMatch | None = None
    observed_enum = enumerator(observed)
    for key, canonical in cands:
        for form_observed, form_canonical in _forms(observed, observed_enum, canonical):
            if len(form_canonical) <= SHORT_LABEL or len(form_observed) <= SHORT_LABEL:
                stripped = form_canonical != canonical or form_observed != observed
                if form_observed == form_canonical and not (stripped and len(form_canonical) < SHORT_LABEL):
                    score = BARE_SCORE
                else:
                    continue
            else:
                score = fuzz.ratio(form_observed, form_canonical)
                if score < min_ratio and _edits(form_observed, form_canonical) > FUZZY_MAX_EDITS:
                    continue
            # the same words without the item number (`予以公开`) is a known way of printing the label
            status: LabelStatus = "alias" if form_observed == form_canonical else "fuzzy"
            if best is None or score > best.score:
                best = LabelMatch(key, status, score if status == "fuzzy" else BARE_SCORE)
    return best


def _forms(observed: str, observed_enum: str, canonical: str) -> list[tuple[str, str]]:
    """The pairs of forms to compare: whole labels when item numbers agree, bare labels when one lacks it."""
    canonical_enum = enumerator(canonical)
    if observed_enum and canonical_enum:
        return [(observed, canonical)] if observed_enum == canonical_enum else []
    if not observed_enum and canonical_enum:
        return [(observed, strip_enumerator(canonical))]
    if observed_enum and not canonical_enum:
        return [(strip_enumerator(observed), canonical)]
    return [(observed, canonical)]


def find_in_text(text: str, candidates: Iterable[tuple[str, str]]) -> list[tuple[int, str]]:
    """Positions where a canonical label occurs verbatim in a text run (matching forms), in text order."""
    observed = label_key(text)
    hits = []
    for key, label in candidates:
        at = observed.find(label_key(label))
        if at >= 0:
            hits.append((at, key))
    return sorted(hits)
