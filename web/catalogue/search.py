"""Catalogue look-ups used outside the catalogue: the application intake hint.

An application describes what it wants in a sentence without spaces (请公开清河区2024年最低生活保障资金
发放情况), so word matching does not work. Items are ranked instead by the character pairs (bigrams) their
title shares with the description, ignoring pairs of filler words every request contains; a 文号 quoted
in the description wins outright.
"""

from __future__ import annotations

import re

from web.accounts.models import Agency
from web.catalogue.models import Item, Status, Validity

# Words of the request form itself, not of the information asked for.
FILLER = (
    "申请公开",
    "请求公开",
    "政府信息",
    "请公开",
    "申请",
    "公开",
    "关于",
    "有关",
    "相关",
    "信息",
    "文件",
    "情况",
    "的",
    "和",
    "及",
)
MAX_CANDIDATES = 20_000
_SPLIT = re.compile(r"[\s，。、；：！？,.;:!?“”\"'（）()《》〈〉【】\[\]]+")


def bigrams(text: str) -> set[str]:
    for word in FILLER:
        text = text.replace(word, " ")
    pairs: set[str] = set()
    for chunk in _SPLIT.split(text):
        pairs.update(chunk[i : i + 2] for i in range(len(chunk) - 1))
    return pairs


def items_matching(agency: Agency, text: str, limit: int = 5) -> list[Item]:
    """Published, valid items of `agency` that may already answer `text` (an application's description),
    best first, at most `limit`."""
    # The agency's own name is in half its titles: it says nothing about which item is meant.
    wanted = bigrams(text) - bigrams(f"{agency.name} {agency.short_name} {agency.region}")
    if not wanted:
        return []
    rows = (
        Item.objects.filter(agency=agency, status=Status.PUBLISHED, validity=Validity.VALID)
        .order_by("-published_on", "-pk")
        .values_list("pk", "title", "doc_no")[:MAX_CANDIDATES]
    )
    scored: list[tuple[float, int, int]] = []  # (score, newer first, pk)
    for order, (pk, title, doc_no) in enumerate(rows):
        if doc_no and doc_no in text:
            scored.append((1000.0, -order, pk))
            continue
        own = bigrams(title)
        shared = len(own & wanted)
        # enough of the title must be in the request, and more than a coincidental pair or two
        if shared >= 3 and shared / max(len(own), 1) >= 0.3:
            scored.append((shared + shared / len(own), -order, pk))
    best = [pk for _score, _order, pk in sorted(scored, reverse=True)[:limit]]
    by_pk = Item.objects.select_related("column").in_bulk(best)
    return [by_pk[pk] for pk in best]
