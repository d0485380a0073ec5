"""Table-3 rules on small hand-made reports: T3-01, T3-02 and T3-05."""

from __future__ import annotations

from tests.rules.helpers import codes, only, set_t3, zero_report
from xxgk.model import Cell
from xxgk.rules import check


def test_t3_01_group_total_must_equal_its_four_results() -> None:
    report = zero_report(2024)
    set_t3(report, [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20])
    assert check(report) == []
    set_t3(report, [72, 64, 178, 37, 350, 13, 4, 8, 1, 26, 12, 1, 1, 6, 21])
    found = only(check(report), "T3-01")
    assert [f.cells[0] for f in found] == ["table3.rev_total", "table3.lit_after_total"]
    assert found[0].message == "「行政复议」总计为 350，但 结果维持 72 + 结果纠正 64 + 其他结果 178 + 尚未审结 37 = 351"


def test_t3_02_blank_review_cells_are_missing_and_not_assessable() -> None:
    report = zero_report(2020)
    set_t3(report, [None] * 5 + [0] * 10)
    found = check(report)
    assert sorted(codes(found)) == ["T3-01", "T3-02"]
    missing = only(found, "T3-02")[0]
    assert missing.severity == "error" and missing.message.startswith("「行政复议」五项均为空")
    assert missing.cells == tuple(f"table3.rev_{k}" for k in ("upheld", "corrected", "other", "pending", "total"))
    arithmetic = only(found, "T3-01")[0]
    assert not arithmetic.assessable and arithmetic.severity == "info"


def test_t3_02_not_applicable_and_negative() -> None:
    report = zero_report(2022)
    assert report.table3 is not None
    report.table3[6] = Cell.not_applicable()
    report.table3[12] = Cell(value=-1, state=Cell.of(0).state)
    found = only(check(report), "T3-02")
    assert {f.severity for f in found} == {"warning", "error"}
    assert any(f.message == "「未经复议直接起诉」「结果纠正」填为「/」，应填数字（没有的填 0）" for f in found)


def test_t3_05_pending_cases_reappear_next_year() -> None:
    previous, report = zero_report(2023), zero_report(2024)
    set_t3(previous, [0, 0, 0, 3, 3] + [0] * 10)
    set_t3(report, [1, 0, 0, 0, 1] + [0] * 10)
    found = only(check(report, previous=previous), "T3-05")
    assert len(found) == 1 and found[0].severity == "info"
    assert "上年「行政复议」尚未审结 3 件，本年「行政复议」总计仅 1 件" in found[0].message
    set_t3(report, [2, 0, 0, 1, 3] + [0] * 10)
    assert only(check(report, previous=previous), "T3-05") == []
