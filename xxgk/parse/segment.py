"""Where things are in a report: title, year, agency, format used, the six parts and the three tables.

Part headings (spec §H.3): a heading is recognised by its text (the canonical heading or an accepted
variant, fuzzy), not by its number alone, because reports nest `一、…六、` inside parts and print table-2
row labels starting `一、`–`四、`. Parts 2–4 are anchored on their tables: part 2 is the last part-2
heading before the first table-1 block, and so on. A heading whose number disagrees with its text (a
scrambled numbering) is still taken, with a finding.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from xxgk.model import labels as L
from xxgk.model.formats import FormatCode, expected_format
from xxgk.parse.labels import enumerator, strip_enumerator
from xxgk.parse.normalise import label_key
from xxgk.parse.rows import TypedRow, type_text

# Tolerances
TITLE_SEARCH_ROWS = 8  # the title (possibly split over lines) is among the first rows
TITLE_MAX_ROWS = 60  # …or, on a crawled page, somewhere after the site's navigation
TITLE_MAX_CHARS = 60
HEADING_MAX_CHARS = 40  # a heading line is short (matching form)
HEADING_MIN_RATIO = 80.0  # similarity of a heading's text (without its number) to a part heading
ANCHOR_MAX_CHARS = 60  # a table anchor line (header note, block header) is short

_YEAR = re.compile(r"(20\d{2})\s*年")
_PERIOD_START = re.compile(r"(20\d{2})年1月1日")
_FIELD_PREFIX = re.compile(r"^[^:：]{1,4}[:：]\s*")
_AGENCY_END = re.compile(r"(?:政府|局|委|委员会|办|办公室|厅|院|中心|区|县|市|镇|乡|街道|管委会|部|署|会)$")
_NUMERALS = "一二三四五六"


# --- title, year, agency ---------------------------------------------------------------------------


def _title_row(rows: Sequence[TypedRow]) -> int | None:
    # A crawled page puts navigation before the title: look further for a line that names the report.
    for n, row in enumerate(rows[:TITLE_MAX_ROWS]):
        key = arabic_years(label_key(row.text))
        if (
            len(key) <= TITLE_MAX_CHARS
            and re.search(r"(?:年度|工作)报告", key)
            and "政府信息公开" in key
            and re.search(r"20\d{2}年", key)
            and not key.endswith("。")
        ):
            return n
    for n, row in enumerate(rows[:TITLE_SEARCH_ROWS]):
        key = label_key(row.text)
        if "报告" in key and len(key) <= TITLE_MAX_CHARS:
            return n
    return None


def find_title(rows: Sequence[TypedRow]) -> str | None:
    """The report's title as printed, joined when it is split over two or three lines."""
    n = _title_row(rows)
    if n is None:
        return None
    key = label_key(rows[n].text)
    title = _FIELD_PREFIX.sub("", rows[n].text.strip())
    # A title wrapped over lines: this line is only its tail (「年度报告」, or just 「报告」 when a
    # renderer breaks 「…工作年度」 / 「报告」).
    is_tail = len(key) < len(L.REPORT_TITLE_SUFFIX) and L.REPORT_TITLE_SUFFIX.endswith(key)
    if n > 0 and (is_tail or re.match(r"^(?:年度报告|政府信息公开|工作报告)", key)):
        title = rows[n - 1].text.strip() + title
        n -= 1
    if n > 0 and _YEAR.match(label_key(title)):
        previous = label_key(rows[n - 1].text)
        if len(previous) <= 20 and _AGENCY_END.search(previous) and not re.search(r"\d", previous):
            title = rows[n - 1].text.strip() + title
    return re.sub(r"\s+", " ", title).strip()


_CN_DIGITS = str.maketrans("〇零○ｏ一二三四五六七八九", "0000123456789")
_CN_YEAR = re.compile(r"[二][〇零○ｏ][一二三四五六七八九〇零○ｏ]{2}(?=年)")


def arabic_years(text: str) -> str:
    """`二〇二三年` → `2023年` (titles sometimes spell the year in Chinese numerals)."""
    return _CN_YEAR.sub(lambda m: m.group(0).translate(_CN_DIGITS), text)


def find_year(title: str | None, rows: Sequence[TypedRow]) -> int | None:
    if title:
        match = _YEAR.search(arabic_years(label_key(title)))
        if match:
            return int(match.group(1))
    keys = [label_key(r.text) for r in rows[:60]]
    for key in keys:
        match = _PERIOD_START.search(key)
        if match:
            return int(match.group(1))
    years = Counter(int(m.group(1)) for key in keys[:30] for m in _YEAR.finditer(key))
    return years.most_common(1)[0][0] if years else None


