"""Small hand-made reports for the rule tests: start from a blank report and fill cells."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from xxgk.model import T2_WIDTH, T3_WIDTH, Cell, Finding, Part, Report, empty_report
from xxgk.model import labels as L
from xxgk.rules import check


def zero_report(year: int = 2022, **kwargs: object) -> Report:
    """A report whose every table cell is a printed 0 and whose six parts have neutral text."""
    report = empty_report(year, **kwargs)  # type: ignore[arg-type]
    for key in report.table1:
        report.table1[key] = Cell.of(0)
    for row in report.table2:
        report.table2[row] = [Cell.of(0) for _ in range(T2_WIDTH)]
    report.table3 = [Cell.of(0) for _ in range(T3_WIDTH)]
    report.parts = [Part(i + 1, h, "本年度工作情况良好。") for i, h in enumerate(L.PART_HEADINGS)]
    if report.format == "2021":
        report.parts[5].text = "本年度未收取信息处理费。"
    return report


def set_t2(report: Report, row: str, values: Sequence[int | None]) -> None:
    """Set a whole table-2 row; the 总计 column is the given 7th value (None → blank)."""
    assert len(values) == T2_WIDTH
    report.table2[row] = [Cell.blank() if v is None else Cell.of(v) for v in values]


def set_t3(report: Report, values: Sequence[int | None]) -> None:
    report.table3 = [Cell.blank() if v is None else Cell.of(v) for v in values]


def applications(report: Report, column: int, row: str, count: int) -> None:
    """Record `count` applications of applicant column `column` concluded in `row`, keeping the table
    consistent: 一、本年新收, the result row, （七）总计 and the 总计 column all grow by `count`."""
    for key in ("new", row, "total"):
        cells = report.table2[key]
        for index in (column, T2_WIDTH - 1):
            value = cells[index].value or 0
            cells[index] = Cell.of(value + count)


def codes(findings: Iterable[Finding], severity: str | None = None) -> list[str]:
    return [f.code for f in findings if severity is None or f.severity == severity]


def run(report: Report, **kwargs: object) -> list[Finding]:
    return check(report, **kwargs)  # type: ignore[arg-type]


def only(findings: Iterable[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]
