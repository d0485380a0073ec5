"""The report's life: compile, override with a reason, rules on every change, approval, publication, correction."""

from __future__ import annotations

import pytest

from web.accounts.models import ChangeLog
from web.reports import workflow
from web.reports.models import AnnualReport, CellOverride, ReportState, published_for
from web.reports.tests.conftest import make_report
from xxgk.model import Cell

pytestmark = pytest.mark.django_db


def test_start_compiles_the_format_of_the_year_and_logs(agency_a, owner) -> None:
    row = workflow.start(agency_a, 2025, owner)
    assert row.state == ReportState.DRAFT and row.version == 1
    assert row.report.format == "2021" and row.report.agency == agency_a.name
    assert [p.number for p in row.report.parts] == [1, 2, 3, 4, 5, 6]
    assert "信息处理费" in row.report.part(6).text  # type: ignore[union-attr]
    assert ChangeLog.objects.filter(object_id=str(row.pk), action="compile").exists()
    assert workflow.start(agency_a, 2025, owner).pk == row.pk  # a second compile opens the same report
    assert workflow.start(agency_a, 2020, owner).report.format == "2019"


def test_override_needs_a_reason_keeps_the_computed_value_and_is_logged(draft, owner) -> None:
    ref = "table2.new.natural_person"
    computed = draft.report.table2["new"][0].display()
    with pytest.raises(workflow.WorkflowError):
        workflow.override(draft, owner, ref, "99", "  ")
    workflow.override(draft, owner, ref, "99", "窗口登记漏录 2 件，已补录")
    draft.refresh_from_db()
    assert draft.report.table2["new"][0] == Cell.of(99)
    record = CellOverride.objects.get(report=draft, active=True)
    assert (record.ref, record.computed, record.value, record.by) == (ref, computed, "99", owner)
    log = ChangeLog.objects.get(object_id=str(draft.pk), action="override")
    assert "窗口登记漏录" in log.summary and computed in log.summary
    # The rules ran on the change: 99 breaks the row sum, an error.
    assert draft.error_count > 0
    # A second override of the same cell keeps the first computed value; reverting restores it.
    workflow.override(draft, owner, ref, "98", "再次核对")
    assert CellOverride.objects.get(report=draft, active=True).computed == computed
    workflow.revert_override(draft, owner, ref)
    draft.refresh_from_db()
    assert draft.report.table2["new"][0].display() == computed
    assert draft.error_count == 0


def test_bad_values_are_refused_with_the_cell_named(draft, owner) -> None:
    with pytest.raises(workflow.WorkflowError, match="表二 一、本年新收 · 自然人"):
        workflow.override(draft, owner, "table2.new.natural_person", "十二", "理由")
    with pytest.raises(workflow.WorkflowError):
        workflow.override(draft, owner, "table2.new.natural_person", "-1", "理由")
    with pytest.raises(workflow.WorkflowError, match="没有单元格"):
        workflow.override(draft, owner, "table2.nope.natural_person", "1", "理由")


def test_recompile_keeps_text_and_overrides(draft, owner) -> None:
    workflow.save_text(draft, owner, {5: "（一）存在的主要问题。人手不足。"})
    workflow.override(draft, owner, "table3.rev_upheld", "2", "复议决定书 2 份")
    workflow.recompile(draft, owner)
    draft.refresh_from_db()
    assert draft.report.part(5).text == "（一）存在的主要问题。人手不足。"  # type: ignore[union-attr]
    assert draft.report.t3(0) == Cell.of(2)


def test_an_error_blocks_approval(draft, owner, approver) -> None:
    workflow.override(draft, owner, "table2.total.total", "1000", "测试")
    workflow.submit(draft, owner)
    with pytest.raises(workflow.WorkflowError, match="错误"):
        workflow.approve(draft, approver)
    draft.refresh_from_db()
    assert draft.state == ReportState.REVIEW
    workflow.send_back(draft, approver)
    workflow.revert_override(draft, owner, "table2.total.total")
    workflow.submit(draft, owner)
    workflow.approve(draft, approver)
    assert draft.state == ReportState.APPROVED and draft.approved_by == approver


def test_a_published_report_cannot_be_edited_and_a_correction_is_a_new_version(draft, owner, approver) -> None:
    workflow.submit(draft, owner)
    workflow.approve(draft, approver)
    workflow.publish(draft, approver)
    data = draft.data
    with pytest.raises(workflow.WorkflowError, match="已公开"):
        workflow.save_text(draft, owner, {1: "改写"})
    with pytest.raises(workflow.WorkflowError, match="已公开"):
        workflow.override(draft, owner, "table3.rev_upheld", "5", "理由")
    with pytest.raises(workflow.WorkflowError):
        workflow.correct(draft, owner, "")
    draft.refresh_from_db()
    assert draft.data == data and draft.state == ReportState.PUBLISHED

    fixed = workflow.correct(draft, owner, "表三行政复议数字录入错误")
    assert (fixed.version, fixed.state, fixed.supersedes_id) == (2, ReportState.DRAFT, draft.pk)
    workflow.save_text(fixed, owner, {4: "更正后的说明。"})
    workflow.submit(fixed, owner)
    workflow.approve(fixed, approver)
    workflow.publish(fixed, approver)
    listed = list(published_for(draft.agency))
    assert [r.version for r in listed] == [2, 1]  # both stay visible, newest first
    assert AnnualReport.objects.get(pk=draft.pk).data == data


def test_cross_year_check_uses_last_years_published_report(agency_a, owner) -> None:
    last = make_report(agency_a, 2024, owner, state=ReportState.PUBLISHED, seed=3)
    row = make_report(agency_a, 2025, owner, seed=4)

    def last_carry_forward(cells: list[Cell]) -> None:
        report = last.report
        report.table2["carry_forward"] = cells
        last.set_report(report)
        last.save()

    last_carry_forward(list(row.report.table2["carried_over"]))
    assert "T2-06" not in {f.code for f in workflow.findings(row)}
    changed = list(row.report.table2["carried_over"])
    changed[0] = Cell.of((changed[0].value or 0) + 1)
    changed[6] = Cell.of((changed[6].value or 0) + 1)
    last_carry_forward(changed)
    assert "T2-06" in {f.code for f in workflow.findings(row)}


def test_last_years_problems_are_carried_in(agency_a, owner) -> None:
    last = make_report(agency_a, 2024, owner, state=ReportState.PUBLISHED)
    report = last.report
    report.parts[4].text = "（一）存在的主要问题。栏目更新不及时。\n（二）改进情况。建立提醒机制。"
    last.set_report(report)
    last.save()
    row = workflow.start(agency_a, 2025, owner)
    part5 = row.report.part(5).text  # type: ignore[union-attr]
    assert "上年度问题整改情况" in part5 and "栏目更新不及时" in part5 and "建立提醒机制" not in part5


def test_unwritten_placeholders_block_approval(agency_a, owner, approver) -> None:
    row = workflow.start(agency_a, 2025, owner)
    found = [f for f in workflow.findings(row) if f.code == "TEXT-01"]
    assert found and all(f.severity == "error" for f in found)
    assert {f.where for f in found} >= {"正文第1部分", "正文第5部分"}
    workflow.submit(row, owner)
    with pytest.raises(workflow.WorkflowError, match="错误"):
        workflow.approve(row, approver)
