"""Normalisation of labels and printed values (spec §H.1, §H.5, §H.6).

Labels are compared in a *matching form*: NFKC (labels only, never whole documents), no whitespace at all,
full-width brackets, colons and commas, no quotation marks, item numbers written `1.`. Values are read into
the cell model: a number (int, or Decimal for amounts, never float), blank, or not applicable.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

# Word/markdown conversion artefacts that carry no text of the report.
_ARTEFACT = re.compile(r"\[(?:bookmark|image)\s*:[^\]]*\]", re.IGNORECASE)
_MARKDOWN_EMPHASIS = re.compile(r"\*\*|__")

# Kangxi radicals (U+2F00–U+2FD5) and CJK compatibility ideographs (U+F900–U+FAFF) look exactly like
# unified ideographs but compare unequal; PDF text layers are full of them. NFKC maps each to its unified
# ideograph, so the table is built from it once (only for these two ranges, never the whole text).
_IDEOGRAPH_MAP: dict[int, str] = {
    cp: unicodedata.normalize("NFKC", chr(cp))
    for cp in (*range(0x2F00, 0x2FD6), *range(0xF900, 0xFB00))
    if unicodedata.normalize("NFKC", chr(cp)) != chr(cp)
}

_LOOK_ALIKE = re.compile("[\u2f00-\u2fd5\uf900-\ufaff]")
_WHITESPACE = re.compile(r"\s+")  # str.split semantics: includes U+3000 and NBSP
_QUOTES = str.maketrans("", "", "\"'“”‘’「」『』")
_PUNCT = str.maketrans({"(": "（", ")": "）", ":": "：", ",": "，", ";": "；"})
# `1、` `1．` `1.` `1 .` at the start of a label → `1.`
_ITEM_NUMBER = re.compile(r"^(\d{1,2})[、.．，,]")
# Heading/row enumerators written with a dash instead of 一 (`—、总体情况`), only at the start.
_DASH_ONE = re.compile(r"^[—－–-]、")


def clean_text(text: str) -> str:
    """Text of a line with artefacts removed and look-alike ideographs unified (no NFKC, spacing kept)."""
    if "[" in text:
        text = _ARTEFACT.sub("", text)
    text = _MARKDOWN_EMPHASIS.sub("", text)
    if _LOOK_ALIKE.search(text):  # str.translate walks every character: only when there is one to map
        text = text.translate(_IDEOGRAPH_MAP)
    return text


@functools.lru_cache(maxsize=4096)
def label_key(text: str, *, heading: bool = False) -> str:
    """The matching form of a label: NFKC, no whitespace, unified punctuation, `1.` item numbers.

    With `heading=True` a leading `—、` is read as `一、` (a typo seen in part headings; spec §H.1).
    """
    text = clean_text(text)
    text = unicodedata.normalize("NFKC", text)
    text = _WHITESPACE.sub("", text)
    text = text.translate(_QUOTES).translate(_PUNCT)
    text = _ITEM_NUMBER.sub(r"\1.", text)
    if heading:
        text = _DASH_ONE.sub("一、", text)
    return text


# --- values ---------------------------------------------------------------------------------------

ValueKind = Literal["number", "blank", "not_applicable"]

NOT_APPLICABLE_MARKS = frozenset({"/", "／", "\\", "—", "——", "-", "－", "–", "―", "无", "不适用", "×"})

_NUMBER = re.compile(
    r"""^(?P<sign>[+\-−－]|增|减|增加|减少)?\s*
        (?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?\s*
        (?P<unit>万元|元|件|个|项|条|宗)?$""",
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Value:
    """A printed table value: what kind it is, the number, the unit printed with it, the raw text."""

    kind: ValueKind
    number: int | Decimal | None = None
    unit: str | None = None
    signed: bool = False  # printed with 增/减/+/-
    raw: str = ""


def parse_value(text: str) -> Value | None:
    """Read one printed cell. Returns None when the text is not a value (a label, a sentence)."""
    raw = text
    text = clean_text(text).strip()
    text = _WHITESPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()
    if not text:
        return Value("blank", raw=raw)
    if text in NOT_APPLICABLE_MARKS or unicodedata.normalize("NFKC", text) in NOT_APPLICABLE_MARKS:
        return Value("not_applicable", raw=raw)
    match = _NUMBER.match(text)
    if match is None:
        return None
    digits = match["digits"].replace(",", "")
    try:
        number: int | Decimal = Decimal(digits + match["frac"]) if match["frac"] else int(digits)
    except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
        return None
    sign = match["sign"]
    negative = sign in ("-", "−", "－", "减", "减少")
    if negative:
        number = -number
    unit = match["unit"] if match["unit"] in ("元", "万元") else None
    return Value("number", number=number, unit=unit, signed=sign is not None, raw=raw)


_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－]\s*\d{1,3}\s*[-—–－]"  # -4-, - 5 -, —6—
    r"|第\s*\d{1,3}\s*页(?:\s*[，,/]?\s*共\s*\d{1,3}\s*页)?"  # 第 3 页 共 6 页
    r"|\d{1,3}\s*/\s*\d{1,3})$"  # 3/6
)


def is_page_number(text: str) -> bool:
    """A page-number line (`-4-`, `- 5 -`, `第 3 页`), which may fall inside a table in extracted text."""
    return bool(_PAGE_NUMBER.match(unicodedata.normalize("NFKC", text).strip()))


_YUAN_PER_WAN = Decimal(10000)


def to_unit(number: int | Decimal, printed_unit: str | None, column_unit: str | None) -> int | Decimal:
    """Convert an amount printed in 元 into the column's 万元 (spec §H.6); other combinations unchanged."""
    if printed_unit == "元" and column_unit == "万元":
        return Decimal(number) / _YUAN_PER_WAN
    return number
