"""DOCX: the official template's tables cell for cell, the customary fonts with w:eastAsia, A4."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm

from tests.render import readback as R
from xxgk.model import Cell, Part, empty_report
from xxgk.model import labels as L
from xxgk.render.docx import FONT_BODY, FONT_HEADING, FONT_TITLE, render


@pytest.mark.corpus
def test_tables_match_the_official_template_cell_for_cell(corpus_dir: Path) -> None:
    template = R.docx_tables((corpus_dir / "official-template-2021.docx").read_bytes())
    ours = R.docx_tables(render(empty_report(2024, "某某市某某局", "部门")))
    assert len(ours) == len(template) == 3
    for number, (theirs, mine) in enumerate(zip(template, ours, strict=True), start=1):
        assert theirs.ncols == mine.ncols, f"table {number}: grid columns"
        assert [(c.row, c.col, c.rowspan, c.colspan, c.text) for c in mine.cells] == [
            (c.row, c.col, c.rowspan, c.colspan, c.text) for c in theirs.cells
        ], f"table {number}"


def test_2019_layout_has_block_nine_and_single_other_row() -> None:
    tables = R.docx_tables(render(empty_report(2020, "某某县某某局", "部门")))
    table1 = tables[0].dense()
    assert [row[0] for row in table1 if row[0].startswith("第二十条")] == [
        L.T1_BLOCK_1,
        L.T1_BLOCK_5,
        L.T1_BLOCK_6,
        L.T1_BLOCK_8,
        L.T1_BLOCK_9,
    ]
    labels = [row[2] for row in tables[1].dense()[3:]]
    assert "（六）其他处理" in labels and not any(label.startswith("1.申请人无正当理由") for label in labels)


def test_fonts_are_set_for_east_asian_text() -> None:
    report = empty_report(2024, "某某市某某局", "部门")
    report.parts = [Part(1, L.PART_HEADINGS[0], "第一段。\n第二段。")]
    document = docx.Document(io.BytesIO(render(report)))
    paragraphs = [p for p in document.paragraphs if p.text]
    title, heading, body = paragraphs[0], paragraphs[1], paragraphs[2]
    assert title.text == "某某市某某局2024年政府信息公开工作年度报告"
    assert heading.text == L.PART_HEADINGS[0]
    assert [p.text for p in paragraphs[2:4]] == ["第一段。", "第二段。"]

    def east_asia(paragraph: docx.text.paragraph.Paragraph) -> str | None:
        fonts = paragraph.runs[0]._r.rPr.find(qn("w:rFonts"))
        return fonts.get(qn("w:eastAsia"))

    assert east_asia(title) == FONT_TITLE
    assert east_asia(heading) == FONT_HEADING
    assert east_asia(body) == FONT_BODY
    assert body.paragraph_format.first_line_indent is not None
    assert body._p.pPr.find(qn("w:ind")).get(qn("w:firstLineChars")) == "200"
    # every run in the tables names its East-Asian font too
    for tbl in document.element.body.iter(qn("w:tbl")):
        for run in tbl.iter(qn("w:r")):
            assert run.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia"))


def test_placeholders_of_empty_parts_and_a4() -> None:
    document = docx.Document(io.BytesIO(render(empty_report(2024, "某局", "部门"))))
    texts = [p.text for p in document.paragraphs if p.text]
    for number, placeholder in L.PART_PLACEHOLDERS.items():
        heading = texts.index(L.PART_HEADINGS[number - 1])
        assert texts[heading + 1] == placeholder
    assert L.PART_HEADINGS[1] in texts and texts[texts.index(L.PART_HEADINGS[1]) + 1] == L.PART_HEADINGS[2]
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert section.left_margin >= Cm(2)


def test_font_table_declares_fallbacks() -> None:
    with zipfile.ZipFile(io.BytesIO(render(empty_report(2024, "某局", "部门")))) as archive:
        fonts = archive.read("word/fontTable.xml").decode("utf-8")
    assert f'w:name="{FONT_TITLE}"' in fonts and 'w:altName w:val="宋体"' in fonts
    assert 'w:altName w:val="仿宋_GB2312"' in fonts


def test_cells_print_numbers_blank_and_not_applicable() -> None:
    report = empty_report(2024, "某局", "部门")
    report.table2["new"] = [Cell.of(3), Cell.blank(), Cell.not_applicable(), *[Cell.of(0)] * 3, Cell.of(3)]
    report.table1["行政事业性收费/本年收费金额（单位：万元）"] = Cell.of(__import__("decimal").Decimal("12.3400"))
    tables = R.docx_tables(render(report))
    row = next(line for line in tables[1].dense() if line[0] == R.norm(L.T2_ROW_LABELS["new"][0]))
    assert row[3:] == ["3", "", "/", "0", "0", "0", "3"]
    fee_row = next(line for line in tables[0].dense() if line[0] == "行政事业性收费")
    assert fee_row[1] == "12.34"
