"""Structural rules STRUCT-01 … STRUCT-06 on small hand-made reports."""

from __future__ import annotations

from tests.rules.helpers import codes, only, zero_report
from xxgk.model import T2_WIDTH, Cell, Part
from xxgk.model import labels as L
from xxgk.rules import check


def test_struct_01_tables_only_report_gets_one_info_not_six_errors() -> None:
    report = zero_report(2022)
    report.parts = []
    found = check(report)
    assert [(f.code, f.severity, f.assessable) for f in found] == [("STRUCT-01", "info", False)]
    assert "未提供报告正文" in found[0].message


def test_struct_01_missing_part_six_is_an_error() -> None:
    report = zero_report(2020)
    report.parts = report.parts[:5]
    found = only(check(report), "STRUCT-01")
    assert [(f.severity, f.message) for f in found] == [("error", "缺少第六部分「六、其他需要报告的事项」")]


def test_struct_01_variant_heading_accepted_other_heading_warned_extra_part_warned() -> None:
    report = zero_report(2020)
    report.parts[3].heading = "四、因政府信息公开工作被申请复议、提起行政诉讼情况"
    report.parts[0].heading = "—、总体情况"  # a dash typed for 一: recognised, numbering warned
    report.parts[4].heading = "五、工作中的困难"
    report.parts.append(Part(6, "六、其他需要报告的事项", "另有一部分。"))
    found = only(check(report), "STRUCT-01")
    assert [f.severity for f in found] == ["warning", "info", "warning", "warning"]
    assert found[0].message == "第一部分标题「—、总体情况」编号有误，应为「一、总体情况」"
    assert "第四部分标题「四、因政府信息公开工作被申请复议、提起行政诉讼情况」" in found[1].message
    assert found[2].message == "第五部分标题「五、工作中的困难」与格式文本「五、存在的主要问题及改进情况」不符"
    assert "第六部分重复出现" in found[3].message


def test_struct_01_parts_out_of_order() -> None:
    report = zero_report(2022)
    report.parts[1], report.parts[2] = report.parts[2], report.parts[1]
    found = only(check(report), "STRUCT-01")
    assert [f.severity for f in found] == ["error"]
    assert "排在第三部分之后" in found[0].message


def test_struct_02_missing_tables() -> None:
    report = zero_report(2022)
    report.table3 = None
    report.table2 = {}
    found = check(report)
    assert sorted(codes(found, "error")) == ["STRUCT-02", "STRUCT-02"]
    assert {f.where for f in only(found, "STRUCT-02")} == {"表二", "表三"}
    report.table1 = {}
    assert len(only(check(report), "STRUCT-02")) == 3


def test_struct_03_2019_table_in_a_2021_report() -> None:
    report = zero_report(2022, format="2019")
    found = only(check(report), "STRUCT-03")
    assert [(f.severity, f.message) for f in found] == [
        ("error", "2022 年度报告应使用 2021 年格式（国办公开办函〔2021〕30号），实际使用 2019 年格式的表格")
    ]
    assert only(check(zero_report(2020, format="2021")), "STRUCT-03")[0].severity == "error"
    assert only(check(zero_report(2020)), "STRUCT-03") == []


def test_struct_03_single_other_row_in_a_2021_report() -> None:
    report = zero_report(2022)
    for key in ("other_1", "other_2", "other_3"):
        del report.table2[key]
    report.table2["other"] = [Cell.of(0) for _ in range(T2_WIDTH)]
    found = check(report)
    assert codes(found) == ["STRUCT-03"]  # the sums still work over the row it printed
    assert "表二按 2019 年格式填报" in found[0].message


def test_struct_04_2021_report_citing_only_the_2019_notice() -> None:
    report = zero_report(2021)
    report.parts[0].text = "根据《国办公开办函〔2019〕60号》要求，编制本报告。"
    found = only(check(report), "STRUCT-04")
    assert len(found) == 1 and found[0].severity == "warning"
    report.parts[0].text += f"按照{L.NOTICE_2021}格式。"
    assert only(check(report), "STRUCT-04") == []
    older = zero_report(2020)
    older.parts[0].text = "根据国办公开办函[2019]60号编制。"
    assert only(check(older), "STRUCT-04") == []


def test_struct_05_part_six_without_fee_statement() -> None:
    report = zero_report(2022)
    report.parts[5].text = "无"
    found = only(check(report), "STRUCT-05")
    assert len(found) == 1 and found[0].where == "正文第六部分"
    report.parts[5].text = "本年度发出收费通知 0 份，未收取信息处理费。"
    assert only(check(report), "STRUCT-05") == []
    old = zero_report(2020)
    old.parts[5].text = "无"
    assert only(check(old), "STRUCT-05") == []  # the 2019 format does not ask for it


def test_struct_06_government_report_without_assessment_content() -> None:
    report = zero_report(2022, agency="某县人民政府")
    found = only(check(report), "STRUCT-06")
    assert len(found) == 1 and "工作考核、社会评议、责任追究" in found[0].message
    report.parts[0].text = "将政务公开纳入绩效考核，开展社会评议，全年未发生责任追究情况。"
    assert only(check(report), "STRUCT-06") == []
    department = zero_report(2022, agency="某县应急管理局", agency_type="部门")
    assert only(check(department), "STRUCT-06") == []
