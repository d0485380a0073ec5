"""The extractor on structured rows (as the HTML/DOCX/PDF front-ends produce them), on odd input, and the
`parse_file` contract."""

from __future__ import annotations

from pathlib import Path

import pytest

from xxgk.model import labels as L
from xxgk.model import loads
from xxgk.model.jsonform import dumps
from xxgk.parse import FRONT_ENDS, parse_file
from xxgk.parse.document import Fragment, Row, SourceDocument, UnreadableDocument
from xxgk.parse.extract import extract
from xxgk.parse.text import text_to_document


def table_row(table: int, row: int, *texts: str, merged: tuple[int, ...] = ()) -> Row:
    return Row(
        [Fragment(t, table=table, row=row, column=c + 1, continuation=c in merged) for c, t in enumerate(texts)],
        kind="table_row",
    )


def structured_document() -> SourceDocument:
    rows = [Row([Fragment("某某局2023年政府信息公开工作年度报告")]), Row([Fragment("一、总体情况")])]
    rows.append(Row([Fragment("二、主动公开政府信息情况")]))
    rows += [
        table_row(1, 1, "第二十条第（一）项", "", "", "", merged=(1, 2, 3)),
        table_row(1, 2, "信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
        table_row(1, 3, "规章", "0", "0", "0"),
        table_row(1, 4, "行政规范性文件", "2", "1", "15"),
        table_row(1, 5, "第二十条第（五）项", "", "", "", merged=(1, 2, 3)),
        table_row(1, 6, "信息内容", "本年处理决定数量", "", "", merged=(2, 3)),
        table_row(1, 7, "行政许可", "12", "", "", merged=(2, 3)),
        table_row(1, 8, "第二十条第（六）项", "", "", "", merged=(1, 2, 3)),
        table_row(1, 9, "行政处罚", "3", "", "", merged=(2, 3)),
        table_row(1, 10, "行政强制", "/", "", "", merged=(2, 3)),
        table_row(1, 11, "第二十条第（八）项", "", "", "", merged=(1, 2, 3)),
        table_row(1, 12, "行政事业性收费", "0.3940", "", "", merged=(2, 3)),
    ]
    rows.append(Row([Fragment("三、收到和处理政府信息公开申请情况")]))
    rows.append(table_row(2, 1, L.T2_HEADER_NOTE, "", "", "申请人情况", merged=(1, 2)))
    from xxgk.model.formats import FORMAT_2021

    for n, spec in enumerate(FORMAT_2021.table2_rows, start=2):
        group = spec.group or spec.label
        cells = [group, spec.label if spec.group else "", spec.label if "." in spec.label[:3] else ""]
        values = [str(n), "0", "0", "0", "0", "0", str(n)]
        rows.append(table_row(2, n, *cells, *values, merged=(1, 2) if not spec.group else ()))
    rows.append(Row([Fragment("四、政府信息公开行政复议、行政诉讼情况")]))
    rows.append(table_row(3, 1, "行政复议", "", "", "", "", "行政诉讼", *[""] * 9))
    rows.append(table_row(3, 2, *(["1", "0", "0", "0", "1"] + ["0"] * 10)))
    rows.append(Row([Fragment("五、存在的主要问题及改进情况")]))
    rows.append(Row([Fragment("六、其他需要报告的事项")]))
    rows.append(Row([Fragment("本年度未收取信息处理费。")]))
    return SourceDocument(kind="html", rows=rows, path="report.html")


def test_structured_rows_labels_first_values_last() -> None:
    report = extract(structured_document())
    assert report.year == 2023 and report.format == "2021"
    assert report.table1["行政规范性文件/现行有效件数"].value == 15
    assert report.table1["行政强制/本年处理决定数量"].state.value == "not_applicable"
    assert str(report.table1["行政事业性收费/本年收费金额（单位：万元）"].value) == "0.3940"
    assert list(report.table2) == list(FORMAT_KEYS)
    assert [c.value for c in report.table2["new"]] == [2, 0, 0, 0, 0, 0, 2]
    assert report.table2["carry_forward"][0].value == len(FORMAT_KEYS) + 1
    assert report.table3 is not None and [c.value for c in report.table3[:5]] == [1, 0, 0, 0, 1]
    prov = report.table2["total"][6].provenance
    assert prov is not None and prov.table == 2 and prov.column == 10 and prov.label_status == "exact"
    assert [p.number for p in report.parts] == [1, 2, 3, 4, 5, 6]


FORMAT_KEYS = __import__("xxgk.model.formats", fromlist=["FORMAT_2021"]).FORMAT_2021.table2_keys


def test_prose_only_report_yields_no_tables_and_says_so() -> None:
    doc = text_to_document("某某局2022年政府信息公开工作年度报告\n一、总体情况\n本年度无相关数据。\n")
    report = extract(doc)
    assert report.table1 == {} and report.table2 == {} and report.table3 is None
    assert "PARSE-NO-TABLES" in [f.code for f in report.findings]
    assert report.year == 2022


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\x00\x01",
        "||||\n|---|\n| | |",
        "一、\n二、\n三、\n第二十条第\n行政复议\n1 2 3",
        "1\n" * 500,
        "规章\t增\t减\t/",
    ],
)
def test_odd_input_never_raises(text: str) -> None:
    report = extract(text_to_document(text))
    loads(dumps(report))  # and the result is a valid §J report


def test_an_internal_error_becomes_an_error_finding() -> None:
    broken = SourceDocument(kind="text", rows=[Row([None])])  # type: ignore[list-item]
    report = extract(broken)
    assert [f.code for f in report.findings] == ["PARSE-INTERNAL"]
    assert report.findings[0].severity == "error"