def find_agency(title: str | None) -> str | None:
    if not title:
        return None
    key = arabic_years(label_key(title))
    key = _YEAR.sub("", key, count=1)
    key = re.sub(r"^度", "", key)
    for stop in ("政府信息公开", "政务公开", "年度报告", "工作报告"):
        at = key.find(stop)
        if at >= 0:
            key = key[:at]
    key = re.sub(r"(?:关于|度|年)$", "", key)
    return key or None


def guess_agency_type(agency: str | None) -> str | None:
    """人民政府 / 乡镇街道 / 部门 / 其他, from the agency's name (a guess; the rules may refine it)."""
    if not agency:
        return None
    if agency.endswith("人民政府"):
        if re.search(r"[乡镇]人民政府$", agency):
            return "乡镇街道"
        return "人民政府"
    if re.search(r"(?:街道|街道办事处|[乡镇])$", agency):
        return "乡镇街道"
    if re.search(r"(?:局|委|委员会|厅|办|办公室|中心|部|署|院|馆|站|所)$", agency):
        return "部门"
    return "其他"


# --- format ---------------------------------------------------------------------------------------

_MARKERS_2021 = (
    L.T1_COL_ISSUED,
    L.T1_COL_REPEALED,
    L.T1_COL_IN_FORCE,
    L.T1_COL_DECISIONS_2021,
    "本年收费金额",
    "逾期未按收费通知要求缴纳费用",
    "逾期不补正",
)
_MARKERS_2019 = (
    L.T1_COL_NEW_MADE,
    L.T1_COL_NEW_PUBLISHED,
    L.T1_COL_TOTAL_PUBLISHED,
    L.T1_COL_PREVIOUS_ITEMS,
    L.T1_COL_PROCUREMENT_ITEMS,
    L.T1_COL_PROCUREMENT_AMOUNT,
    L.T1_ROW_PROCUREMENT,
)


@dataclass(frozen=True, slots=True)
class FormatGuess:
    code: FormatCode
    evidence_2021: int
    evidence_2019: int
    from_labels: bool  # False: no label said which format; the year (or the default) decided


def detect_format(rows: Sequence[TypedRow], year: int | None) -> FormatGuess:
    """The format the tables actually use, from their labels (2021: 本年制发件数, （六）1–3 rows …)."""
    text = "".join(label_key(r.text) for r in rows)
    e21 = sum(1 for m in _MARKERS_2021 if label_key(m) in text)
    e19 = sum(1 for m in _MARKERS_2019 if label_key(m) in text)
    if e21 != e19:
        return FormatGuess("2021" if e21 > e19 else "2019", e21, e19, True)
    fallback: FormatCode = expected_format(year) if year is not None and year >= 2019 else "2021"
    return FormatGuess(fallback, e21, e19, False)


# --- table anchors --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Anchors:
    """Positions (indexes into the typed rows) where each table starts; None when not found."""

    table1: int | None
    table2: int | None
    table3: int | None


_T2_START = ("勾稽关系", label_key(L.T2_APPLICANT_GROUP))
_T2_FIRST_ROW = strip_enumerator(label_key(L.T2_ROW_LABELS["new"][0]))  # 本年新收政府信息公开申请数量


def find_anchors(rows: Sequence[TypedRow]) -> Anchors:
    t1 = None
    for n, row in enumerate(rows):
        key = label_key(row.text)
        if len(key) <= ANCHOR_MAX_CHARS and key.startswith("第二十条第"):
            t1 = n
            break
    if t1 is None:
        # no block header: the first column-header row (信息内容 followed by a table-1 column label)
        heads = tuple(label_key(c) for c in (L.T1_COL_ISSUED, L.T1_COL_NEW_MADE, L.T1_COL_DECISIONS_2021))
        for n, row in enumerate(rows):
            key = label_key(row.text)
            if key.startswith(label_key(L.T1_CONTENT_HEADER)) and any(h in key for h in heads):
                t1 = n
                break
    t2 = None
    for n in range(t1 or 0, len(rows)):
        key = label_key(rows[n].text)
        if len(key) <= ANCHOR_MAX_CHARS and (any(m in key for m in _T2_START) or _T2_FIRST_ROW in key):
            t2 = n
            break
    t3 = None
    for n in range(t2 if t2 is not None else (t1 or 0), len(rows)):
        key = label_key(rows[n].text)
        if len(key) <= ANCHOR_MAX_CHARS and L.T3_REVIEW in key and (t2 is None or n > t2):
            t3 = n
            break
    return Anchors(t1, t2, t3)


# --- parts ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HeadingCandidate:
    position: int  # index into the typed rows
    printed: int | None  # the number printed before the heading (1–6), if any
    part: int  # the part its text matches
    score: float
    text: str  # as printed


@dataclass(slots=True)
class PartSpan:
    number: int
    heading: str
    position: int
    printed: int | None
    canonical: bool  # the heading is the canonical one (after normalisation)


