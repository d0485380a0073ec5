"""Table-2 rules on small hand-made reports: T2-01 … T2-06 and T2-11."""

from __future__ import annotations

from tests.rules.helpers import applications, codes, only, set_t2, zero_report
from xxgk.model import Cell
from xxgk.rules import check

NATURAL, COMMERCIAL, OTHER_ORG, TOTAL = 0, 1, 5, 6


def consistent_report():
    report = zero_report(2022)
    applications(report, NATURAL, "granted", 5)
    applications(report, OTHER_ORG, "refused_7", 2)
    return report


def test_consistent_report_has_no_findings() -> None:
    assert check(consistent_report()) == []


def test_t2_01_broken_balance_names_column_and_numbers() -> None:
    report = consistent_report()
    set_t2(report, "carry_forward", [1, 0, 0, 0, 0, 0, 1])  # nothing was left open
    found = only(check(report), "T2-01")
    assert [f.cells[0] for f in found] == ["table2.new.natural_person", "table2.new.total"]
    first = found[0]
    assert first.severity == "error"
    assert "「自然人」列" in first.message
    assert "5 + 0 = 5" in first.message and "（七）总计 5 + 四、结转下年度 1 = 6" in first.message
    assert first.where == "表二「自然人」列"


def test_t2_02_row_total_differs_from_applicant_sum() -> None:
    report = consistent_report()
    report.table2["granted"][TOTAL] = Cell.of(4)
    found = only(check(report), "T2-02")
    assert len(found) == 1
    assert found[0].message == "「（一）予以公开」行「总计」为 4，但各类申请人之和为 5（其中「自然人」为 5）"
    assert found[0].cells[0] == "table2.granted.total"


def test_t2_03_grand_total_differs_from_results() -> None:
    report = consistent_report()
    report.table2["refused_7"][OTHER_ORG] = Cell.of(6)
    report.table2["refused_7"][TOTAL] = Cell.of(6)
    found = only(check(report), "T2-03")
    assert {f.cells[0] for f in found} == {"table2.total.other_org", "table2.total.total"}
    other = next(f for f in found if f.cells[0] == "table2.total.other_org")
    assert other.message == "「（七）总计」行「其他」列为 2，但各办理结果之和为 6（其中「（三）7」为 6）"


def test_t2_04_blank_is_missing_not_zero() -> None:
    report = consistent_report()
    report.table2["carry_forward"][TOTAL] = Cell.blank()
    findings = check(report)
    missing = only(findings, "T2-04")
    assert len(missing) == 1 and missing[0].severity == "error"
    assert missing[0].cells == ("table2.carry_forward.total",)
    assert "空白不等于 0" in missing[0].message
    # The balance of the 总计 column cannot be assessed; it is not reported as broken.
    balance = only(findings, "T2-01")
    assert len(balance) == 1 and not balance[0].assessable and balance[0].severity == "info"
    assert "「四、结转下年度」为空" in balance[0].message


def test_t2_04_missing_row_na_and_negative() -> None:
    report = consistent_report()
    del report.table2["unable_2"]
    report.table2["unable_3"][COMMERCIAL] = Cell.not_applicable()
    report.table2["not_processed_1"][COMMERCIAL] = Cell(value=-1, state=Cell.of(0).state)
    found = only(check(report), "T2-04")
    messages = {f.severity: [] for f in found}
    for f in found:
        messages[f.severity].append(f.message)
    assert any("缺少「2.没有现成信息需要另行制作」行" in m for m in messages["error"])
    assert any("为 -1" in m for m in messages["error"])
    assert any("填为「/」" in m for m in messages["warning"])
    # Not-applicable cells do not take part in sums: T2-02 for that row is not assessable.
    t2_02 = only(check(report), "T2-02")
    assert any(not f.assessable and "「（四）3」行" in f.message for f in t2_02)


def test_t2_05_results_exceed_received() -> None:
    report = zero_report(2022)
    set_t2(report, "granted", [3, 0, 0, 0, 0, 0, 3])
    set_t2(report, "total", [3, 0, 0, 0, 0, 0, 3])
    found = only(check(report), "T2-05")
    assert {f.where for f in found} == {"表二「（七）总计」行「自然人」列", "表二「（七）总计」行「总计」列"}
    assert "（七）总计 3 超过收到的申请 0" in found[0].message


def test_t2_05_leaf_sum_exceeding_received_is_flagged_even_when_the_total_row_is_zero() -> None:
    report = zero_report(2020)
    set_t2(report, "refused_7", [0, 0, 0, 0, 0, 6, 6])
    found = check(report)
    assert sorted(codes(found)) == ["T2-03", "T2-03", "T2-05", "T2-05"]
    assert all("各办理结果之和 6" in f.message for f in only(found, "T2-05"))


def test_t2_06_cross_year_carry_over() -> None:
    previous = zero_report(2021)
    set_t2(previous, "new", [3, 0, 0, 0, 0, 0, 3])
    set_t2(previous, "total", [1, 0, 0, 0, 0, 0, 1])
    set_t2(previous, "other_3", [1, 0, 0, 0, 0, 0, 1])
    set_t2(previous, "carry_forward", [2, 0, 0, 0, 0, 0, 2])
    assert check(previous) == []
    report = zero_report(2022)
    set_t2(report, "carried_over", [1, 0, 0, 0, 0, 0, 1])
    set_t2(report, "other_3", [1, 0, 0, 0, 0, 0, 1])
    set_t2(report, "total", [1, 0, 0, 0, 0, 0, 1])
    assert check(report) == []  # without the previous report there is nothing to compare
    found = only(check(report, previous=previous), "T2-06")
    assert len(found) == 1 and found[0].severity == "warning"
    assert "「自然人」本年为 1，上年为 2" in found[0].message
    assert "table2.carried_over.total" in found[0].cells
    # A report two years back is not compared.
    previous.year = 2020
    assert [f.assessable for f in only(check(report, previous=previous), "T2-06")] == [False]


def test_t2_11_roll_up_equals_sum_of_children() -> None:
    child_a, child_b = zero_report(2022, agency="甲局"), zero_report(2022, agency="乙局")
    applications(child_a, NATURAL, "granted", 2)
    applications(child_b, NATURAL, "granted", 3)
    parent = zero_report(2022, agency="某县人民政府")
    applications(parent, NATURAL, "granted", 5)
    assert only(check(parent, children=[child_a, child_b]), "T2-11") == []
    applications(child_b, COMMERCIAL, "partial", 1)
    found = only(check(parent, children=[child_a, child_b]), "T2-11")
    assert {f.where for f in found} == {"表二「一、本年新收」行", "表二「（二）部分公开」行", "表二「（七）总计」行"}
    new = next(f for f in found if "一、本年新收" in f.where)
    assert "「商业企业」本报告 0，下级合计 1" in new.message and "「总计」本报告 5，下级合计 6" in new.message
    assert only(check(parent), "T2-11") == []  # no children: the roll-up rule says nothing
    stale = zero_report(2021, agency="丙局")
    found = only(check(parent, children=[child_a, child_b, stale]), "T2-11")
    assert found[0].message == "下级报告 丙局是 2021 年度，与本报告（2022 年度）不同，未计入汇总比对"
    assert len(found) == 4  # the other three findings are unchanged
