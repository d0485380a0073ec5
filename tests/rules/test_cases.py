"""Case-system rules T2-07, T2-08, T3-03: checked on case records, never on a published report."""

from __future__ import annotations

from tests.rules.helpers import zero_report
from xxgk.rules import (
    RULES,
    ConcludedApplication,
    LitigationRecord,
    check,
    check_litigation_scope,
    check_partial_counting,
    check_single_count,
)


def test_case_rules_are_registered_but_not_run_on_reports() -> None:
    for code in ("T2-07", "T2-08", "T3-03"):
        assert RULES[code].kind == "records" and RULES[code].check is None
    assert check(zero_report(2022)) == []


def test_t2_07_partial_disclosure_counts_only_as_partial() -> None:
    good = [ConcludedApplication("2024-001", ("partial",), "natural_person")]
    assert check_partial_counting(good) == []
    double = ConcludedApplication("2024-002", ("partial", "refused_4"), "natural_person")
    split = ConcludedApplication("2024-003", ("granted", "refused_6"), "commercial")
    found = check_partial_counting([*good, double, split])
    assert [f.code for f in found] == ["T2-07", "T2-07"]
    assert found[0].message == "申请 2024-002 已计入「（二）部分公开」，又计入「（三）4」；区分处理的只计部分公开"
    assert "应只计入「（二）部分公开」" in found[1].message and found[1].where == "案件 2024-003"


def test_t2_08_one_result_row_and_one_applicant_column() -> None:
    good = [
        ConcludedApplication("A1", ("granted",), "natural_person"),
        ConcludedApplication("A2", ("other_2",), "legal_service"),
    ]
    assert check_single_count(good, "2021") == []
    bad = [
        ConcludedApplication("B1", (), "natural_person"),
        ConcludedApplication("B2", ("granted", "unable_1"), "natural_person"),
        ConcludedApplication("B3", ("other_2",), "natural_person"),
        ConcludedApplication("B4", ("granted",), "total"),
        ConcludedApplication("B4", ("granted",), "natural_person"),
    ]
    found = check_single_count(bad, "2019")
    messages = [f.message for f in found]
    assert all(f.code == "T2-08" and f.severity == "error" for f in found)
    assert "申请 B1 计入 0 个办理结果（无），应恰好一个" in messages
    assert any(m.startswith("申请 B2 计入 2 个办理结果") for m in messages)
    assert any("B3" in m and "不是 2019 年格式表二的办理结果行" in m for m in messages)
    assert any("B4" in m and "申请人类型「total」" in m for m in messages)
    assert "申请 B4 被统计了 2 次" in messages


def test_t3_03_review_body_as_co_defendant_does_not_count() -> None:
    cases = [
        LitigationRecord("L1", "litigation"),
        LitigationRecord("L2", "litigation", role="review_body", review_body_co_defendant=True),
        LitigationRecord("R1", "review", from_disclosure_work=False),
        LitigationRecord("L3", "litigation", role="original", review_body_co_defendant=True),
    ]
    found = check_litigation_scope(cases)
    assert [f.where for f in found] == ["案件 L2", "案件 R1"]
    assert "应由原行政行为机关统计" in found[0].message
    assert found[0].basis.startswith("国办公开办函〔2016〕201号")
