"""The roll-up of a people's government: its own records' tables 2 and 3 plus those of the agencies below it.

A government's report reflects its whole area (spec §F.3 item 4): its departments' and streets' reports are
summed with the government office's own cases, and rule T2-11 compares the government's report with them.
"""

from __future__ import annotations

from dataclasses import dataclass

from web.accounts.models import Agency
from web.reports.models import AnnualReport, ReportState
from xxgk.model import T2_WIDTH, T3_WIDTH, Cell, Report, empty_report


@dataclass(frozen=True, slots=True)
class Child:
    agency: Agency
    row: AnnualReport | None  # the newest version of its report for the year, if any

    @property
    def state_label(self) -> str:
        return self.row.get_state_display() if self.row else "未编制"


def children_of(government: Agency, year: int) -> list[Child]:
    """The agencies directly below `government` with the newest version of their `year` report."""
    agencies = list(Agency.objects.filter(parent=government).order_by("kind", "name"))
    rows = {
        r.agency_id: r
        for r in AnnualReport.objects.filter(agency__in=agencies, year=year).order_by("agency_id", "version")
    }
    return [Child(agency, rows.get(agency.pk)) for agency in agencies]


def own_records(government: Agency, year: int) -> Report:
    """Tables compiled from the government office's own records only (no subordinate reports)."""
    from web.reports.compile import fill_tables

    report = empty_report(year, f"{government.name}（本机关）", government.agency_type_label)
    fill_tables(report, government, year)
    report.parts = []
    return report


def _add(a: Cell, b: Cell) -> Cell:
    if a.is_number and b.is_number:
        assert a.value is not None and b.value is not None
        return Cell.of(a.value + b.value)
    return a if a.is_number else b if b.is_number else a


def summed(base: Report, others: list[Report]) -> Report:
    """`base` with tables 2 and 3 replaced by the cell-wise sum of itself and `others` (blanks count as absent)."""
    out = empty_report(base.year or 0, base.agency, base.agency_type, base.format)
    out.table1 = dict(base.table1)
    for row in out.table2:
        cells = list(base.table2.get(row, [Cell.blank()] * T2_WIDTH))
        for other in others:
            if row in other.table2:
                cells = [_add(c, o) for c, o in zip(cells, other.table2[row], strict=True)]
        out.table2[row] = cells
    table3 = list(base.table3 or [Cell.blank()] * T3_WIDTH)
    for other in others:
        if other.table3 is not None:
            table3 = [_add(c, o) for c, o in zip(table3, other.table3, strict=True)]
    out.table3 = table3
    out.parts = []
    return out


def rollup(government: Agency, year: int) -> tuple[Report, Report, list[Child]]:
    """(own records, own + every child's report summed, the children) for the roll-up page and compiling."""
    own = own_records(government, year)
    children = children_of(government, year)
    reports = [c.row.report for c in children if c.row is not None]
    total = summed(own, reports)
    total.agency = government.name
    return own, total, children


def child_reports_for_check(government: Agency, year: int) -> list[Report]:
    """The reports T2-11 sums: the government office's own records and each child's newest report."""
    own = own_records(government, year)
    return [own, *(c.row.report for c in children_of(government, year) if c.row is not None)]


def published_children(government: Agency, year: int) -> int:
    return AnnualReport.objects.filter(agency__parent=government, year=year, state=ReportState.PUBLISHED).count()
