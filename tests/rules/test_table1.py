"""Table-1 rules on small hand-made reports: T1-01 … T1-04 and T1-06."""

from __future__ import annotations

from decimal import Decimal

from tests.rules.helpers import only, zero_report
from xxgk.model import Cell, table1_key
from xxgk.model import labels as L
from xxgk.rules import check

FEE_2021 = table1_key(L.T1_ROW_FEES, L.T1_COL_FEE_AMOUNT)


def test_t1_01_blank_fee_cell_is_an_error() -> None:
    report = zero_report(2022)
    report.table1[FEE_2021] = Cell.blank()
    found = only(check(report), "T1-01")
    assert len(found) == 1 and found[0].severity == "error"
    assert found[0].cells == (f"table1.{FEE_2021}",)
    assert found[0].message.startswith("「行政事业性收费」行「本年收费金额（单位：万元）」为空")


def test_t1_01_missing_row_and_unexpected_cell() -> None:
    report = zero_report(2022)
    del report.table1[table1_key(L.T1_ROW_PENALTY, L.T1_COL_DECISIONS_2021)]
    report.table1[table1_key(L.T1_ROW_PROCUREMENT, L.T1_COL_PROCUREMENT_ITEMS)] = Cell.of(2)
    found = only(check(report), "T1-01")
    by_severity = {f.severity: f for f in found}
    assert "缺少「行政处罚」行" in by_severity["error"].message
    assert "本格式（2021 年）没有的单元格「政府集中采购/采购项目数量」" in by_severity["warning"].message


def test_t1_01_all_blank_table_is_one_finding() -> None:
    report = zero_report(2022)
    for key in report.table1:
        report.table1[key] = Cell.blank()
    found = only(check(report), "T1-01")
    assert [f.message for f in found] == ["表一全部 10 个单元格为空（空白不等于 0，没有的应填 0）"]


def test_t1_01_old_row_label_is_the_same_row_with_a_warning() -> None:
    report = zero_report(2024)
    for column in (L.T1_COL_ISSUED, L.T1_COL_REPEALED, L.T1_COL_IN_FORCE):
        value = report.table1.pop(table1_key(L.T1_ROW_NORMATIVE_2021, column))
        report.table1[table1_key(L.T1_ROW_NORMATIVE_2019, column)] = value
    found = check(report)
    assert [(f.code, f.severity) for f in found] == [("T1-01", "warning")]
    assert "「规范性文件」是 2019 年格式的写法" in found[0].message


def test_t1_01_cells_run_together_are_present_but_unverifiable() -> None:
    report = zero_report(2022)
    for column in (L.T1_COL_ISSUED, L.T1_COL_REPEALED, L.T1_COL_IN_FORCE):
        del report.table1[table1_key(L.T1_ROW_RULES, column)]
    report.table1["规章/本年制发件数|本年废止件数|现行有效件数"] = Cell.unresolved("000")
    found = check(report)
    assert [(f.code, f.severity) for f in found] == [("T1-01", "info")]
    assert "原文「000」" in found[0].message


def test_t1_02_negative_count_and_amount_unit() -> None:
    report = zero_report(2022)
    report.table1[table1_key(L.T1_ROW_LICENSING, L.T1_COL_DECISIONS_2021)] = Cell(value=-3, state=Cell.of(0).state)
    report.table1[FEE_2021] = Cell.of(Decimal("3940"), unit="元")
    found = only(check(report), "T1-02")
    assert {f.severity for f in found} == {"error", "warning"}
    assert any(f.message == "「行政许可」行「本年处理决定数量」为 -3，应为非负整数" for f in found)
    assert any("以「元」填报，表格单位为「万元」" in f.message for f in found)


def test_t1_02_2019_items_cannot_go_negative_and_procurement_unit() -> None:
    report = zero_report(2020)
    report.table1[table1_key(L.T1_ROW_OTHER_SERVICES, L.T1_COL_PREVIOUS_ITEMS)] = Cell.of(7)
    report.table1[table1_key(L.T1_ROW_OTHER_SERVICES, L.T1_COL_CHANGE)] = Cell.of(-9)
    report.table1[table1_key(L.T1_ROW_PROCUREMENT, L.T1_COL_PROCUREMENT_AMOUNT)] = Cell.of(Decimal("4059952"))
    found = only(check(report), "T1-02")
    assert {f.severity for f in found} == {"warning", "info"}
    assert any("上一年项目数量 7 加本年增/减 -9 小于 0" in f.message for f in found)
    assert any("采购总金额」 4059952 未注明单位" in f.message for f in found)


def _normative(report, issued: int, repealed: int, in_force: int) -> None:
    for column, value in ((L.T1_COL_ISSUED, issued), (L.T1_COL_REPEALED, repealed), (L.T1_COL_IN_FORCE, in_force)):
        report.table1[table1_key(L.T1_ROW_NORMATIVE_2021, column)] = Cell.of(value)


def test_t1_03_in_force_count_follows_last_year() -> None:
    previous, report = zero_report(2023), zero_report(2024)
    _normative(previous, 5, 0, 84)
    _normative(report, 8, 26, 66)
    assert only(check(report), "T1-03") == []  # nothing to compare without last year's report
    assert only(check(report, previous=previous), "T1-03") == []  # 84 + 8 − 26 = 66
    _normative(report, 8, 20, 66)
    found = only(check(report, previous=previous), "T1-03")
    assert len(found) == 1 and found[0].severity == "warning"
    assert "现行有效件数为 66，但上年现行有效 84 + 本年制发 8 − 本年废止 20 = 72" in found[0].message


def test_t1_04_items_follow_last_year_in_2019_format() -> None:
    previous, report = zero_report(2019), zero_report(2020)
    previous.table1[table1_key(L.T1_ROW_LICENSING, L.T1_COL_PREVIOUS_ITEMS)] = Cell.of(10)
    previous.table1[table1_key(L.T1_ROW_LICENSING, L.T1_COL_CHANGE)] = Cell.of(-4)
    report.table1[table1_key(L.T1_ROW_LICENSING, L.T1_COL_PREVIOUS_ITEMS)] = Cell.of(6)
    assert only(check(report, previous=previous), "T1-04") == []
    report.table1[table1_key(L.T1_ROW_LICENSING, L.T1_COL_PREVIOUS_ITEMS)] = Cell.of(1)
    found = only(check(report, previous=previous), "T1-04")
    assert [f.message for f in found] == ["「行政许可」上一年项目数量为 1，但上年报告 10 加增/减 -4 = 6"]


def test_t1_06_rules_count_for_a_body_without_rule_making_power() -> None:
    report = zero_report(2022, agency="某区应急管理局", agency_type="部门")
    report.table1[table1_key(L.T1_ROW_RULES, L.T1_COL_IN_FORCE)] = Cell.of(3)
    found = only(check(report), "T1-06")
    assert len(found) == 1 and found[0].severity == "info"
    city = zero_report(2022, agency="淮安市人民政府")
    city.parts[0].text = "开展工作考核、社会评议，未发生责任追究。"
    city.table1[table1_key(L.T1_ROW_RULES, L.T1_COL_IN_FORCE)] = Cell.of(11)
    assert check(city) == []
