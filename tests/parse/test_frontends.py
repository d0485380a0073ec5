"""The binary front-ends (HTML, DOCX, PDF) and file sniffing on the real corpus and on made-up inputs."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from tests.conftest import corpus_files
from tests.parse.pdf_samples import blank_pdf, encrypted_pdf, ruled_table_pdf
from xxgk.parse.document import Row, SourceDocument, UnreadableDocument
from xxgk.parse.docx import parse_docx_bytes, read_docx
from xxgk.parse.html import decode_html, parse_html_bytes, read_html
from xxgk.parse.pdf import parse_pdf_bytes, read_pdf
from xxgk.parse.sniff import kind_for, sniff_kind


def table_rows(document: SourceDocument, table: int) -> list[Row]:
    return [r for r in document.rows if r.kind == "table_row" and r.cells[0].table == table]


def texts(row: Row) -> list[str | None]:
    """Cell texts with continuation positions shown as None."""
    return [None if c.continuation else c.text for c in row.cells]


def values(row: Row) -> list[str]:
    return [c.text for c in row.cells if not c.continuation and c.text][-7:]


# --- HTML --------------------------------------------------------------------------------------------


@pytest.mark.corpus
@pytest.mark.parametrize("path", corpus_files("pingtan-*.html"), ids=lambda p: p.name)
def test_html_corpus_pages_have_three_tables_with_grids(path: Path) -> None:
    document = read_html(path)
    assert document.kind == "html"
    assert {r.cells[0].table for r in document.rows if r.kind == "table_row"} == {1, 2, 3}
    table2 = table_rows(document, 2)
    # Every row of a grid has the same width once spans are expanded.
    assert len({len(r.cells) for r in table2}) == 1
    new = next(r for r in table2 if r.cells[0].text.startswith("一、本年新收"))
    assert len([c for c in new.cells if not c.continuation and c.text.isdigit()]) == 7
    # No script or style text leaks into the text rows.
    assert not any("function(" in r.text or "{display" in r.text for r in document.rows)


@pytest.mark.corpus
def test_html_rowspan_and_colspan_expand_into_continuations(corpus_dir: Path) -> None:
    document = read_html(corpus_dir / "pingtan-2021.html")
    table2 = table_rows(document, 2)
    header = table2[0]
    # （本列数据…） spans 3 columns and 3 rows; 申请人情况 starts at grid column 4.
    assert header.cells[0].text.startswith("（本列数据的勾稽关系为")
    assert [c.continuation for c in header.cells[:4]] == [False, True, True, False]
    assert all(r.cells[0].continuation for r in table2[1:3])
    # 三、本年度办理结果 spans 22 rows: the next 21 rows are continuations in column 1.
    start = next(i for i, r in enumerate(table2) if r.cells[0].text == "三、本年度办理结果")
    assert all(r.cells[0].continuation and r.cells[0].text == "" for r in table2[start + 1 : start + 22])
    assert not table2[start + 22].cells[0].continuation  # 四、结转下年度继续办理
    # Provenance: table, row and column of each fragment.
    granted = table2[start]
    assert (granted.cells[3].table, granted.cells[3].row, granted.cells[3].column) == (2, start + 1, 4)
    assert values(granted) == ["27", "0", "0", "2", "0", "1", "30"]


@pytest.mark.corpus
def test_html_text_outside_tables_in_reading_order(corpus_dir: Path) -> None:
    document = read_html(corpus_dir / "pingtan-2023.html")
    texts_only = [r.text for r in document.rows if r.kind == "text"]
    headings = [t for t in texts_only if t.startswith(("二、主动公开", "三、收到和处理", "四、政府信息公开行政复议"))]
    assert headings[:2] == ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"]
    assert headings[2].startswith("四、政府信息公开行政复议")
    kinds = [(r.kind, r.cells[0].table) for r in document.rows]
    # Heading 三 comes after table 1 and before table 2.
    index_heading = next(i for i, r in enumerate(document.rows) if r.text.startswith("三、收到和处理"))
    assert kinds[index_heading - 1] == ("table_row", 1)
    assert kinds[index_heading + 1] == ("table_row", 2)


def test_html_gb18030_declared_and_undeclared() -> None:
    page = "<html><body><p>一、总体情况</p><table><tr><td>规章</td><td>3</td></tr></table></body></html>"
    declared = ('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">' + page).encode("gb18030")
    assert decode_html(declared)[1] == "gb18030"
    document = parse_html_bytes(declared)
    assert document.rows[0].text == "一、总体情况"
    assert [c.text for c in document.rows[1].cells] == ["规章", "3"]
    # No declaration, bytes that are not UTF-8: GB18030.
    assert decode_html(page.encode("gb18030"))[1] == "gb18030"
    assert parse_html_bytes(page.encode("gb18030")).rows[0].text == "一、总体情况"


def test_html_scripts_styles_and_layout_tables() -> None:
    page = (
        "<html><head><style>p{color:red}</style></head><body>"
        "<script>var x = '一、总体情况';</script>"
        "<table><tr><td><p>正文第一段</p><table><tr><td>行政许可</td><td>7</td></tr></table><p>末段</p></td></tr>"
        "</table></body></html>"
    ).encode()
    document = parse_html_bytes(page)
    assert [r.text for r in document.rows] == ["正文第一段", "行政许可\t7", "末段"]
    assert document.rows[1].kind == "table_row" and document.rows[1].cells[0].table == 1


def test_html_control_characters_after_a_removed_script_are_dropped() -> None:
    # Found by bench/bench_fuzz.py: lxml refused the tail text of a removed <script> holding \x01.
    page = b"<html><body><p>a<script>x</script>\x01b\x0c</p><p>\x00c</p></body></html>"
    assert [r.text for r in parse_html_bytes(page).rows] == ["ab", "c"]


def test_html_ragged_rows_and_bad_spans_do_not_crash() -> None:
    page = b"<table><tr><td rowspan='x'>a</td><td colspan='99999'>b</td></tr><tr><td rowspan=5>c</td></tr></table>"
    rows = parse_html_bytes(page).rows
    assert [texts(r) for r in rows] == [["a", "b"], ["c"]]


def test_html_empty_file_is_unreadable(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"  \n")
    with pytest.raises(UnreadableDocument, match="文件为空"):
        read_html(empty)


# --- DOCX --------------------------------------------------------------------------------------------


@pytest.mark.corpus
def test_docx_official_template_grids_and_blank_values(corpus_dir: Path) -> None:
    document = read_docx(corpus_dir / "official-template-2021.docx")
    assert document.meta["tables"] == 3
    order = [r.text for r in document.rows if r.kind == "text"]
    assert order.index("二、主动公开政府信息情况") < order.index("三、收到和处理政府信息公开申请情况")
    table1, table2, table3 = (table_rows(document, n) for n in (1, 2, 3))
    # gridSpan: 第二十条第（一）项 spans all 4 grid columns.
    assert texts(table1[0]) == ["第二十条第（一）项", None, None, None]
    # The template's value cells hold only ideographic spaces: blank, never zero.
    assert texts(table1[2]) == ["规章", "", "", ""]
    # vMerge: 三、本年度办理结果 restarts in row 6 and is continued down to （七）总计.
    assert table2[5].cells[0].text == "三、本年度办理结果"
    assert all(r.cells[0].continuation for r in table2[6:27])
    assert not table2[27].cells[0].continuation
    assert all(len(r.cells) == 10 for r in table2)
    assert texts(table2[3])[3:] == [""] * 7
    assert texts(table3[3]) == [""] * 15
    assert all(r.cells[1].continuation for r in table3[2:3]) and table3[2].cells[5].text == "结果 维持"


def test_docx_merges_made_with_python_docx(tmp_path: Path) -> None:
    made = docx.Document()
    made.add_paragraph("前言")
    table = made.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "表头"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "合并行"
    table.cell(1, 1).text = "1"
    table.cell(2, 2).text = "0"
    made.add_paragraph("后记")
    path = tmp_path / "made.docx"
    made.save(str(path))
    document = read_docx(path)
    assert [r.kind for r in document.rows] == ["text", "table_row", "table_row", "table_row", "text"]
    assert texts(document.rows[1]) == ["表头", None, None]
    assert texts(document.rows[2]) == ["合并行", "1", ""]
    assert texts(document.rows[3]) == [None, "", "0"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "文件为空"),
        (b"PK\x03\x04garbage that is not a zip archive", "DOCX 文件已损坏"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "已加密或为旧版"),
    ],
    ids=["empty", "corrupt-zip", "ole"],
)
def test_docx_unreadable(data: bytes, message: str) -> None:
    with pytest.raises(UnreadableDocument, match=message):
        parse_docx_bytes(data)


def test_docx_zip_without_body_and_broken_xml() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/styles.xml", "<x/>")
    with pytest.raises(UnreadableDocument, match="缺少正文"):
        parse_docx_bytes(buffer.getvalue())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document><w:body><w:p>")
    with pytest.raises(UnreadableDocument, match="正文 XML 无法解析"):
        parse_docx_bytes(buffer.getvalue())


@pytest.mark.corpus
def test_docx_truncated_corpus_file_is_unreadable(corpus_dir: Path) -> None:
    data = (corpus_dir / "official-template-2021.docx").read_bytes()
    with pytest.raises(UnreadableDocument, match="DOCX 文件已损坏"):
        parse_docx_bytes(data[: len(data) // 2])


# --- PDF ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def huaian(corpus_dir: Path) -> SourceDocument:
    return read_pdf(corpus_dir / "huaian-gov-2024.pdf")


@pytest.mark.corpus
def test_pdf_tables_and_page_provenance(huaian: SourceDocument) -> None:
    assert huaian.pages == 6 and huaian.meta["text_layer"] is True
    assert {r.cells[0].table for r in huaian.rows if r.kind == "table_row"} == {1, 2, 3}
    table3 = table_rows(huaian, 3)
    printed = "72 64 178 37 351 13 4 8 1 26 12 1 1 6 20"
    assert [c.text for c in table3[-1].cells] == printed.split()
    assert {c.page for c in table3[-1].cells} == {5}


@pytest.mark.corpus
def test_pdf_table_split_across_pages_is_stitched(huaian: SourceDocument) -> None:
    table1 = table_rows(huaian, 1)
    assert [r.cells[0].row for r in table1] == list(range(1, 15))
    assert {r.cells[0].page for r in table1} == {3, 4}
    # The continuation on page 4 has fewer rulings; it is put back on the 4-column grid.
    penalty = next(r for r in table1 if r.cells[0].text == "行政处罚")
    assert penalty.cells[0].page == 4
    assert texts(penalty) == ["行政处罚", "3985758", None, None]
    table2 = table_rows(huaian, 2)
    assert len(table2) == 28 and {r.cells[0].page for r in table2} == {4, 5}
    first_on_5 = next(r for r in table2 if r.cells[0].page == 5)
    # 三、本年度办理结果 continues across the page break as a merged cell.
    assert first_on_5.cells[0].continuation
    assert values(first_on_5) == ["11", "0", "0", "0", "0", "0", "11"]


@pytest.mark.corpus
def test_pdf_merged_cells_and_reading_order(huaian: SourceDocument) -> None:
    table2 = table_rows(huaian, 2)
    assert texts(table2[0])[:4] == [table2[0].cells[0].text, None, None, "申请人情况"]
    new = table2[3]
    assert new.cells[0].text.startswith("一、本年新收政府信息公开申请数量")
    assert values(new) == ["3001", "53", "0", "0", "61", "4", "3119"]
    lines = [r.text for r in huaian.rows]
    heading = lines.index("三、收到和处理政府信息公开申请情况")
    assert huaian.rows[heading - 1].cells[0].table == 1 and huaian.rows[heading + 1].cells[0].table == 2


@pytest.mark.corpus
def test_pdf_page_number_lines_dropped(huaian: SourceDocument) -> None:
    assert not any(r.text.strip().startswith("- ") and r.text.strip().endswith(" -") for r in huaian.rows)


@pytest.mark.corpus
def test_pdf_frames_around_text_are_text(huaian: SourceDocument) -> None:
    # Page 1 rules its paragraph lines: that is a frame, not a one-column table.
    assert all(r.kind == "text" for r in huaian.rows if r.cells[0].page == 1)
    assert any(r.text.startswith("本报告由淮安市人民政府办公室") for r in huaian.rows)


def test_pdf_without_text_layer_reads_as_empty_document() -> None:
    document = parse_pdf_bytes(blank_pdf())
    assert document.rows == [] and document.meta["text_layer"] is False and document.pages == 1


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: b"", "文件为空"),
        (encrypted_pdf, "已加密"),
        (lambda: b"%PDF-1.7\n" + b"\x00garbage" * 50, "已损坏"),
        (lambda: b"not a pdf at all" * 20, "不是 PDF"),
    ],
    ids=["empty", "encrypted", "garbage", "no-header"],
)
def test_pdf_unreadable(make: object, message: str) -> None:
    with pytest.raises(UnreadableDocument, match=message):
        parse_pdf_bytes(make())  # type: ignore[operator]


@pytest.mark.corpus
def test_pdf_truncated_corpus_file_never_crashes(corpus_dir: Path) -> None:
    data = (corpus_dir / "huaian-gov-2024.pdf").read_bytes()
    for size in (2000, len(data) // 3, len(data) - 500):
        try:
            document = parse_pdf_bytes(data[:size])
        except UnreadableDocument as exc:
            assert "PDF" in str(exc)
        else:
            assert document.kind == "pdf"


# --- sniffing ----------------------------------------------------------------------------------------


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("huaian-gov-2024.pdf", "pdf"),
        ("official-template-2021.docx", "docx"),
        ("pingtan-2019.html", "html"),
        ("pingtan-2021.txt", "text"),
        ("shanghai-kewei-2024.md", "markdown"),
    ],
)
def test_sniff_corpus_files_without_extension(corpus_dir: Path, tmp_path: Path, name: str, kind: str) -> None:
    copy = tmp_path / "report"
    copy.write_bytes((corpus_dir / name).read_bytes())
    assert kind_for(copy) == kind
    wrong = tmp_path / "report.txt"
    wrong.write_bytes((corpus_dir / name).read_bytes())
    assert kind_for(wrong) == (kind if kind not in ("markdown",) else "text")


def test_sniff_bytes() -> None:
    assert sniff_kind(b"%PDF-1.4 ...") == "pdf"
    assert sniff_kind(b"\x00\x01\x02\x03" * 100) is None
    assert sniff_kind("一、总体情况\n二、主动公开".encode("gb18030")) == "text"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", "<x/>")
    assert sniff_kind(buffer.getvalue()) is None


def test_pdf_table_search_only_on_pages_with_report_table_words() -> None:
    from xxgk.parse.pdf import might_hold_table

    assert might_hold_table("信息内容 本年处理决定数量\n行政处罚 3985758\n行政强制 88283\n第二十条 第（八）项")
    assert might_hold_table("结 果\n维持 结 果\n纠正 尚 未\n审结")  # words broken over lines
    assert might_hold_table("⾏政处罚 12\n⾏政强制 3\n信息内容")  # Kangxi radical 行 (U+2F8F)
    # Narrative that names a table word or two is not searched.
    assert not might_hold_table("2024 年，本年度完成行政许可 3 件，予以公开 12 件，其他 1 件，总计 16 件")


def test_pdf_rulings_at_different_heights_stay_separate_lines() -> None:
    # Regression: snapping once dropped every ruling that was not within SNAP of the previous one.
    from xxgk.parse.pdf import _HLine, _merge_h

    lines = [_HLine(80.0, 73.0, 520.0), _HLine(115.6, 73.0, 520.0), _HLine(151.3, 73.0, 519.0)]
    thick = [_HLine(80.4, 100.0, 300.0), _HLine(80.1, 298.0, 520.0)]  # the same line drawn in pieces
    merged = _merge_h(lines + thick)
    assert [round(h.y) for h in merged] == [80, 116, 151]
    assert (merged[0].x0, merged[0].x1) == (73.0, 520.0)


def test_sniff_utf8_text_whose_head_cuts_a_character(tmp_path: Path) -> None:
    # Regression: a head of 8192 bytes ending inside a 3-byte character made crawled text look binary.
    text = "a" + "平潭综合实验区" * 2000
    path = tmp_path / "page"
    path.write_bytes(text.encode("utf-8"))
    assert len(text.encode("utf-8")[:8192].decode("utf-8", errors="ignore").encode()) < 8192
    assert kind_for(path) == "text"


@pytest.mark.parametrize("origin_y", [0.0, 100.0], ids=["media-box-at-origin", "media-box-shifted"])
def test_pdf_ruled_table_spans_from_vector_lines(origin_y: float) -> None:
    # The made-up table carries no report words: ask for tables on every page.
    assert not [r for r in parse_pdf_bytes(ruled_table_pdf(origin_y)).rows if r.kind == "table_row"]
    document = parse_pdf_bytes(ruled_table_pdf(origin_y), every_page=True)
    assert [r.kind for r in document.rows] == ["text", "table_row", "table_row", "table_row", "text"]
    assert document.rows[0].text == "Title" and document.rows[-1].text == "End"
    grid = [texts(r) for r in document.rows[1:4]]
    assert grid == [["HEAD", None, None], ["AB", "1", "2"], [None, "3", None]]
    assert {c.page for r in document.rows for c in r.cells} == {1}


def test_html_table_caption_is_text_before_the_grid() -> None:
    page = "<table><caption>表一 主动公开</caption><tr><td>规章</td><td>0</td></tr></table>".encode()
    rows = parse_html_bytes(page).rows
    assert [(r.kind, r.text) for r in rows] == [("text", "表一 主动公开"), ("table_row", "规章\t0")]
