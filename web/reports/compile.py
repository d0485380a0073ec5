"""Compile an agency's report for a year from its records, in the format of that year."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from web.accounts.models import Agency, AgencyKind
from web.reports import narrative, sources
from web.reports.models import PriorNote
from xxgk.model import T3_WIDTH, Cell, Number, Report, empty_report


def _cell(value: Any) -> Cell:
    if value is None:
        return Cell.blank()
    if isinstance(value, Cell):
        return value
    number: Number
    if isinstance(value, bool):
        raise TypeError("a cell value cannot be a boolean")
    number = value if isinstance(value, int | Decimal) else Decimal(str(value))
    if isinstance(number, Decimal) and number == number.to_integral_value() and "." not in str(value):
        number = int(number)
    return Cell.of(number)


def fill_tables(report: Report, agency: Agency, year: int) -> None:
    """Put the records' counts into tables 1–3 (cells no record speaks of stay blank)."""
    t1 = sources.table1_values(agency, year) or {}
    for key in report.table1:
        if key in t1:
            report.table1[key] = _cell(t1[key])
    tables = sources.application_tables(agency, year) or {}
    for row, values in (tables.get("table2") or {}).items():
        if row in report.table2:
            report.table2[row] = [_cell(v) for v in list(values)[: len(report.table2[row])]]
    table3 = tables.get("table3")
    if table3 is not None:
        report.table3 = [_cell(v) for v in list(table3)[:T3_WIDTH]]


def compile_report(agency: Agency, year: int, previous: Report | None = None) -> Report:
    """The report of `agency` for `year`: tables from the records, parts 1 and 4–6 prefilled."""
    report = empty_report(year, agency.name, agency.agency_type_label)
    fill_tables(report, agency, year)
    if agency.kind == AgencyKind.GOVERNMENT:
        # A government's report covers its whole area: its departments' and streets' tables 2 and 3 are
        # summed with its own (rule T2-11 then checks the sum).
        from web.reports.rollup import children_of, summed

        kids = [c.row.report for c in children_of(agency, year) if c.row is not None]
        if kids:
            rolled = summed(report, kids)
            report.table2, report.table3 = rolled.table2, rolled.table3
    note = PriorNote.objects.filter(agency=agency, year=year).first()
    is_government = agency.kind == AgencyKind.GOVERNMENT
    texts = {
        1: narrative.part1(
            report,
            is_government=is_government,
            assessment=note.assessment if note else "",
            figures=sources.part1_lines(agency, year),
        ),
        4: narrative.part4(report),
        5: narrative.part5(narrative.problems_of(previous)),
        6: narrative.part6(
            sources.fees(agency, year),
            key_points=note.key_points if note else "",
            proposals=note.proposals if note else "",
        ),
    }
    for part in report.parts:
        part.text = texts.get(part.number, "")
    report.meta = {"origin": "compiled"}
    return report
