"""The annual report: cells with provenance, the six parts, the three tables, findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Literal

from xxgk.model import labels as L
from xxgk.model.formats import (
    T2_WIDTH,
    T3_WIDTH,
    FormatCode,
    ReportFormat,
    expected_format,
    get_format,
)

Number = int | Decimal


class CellState(StrEnum):
    VALUE = "value"  # a printed number (0 included)
    BLANK = "blank"  # the source shows nothing: missing, never zero
    NOT_APPLICABLE = "not_applicable"  # printed "/", "—", "无", "不适用"
    UNRESOLVED = "unresolved"  # printed text that could not be separated into cells (kept verbatim)


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a cell's value was read: page (PDF), line (text), table/row/column (HTML, DOCX), raw text."""

    page: int | None = None
    line: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    raw: str | None = None
    label_status: str | None = None  # exact | alias | fuzzy | positional | missing

    def as_dict(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in self.__slots__ if getattr(self, k) is not None}


@dataclass(frozen=True, slots=True)
class Cell:
    value: Number | None = None
    state: CellState = CellState.BLANK
    raw: str | None = None  # the verbatim text for UNRESOLVED cells
    unit: str | None = None  # unit printed with the value (元, 万元), when it differs from the column's
    provenance: Provenance | None = None

    @classmethod
    def of(cls, value: Number, *, unit: str | None = None, provenance: Provenance | None = None) -> Cell:
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            raise TypeError(f"cell value must be int or Decimal, not {type(value).__name__}")
        return cls(value=value, state=CellState.VALUE, unit=unit, provenance=provenance)

    @classmethod
    def blank(cls, provenance: Provenance | None = None) -> Cell:
        return cls(state=CellState.BLANK, provenance=provenance)

    @classmethod
    def not_applicable(cls, provenance: Provenance | None = None) -> Cell:
        return cls(state=CellState.NOT_APPLICABLE, provenance=provenance)

    @classmethod
    def unresolved(cls, raw: str, provenance: Provenance | None = None) -> Cell:
        return cls(state=CellState.UNRESOLVED, raw=raw, provenance=provenance)

    @property
    def is_number(self) -> bool:
        return self.state is CellState.VALUE and self.value is not None

    @property
    def is_blank(self) -> bool:
        return self.state is CellState.BLANK

    def display(self) -> str:
        """How the cell is printed in a document: the number, blank, or 「/」."""
        if self.state is CellState.VALUE and self.value is not None:
            return format_number(self.value)
        if self.state is CellState.NOT_APPLICABLE:
            return "/"
        if self.state is CellState.UNRESOLVED:
            return self.raw or ""
        return ""


def format_number(value: Number) -> str:
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    return str(value)


Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a rule or a parser found: stable code, severity, Chinese message, where, legal basis."""

    code: str
    severity: Severity
    message: str
    where: str = ""
    cells: tuple[str, ...] = ()  # cell references: "table2.total.other_org", "table1.行政许可/本年处理决定数量"
    basis: str = ""
    assessable: bool = True  # False when an operand was missing and the arithmetic could not be checked

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "where": self.where,
        }
        if self.cells:
            out["cells"] = list(self.cells)
        if self.basis:
            out["basis"] = self.basis
        if not self.assessable:
            out["assessable"] = False
        return out


@dataclass(slots=True)
class Part:
    number: int  # 1–6
    heading: str  # as printed (canonical for reports we write)
    text: str = ""


def canonical_parts() -> list[Part]:
    return [Part(i + 1, heading) for i, heading in enumerate(L.PART_HEADINGS)]


@dataclass(slots=True)
class Report:
    """One annual report. `table2` maps row key → 7 cells; `table3` holds 15 cells or is None (absent)."""

    format: FormatCode
    year: int | None = None
    agency: str | None = None
    agency_type: str | None = None  # one of labels.AGENCY_TYPES
    title: str | None = None
    parts: list[Part] = field(default_factory=list)
    table1: dict[str, Cell] = field(default_factory=dict)
    table2: dict[str, list[Cell]] = field(default_factory=dict)
    table3: list[Cell] | None = None
    findings: list[Finding] = field(default_factory=list)  # parser findings; rules add theirs on check
    meta: dict[str, object] = field(default_factory=dict)  # document kind, source file, parser version …

    @property
    def spec(self) -> ReportFormat:
        return get_format(self.format)

    @property
    def expected_format(self) -> FormatCode | None:
        return expected_format(self.year) if self.year is not None and self.year >= 2019 else None

    def part(self, number: int) -> Part | None:
        for part in self.parts:
            if part.number == number:
                return part
        return None

    def t2(self, row: str, column: int) -> Cell:
        cells = self.table2.get(row)
        if cells is None or column >= len(cells):
            return Cell.blank()
        return cells[column]

    def t3(self, index: int) -> Cell:
        if self.table3 is None or index >= len(self.table3):
            return Cell.blank()
        return self.table3[index]


def empty_report(
    year: int, agency: str | None = None, agency_type: str | None = None, format: FormatCode | None = None
) -> Report:
    """A blank report of the format `year` requires: six canonical parts, every table cell blank."""
    code: FormatCode = format or expected_format(year)
    spec = get_format(code)
    parts = canonical_parts()
    for part in parts:
        part.text = ""
    return Report(
        format=code,
        year=year,
        agency=agency,
        agency_type=agency_type,
        title=f"{agency or ''}{year}年{L.REPORT_TITLE_SUFFIX}",
        parts=parts,
        table1={key: Cell.blank() for key in spec.table1_keys},
        table2={key: [Cell.blank() for _ in range(T2_WIDTH)] for key in spec.table2_keys},
        table3=[Cell.blank() for _ in range(T3_WIDTH)],
    )
