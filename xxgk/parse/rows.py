"""Rows of a `SourceDocument` typed into label, value and empty items — the extractor's working unit.

A single-fragment line (plain text, `pdftotext` output) is split into cells on runs of two or more spaces
(space-aligned columns) and a trailing run of numbers (`行政许可 97`, `规章 1 0 11`) is separated from its
label. A multi-fragment row (pipes, tabs, real table rows) keeps one item per cell, empty cells included,
because their position can matter (a blank between two values is a blank value).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from xxgk.parse.document import Fragment, Row, SourceDocument
from xxgk.parse.normalise import Value, clean_text, is_page_number, parse_value

ItemKind = Literal["label", "value", "empty"]

_COLUMN_GAP = re.compile(r"\s{2,}|\t")
# One printed value inside a line: a number with an optional 增/减/sign and unit, or a not-applicable mark.
_VALUE_TOKEN = re.compile(r"(?:(?:增|减)\s*)?[+\-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:万元|元)?|[/／—–]|不适用")
_TRAILING_VALUES = re.compile(rf"(?:^|\s)((?:{_VALUE_TOKEN.pattern})(?:\s+(?:{_VALUE_TOKEN.pattern}))*)\s*$")


@dataclass(frozen=True, slots=True)
class Item:
    kind: ItemKind
    text: str
    fragment: Fragment
    value: Value | None = None


@dataclass(slots=True)
class TypedRow:
    index: int  # position of the row in the document
    items: list[Item]
    text: str  # cleaned text of the whole row, cells joined by a space
    structured: bool  # several fragments (pipes, tabs, table cells): empty cells are kept
    first: Fragment | None = None

    @property
    def labels(self) -> list[Item]:
        return [i for i in self.items if i.kind == "label"]

    @property
    def values(self) -> list[Item]:
        return [i for i in self.items if i.kind == "value"]

    @property
    def numbers(self) -> list[Item]:
        return [i for i in self.items if i.kind == "value" and i.value is not None and i.value.kind == "number"]

    @property
    def is_single_value(self) -> bool:
        """One value and nothing else: a line of a one-cell-per-line extraction."""
        filled = [i for i in self.items if i.kind != "empty"]
        return len(filled) == 1 and filled[0].kind == "value"

    def after_label(self) -> list[Item]:
        """Every cell after the last label (all cells when the row has no label)."""
        last_label = max((n for n, i in enumerate(self.items) if i.kind == "label"), default=-1)
        return self.items[last_label + 1 :]

    def value_region(self) -> list[Item]:
        """The cells after the last label, trailing empty cells dropped."""
        region = self.after_label()
        while region and region[-1].kind == "empty":
            region.pop()
        return region


@dataclass(slots=True)
class TypedDocument:
    rows: list[TypedRow] = field(default_factory=list)


def split_line(text: str) -> list[tuple[ItemKind, str]]:
    """Cells of one line of plain text: label and value pieces, in order (empty pieces dropped)."""
    out: list[tuple[ItemKind, str]] = []
    for piece in _COLUMN_GAP.split(text):
        piece = piece.strip()
        if piece:
            out.extend(_split_piece(piece))
    return out


def _split_piece(piece: str) -> list[tuple[ItemKind, str]]:
    if parse_value(piece) is not None:
        return [("value", piece)]
    match = _TRAILING_VALUES.search(piece)
    if not match:
        return [("label", piece)]
    label = piece[: match.start(1)].strip()
    values = [m.group(0) for m in _VALUE_TOKEN.finditer(match.group(1))]
    out: list[tuple[ItemKind, str]] = [("label", label)] if label else []
    return out + [("value", v) for v in values]


def _item(kind: ItemKind, text: str, fragment: Fragment) -> Item:
    if kind == "value":
        value = parse_value(text)
        if value is None or value.kind == "blank":  # pragma: no cover - split_line only yields values
            return Item("label", text, fragment)
        return Item("value", text, fragment, value)
    return Item(kind, text, fragment)


def type_row(row: Row, index: int) -> TypedRow | None:
    """The typed form of a row, or None for rows that carry nothing (blank lines, page numbers)."""
    fragments = [f for f in row.cells if not f.continuation]
    if not fragments:
        return None
    texts = [clean_text(f.text) for f in fragments]
    joined = " ".join(t.strip() for t in texts if t.strip())
    if (not joined and len(fragments) == 1) or is_page_number(joined):
        return None
    items: list[Item] = []
    if len(fragments) == 1:
        for kind, piece in split_line(texts[0]):
            items.append(_item(kind, piece, fragments[0]))
        structured = False
    else:
        for fragment, text in zip(fragments, texts, strict=True):
            text = text.strip()
            if not text:
                items.append(Item("empty", "", fragment))
                continue
            value = parse_value(text)
            if value is not None:
                items.append(Item("value", text, fragment, value))
                continue
            for kind, piece in _split_piece(text):
                items.append(_item(kind, piece, fragment))
        structured = True
    return TypedRow(index=index, items=items, text=joined, structured=structured, first=fragments[0])


def type_text(text: str, fragment: Fragment, index: int) -> TypedRow:
    """A typed row for a piece of one line's text (used when a long line is cut at part headings)."""
    items = [_item(kind, piece, fragment) for kind, piece in split_line(text)]
    return TypedRow(index=index, items=items, text=text.strip(), structured=False, first=fragment)


def type_document(document: SourceDocument) -> TypedDocument:
    rows = []
    for n, row in enumerate(document.rows):
        typed = type_row(row, n)
        if typed is not None:
            rows.append(typed)
    return TypedDocument(rows)