def _bare(heading: str) -> str:
    return strip_enumerator(label_key(heading, heading=True))


_PART_FORMS: dict[int, tuple[str, ...]] = {
    n: tuple(_bare(h) for h in (L.PART_HEADINGS[n - 1], *L.PART_HEADING_VARIANTS.get(n, ()))) for n in range(1, 7)
}


LONG_LINE_CHARS = 150  # a line this long holds several paragraphs (crawled pages drop line breaks)


def _heading_pattern() -> re.Pattern[str]:
    forms = []
    for number, bare_forms in _PART_FORMS.items():
        numeral = "[一—－]" if number == 1 else _NUMERALS[number - 1]
        for bare in bare_forms:
            body = r"\s*".join(re.escape(ch) if ch not in "（）：，" else f"[{ch}{_ASCII[ch]}]" for ch in bare)
            forms.append(rf"{numeral}\s*[、.．]\s*{body}")
    return re.compile("|".join(sorted(forms, key=len, reverse=True)))


_ASCII = {"（": "(", "）": ")", "：": ":", "，": ","}
_INLINE_HEADING = _heading_pattern()


def split_long_rows(rows: Sequence[TypedRow]) -> list[TypedRow]:
    """Cut lines that run several paragraphs together at the part headings inside them, so that each
    heading stands on a row of its own (the table cells in such text are left to the run-together solver)."""
    out: list[TypedRow] = []
    for row in rows:
        if row.structured or len(row.text) <= LONG_LINE_CHARS or row.first is None:
            out.append(row)
            continue
        cuts = sorted({0, len(row.text), *(p for m in _INLINE_HEADING.finditer(row.text) for p in m.span())})
        if len(cuts) <= 2:
            out.append(row)
            continue
        for start, stop in itertools.pairwise(cuts):
            piece = row.text[start:stop]
            if piece.strip():
                out.append(type_text(piece, row.first, row.index))
    return out


def heading_candidates(rows: Sequence[TypedRow]) -> list[HeadingCandidate]:
    out = []
    for n, row in enumerate(rows):
        if row.values and not row.labels:
            continue
        key = label_key(row.text, heading=True)
        if not key or len(key) > HEADING_MAX_CHARS:
            continue
        enum = enumerator(key)
        printed = _NUMERALS.index(enum[0]) + 1 if enum.endswith("、") and enum[0] in _NUMERALS else None
        bare = strip_enumerator(key).rstrip("。.")
        best_part, best_score = 0, 0.0
        for part, forms in _PART_FORMS.items():
            for form in forms:
                score = fuzz.ratio(bare, form)
                if score > best_score:
                    best_part, best_score = part, score
        if best_score >= HEADING_MIN_RATIO:
            out.append(HeadingCandidate(n, printed, best_part, best_score, row.text.strip()))
    return out


def find_parts(rows: Sequence[TypedRow], anchors: Anchors) -> list[PartSpan]:
    """The six parts' headings, anchored on the tables, in document order (missing parts left out)."""
    cands = heading_candidates(rows)
    chosen: dict[int, HeadingCandidate] = {}
    table_of = {2: anchors.table1, 3: anchors.table2, 4: anchors.table3}

    def after(position: int | None) -> list[HeadingCandidate]:
        return [c for c in cands if position is None or c.position > position]

    floor: int | None = None
    for part in (2, 3, 4):
        anchor = table_of[part]
        pool = [c for c in after(floor) if c.part == part]
        if anchor is not None:
            before = [c for c in pool if c.position <= anchor]
            pick = before[-1] if before else None
        else:
            pick = pool[0] if pool else None
        if pick is not None:
            chosen[part] = pick
            floor = pick.position
        elif anchor is not None:
            floor = anchor
    first_table = next((a for a in (anchors.table1, anchors.table2, anchors.table3) if a is not None), None)
    limit = min((c.position for c in chosen.values()), default=first_table)
    part1 = [c for c in cands if c.part == 1 and (limit is None or c.position < limit)]
    if part1:
        chosen[1] = part1[0]
    last_table = next((a for a in (anchors.table3, anchors.table2, anchors.table1) if a is not None), None)
    floor = max([c.position for c in chosen.values()] + ([last_table] if last_table is not None else []), default=None)
    for part in (5, 6):
        pool = [c for c in after(floor) if c.part == part]
        if pool:
            chosen[part] = pool[0]
            floor = pool[0].position
    spans = []
    for number, cand in sorted(chosen.items()):
        canonical = label_key(cand.text, heading=True).rstrip("。.") in {
            label_key(h) for h in (L.PART_HEADINGS[number - 1],)
        }
        spans.append(PartSpan(number, cand.text, cand.position, cand.printed, canonical))
    spans.sort(key=lambda s: s.position)
    return spans