def test_parse_file_reads_text_in_gb18030(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes("某局2021年政府信息公开工作年度报告\n一、总体情况\n".encode("gb18030"))
    report = parse_file(path)
    assert report.year == 2021 and report.meta["source_file"] == "report.txt"
    assert report.meta["document_kind"] == "text"


def test_parse_file_refuses_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_bytes(b"")
    with pytest.raises(UnreadableDocument, match="文件为空"):
        parse_file(path)


def test_front_ends_are_a_plain_dict() -> None:
    assert FRONT_ENDS["text"] is FRONT_ENDS["markdown"]


def test_a_note_ending_in_a_number_inside_table_2_is_not_a_row() -> None:
    rows = "\n".join(
        f"{label}\t{n}\t0\t0\t0\t0\t0\t{n}"
        for n, label in enumerate(("一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量"), start=1)
    )
    text = (
        "某局2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"
        f"{rows.splitlines()[0]}\n注：含电话咨询 12\n{rows.splitlines()[1]}\n"
    )
    report = extract(text_to_document(text))
    assert report.table2["carried_over"][0].value == 2
    assert "PARSE-T2-STRAY-VALUE" in [f.code for f in report.findings]


def test_table_1_without_block_headers() -> None:
    text = (
        "某局2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t1\t+2\t3\n"
        "行政许可\t3940元\n行政事业性收费\t3940元\n"
    )
    report = extract(text_to_document(text))
    assert report.table1["行政规范性文件/本年废止件数"].value == 2
    assert str(report.table1["行政事业性收费/本年收费金额（单位：万元）"].value) == "0.394"


def test_a_report_before_the_2019_regulation_keeps_no_year() -> None:
    report = extract(text_to_document("某局2017年政府信息公开工作年度报告\n一、总体情况\n"))
    assert report.year is None and report.meta["printed_year"] == 2017
    assert "PARSE-YEAR-UNSUPPORTED" in [f.code for f in report.findings]
    loads(dumps(report))


@pytest.mark.parametrize("printed", ["-3", "2.5"])
def test_impossible_counts_are_kept_verbatim_with_a_finding(printed: str) -> None:
    text = (
        "某局2021年政府信息公开工作年度报告\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"
        f"一、本年新收政府信息公开申请数量\t{printed}\t0\t0\t0\t0\t0\t0\n"
    )
    report = extract(text_to_document(text))
    cell = report.table2["new"][0]
    assert cell.state.value == "unresolved" and cell.raw == printed
    assert "PARSE-VALUE-INVALID" in [f.code for f in report.findings]
    loads(dumps(report))


LAYOUT_TABLE3 = """某局2020年政府信息公开工作年度报告
四、政府信息公开行政复议、行政诉讼情况
          行政复议                                  行政诉讼
                                未经复议直接起诉                      复议后起诉
结果   结果   其他     尚未
                      总计   结果   结果   其他    尚未        结果   结果   其他   尚未
维持   纠正   结果     审结                             总计                        总计
                           维持   纠正   结果    审结        维持   纠正   结果   审结
                           0    0     0    0    0    0    0     0     0   0
五、存在的主要问题及改进情况
"""


def test_layout_text_indentation_places_blank_leading_cells() -> None:
    # `pdftotext -layout` of a table 3 whose five 行政复议 cells are blank: the value line is indented
    report = extract(text_to_document(LAYOUT_TABLE3))
    assert report.table3 is not None
    assert [c.is_blank for c in report.table3] == [True] * 5 + [False] * 10
    assert "PARSE-T3-SHORT" in [f.code for f in report.findings]


def test_unindented_short_table3_is_filled_left_to_right_with_a_warning() -> None:
    text = LAYOUT_TABLE3.replace("                           0    0", "0    0")
    report = extract(text_to_document(text))
    assert report.table3 is not None
    assert [c.is_blank for c in report.table3] == [False] * 10 + [True] * 5
    short = [f for f in report.findings if f.code == "PARSE-T3-SHORT"]
    assert short and "从左到右" in short[0].message


def test_2019_table_with_the_2021_sub_rows_of_other() -> None:
    head = "某局2020年政府信息公开工作年度报告\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n"
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"
    from xxgk.model.formats import FORMAT_2019

    lines = []
    for spec in FORMAT_2019.table2_rows:
        if spec.key == "other":
            for n, key in enumerate(("other_1", "other_2", "other_3"), start=1):
                lines.append(f"{L.T2_ROW_LABELS[key][0]}\t{n}\t0\t0\t0\t0\t0\t{n}")
        else:
            lines.append(f"{spec.label}\t1\t0\t0\t0\t0\t0\t1")
    report = extract(text_to_document(head + note + "\n".join(lines)))
    assert report.format == "2019"
    assert [report.table2[k][0].value for k in ("other_1", "other_2", "other_3")] == [1, 2, 3]
    assert report.table2["total"][0].value == 1 and report.table2["carry_forward"][0].value == 1
    assert "other" not in report.table2
    assert "PARSE-T2-SPLIT-OTHER" in [f.code for f in report.findings]
    loads(dumps(report))


def test_an_added_subtotal_column_is_left_out() -> None:
    from xxgk.model.formats import FORMAT_2021

    head = (
        "某局2022年政府信息公开工作年度报告\n"
        "| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |\n"
        "| | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 小计 | 总计 |\n"
    )
    body = "\n".join(f"| {spec.label} | 5 | 1 | 0 | 0 | 0 | 2 | 3 | 8 |" for spec in FORMAT_2021.table2_rows)
    report = extract(text_to_document(head + body))
    assert all([c.value for c in cells] == [5, 1, 0, 0, 0, 2, 8] for cells in report.table2.values())
    assert "PARSE-T2-SUBTOTAL-COLUMN" in [f.code for f in report.findings]
