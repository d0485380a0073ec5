"""The roll-up of a government: its departments' tables summed with its own (hand counts)."""

from __future__ import annotations

import pytest

from web.reports import rollup, workflow
from web.reports.models import AnnualReport
from web.reports.tests.conftest import make_report
from xxgk.model import T2_WIDTH, Cell

pytestmark = pytest.mark.django_db


def _set_new(row: AnnualReport, values: list[int]) -> None:
    report = row.report
    report.table2["new"] = [Cell.of(v) for v in values]
    row.set_report(report)
    row.save()


def test_rollup_sums_children_cell_by_cell(government, agency_a, agency_b, owner, outsider) -> None:
    a = make_report(agency_a, 2025, owner, seed=1)
    b = make_report(agency_b, 2025, outsider, seed=2)
    _set_new(a, [3, 1, 0, 0, 0, 0, 4])
    _set_new(b, [5, 0, 2, 0, 0, 1, 8])
    _own, total, children = rollup.rollup(government, 2025)
    assert {c.agency for c in children} == {agency_a, agency_b}
    # Hand count: 3+5, 1+0, 0+2, 0, 0, 0+1, 4+8 (the government office has no records of its own here).
    assert [c.value for c in total.table2["new"]] == [8, 1, 2, 0, 0, 1, 12]
    assert len(total.table2["new"]) == T2_WIDTH
    t3 = [(x.value or 0) + (y.value or 0) for x, y in zip(a.report.table3, b.report.table3, strict=True)]
    assert [c.value for c in total.table3] == t3  # type: ignore[union-attr]


def test_government_compile_takes_the_rollup_and_t2_11_agrees(government, agency_a, agency_b, owner, outsider) -> None:
    make_report(agency_a, 2025, owner, seed=1)
    make_report(agency_b, 2025, outsider, seed=2)
    gov = workflow.start(government, 2025, owner)
    _, total, _ = rollup.rollup(government, 2025)
    assert gov.report.table2 == total.table2
    assert "工作考核、社会评议和责任追究" in gov.report.part(1).text  # type: ignore[union-attr]
    assert not [f for f in workflow.findings(gov) if f.code == "T2-11"]
    # Change one department afterwards: the government's report no longer equals the sum (T2-11).
    child = AnnualReport.objects.get(agency=agency_a, year=2025)
    _set_new(child, [9, 9, 9, 9, 9, 9, 54])
    assert [f for f in workflow.findings(gov) if f.code == "T2-11"]
