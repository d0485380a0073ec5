"""The demo data: last year published everywhere, this year in several states, the government left to compile;
compiling the government's report then equals a count made cell by cell from the parts it sums."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command

from web.accounts.demo import DEMO_GOVERNMENT
from web.accounts.models import Agency, ChangeLog
from web.reports import sources, workflow
from web.reports.models import AnnualReport, ReportState

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo() -> Agency:
    call_command("load_demo", today=dt.date(2026, 1, 20), stdout=open("/dev/null", "w"))  # noqa: SIM115
    return Agency.objects.get(name=DEMO_GOVERNMENT)


def test_demo_reports(demo) -> None:
    agencies = Agency.objects.filter(pk__in={demo.pk, *demo.descendant_ids()})
    assert AnnualReport.objects.filter(year=2024, state=ReportState.PUBLISHED, agency__in=agencies).count() == 11
    states = set(AnnualReport.objects.filter(year=2025).values_list("state", flat=True))
    assert states == {ReportState.DRAFT, ReportState.REVIEW, ReportState.APPROVED, ReportState.PUBLISHED}
    assert not AnnualReport.objects.filter(agency=demo, year=2025).exists()
    assert AnnualReport.objects.filter(year=2024, error_count__gt=0).count() == 0


def test_compiling_the_demo_government_equals_a_hand_count(demo) -> None:
    children = AnnualReport.objects.filter(agency__parent=demo, year=2025)
    own = (sources.application_tables(demo, 2025) or {}).get("table2", {})
    expected = []
    for column in range(7):
        total = sum(r.report.t2("new", column).value or 0 for r in children)
        total += (own.get("new") or [0] * 7)[column] or 0
        expected.append(total)
    row = workflow.start(demo, 2025, None)
    assert [c.value for c in row.report.table2["new"]] == expected
    assert sum(expected[:6]) == expected[6]
    part1 = row.report.part(1).text  # type: ignore[union-attr]
    assert f"本年度新收政府信息公开申请{expected[6]}件" in part1
    assert "工作考核、社会评议和责任追究结果情况：将政务公开工作纳入" in part1
    part6 = row.report.part(6).text  # type: ignore[union-attr]
    assert "人大代表建议和政协委员提案办理结果公开情况" in part6 and "工作要点" in part6
    assert "上年度问题整改情况" in row.report.part(5).text  # type: ignore[union-attr]
    assert not [f for f in workflow.findings(row) if f.code == "T2-11"]


def test_a_department_compiled_from_the_demo_records_holds_exactly_their_counts(demo) -> None:
    tables = sources.application_tables(demo, 2025)
    if tables is None or sources.table1_values(demo, 2025) is None:
        pytest.skip("the applications and registers apps are not installed")
    compiled = 0
    for agency in Agency.objects.filter(parent=demo):
        row = AnnualReport.objects.filter(agency=agency, year=2025).first()
        if row is None or not ChangeLog.objects.filter(object_id=str(row.pk), action="compile").exists():
            continue  # not started, or a demo report written by hand
        compiled += 1
        expected2 = sources.application_tables(agency, 2025)["table2"]  # type: ignore[index]
        for key, values in expected2.items():
            if key in row.report.table2:
                assert [c.value for c in row.report.table2[key]] == list(values), (agency.name, key)
        expected1 = sources.table1_values(agency, 2025) or {}
        for key, value in expected1.items():
            if key in row.report.table1 and value is not None:
                assert row.report.table1[key].value == value, (agency.name, key)
        fees = sources.fees(agency, 2025)
        part6 = row.report.part(6).text  # type: ignore[union-attr]
        assert fees is not None and (f"发出收费通知{fees.notices}件" in part6 or fees.notices == 0)
    assert compiled == 2
