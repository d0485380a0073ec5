"""XLSX: a sheet per table with merged official headers and numbers as numbers; findings sheet."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from tests.render import readback as R
from xxgk.model import Cell, Finding, empty_report, loads
from xxgk.render.xlsx import FINDINGS_HEADER, FINDINGS_SHEET, GRID_FIRST_ROW, SHEET_NAMES, render

FINDING = Finding(
    "T2-01", "error", "（七）总计与四之和不等于一与二之和", "表二·其他", ("table2.total.other_org",), "勾稽关系"
)


def test_sheets_and_findings_sheet_only_when_given() -> None:
    report = empty_report(2024, "某局", "部门")
    book = openpyxl.load_workbook(io.BytesIO(render(report)))
    assert book.sheetnames == list(SHEET_NAMES.values())
    book = openpyxl.load_workbook(io.BytesIO(render(report, [FINDING])))
    assert book.sheetnames == [*SHEET_NAMES.values(), FINDINGS_SHEET]
    sheet = book[FINDINGS_SHEET]
    assert [c.value for c in sheet[1]] == list(FINDINGS_HEADER)
    assert [c.value for c in sheet[2]][:6] == [
        1,
        "T2-01",
        "错误",
        FINDING.message,
        "表二·其他",
        "表二「（七）总计」行「其他」列",
    ]
    # the named cell is marked in its table sheet
    tables = R.xlsx_tables(render(report, [FINDING]), GRID_FIRST_ROW)
    grid = tables[SHEET_NAMES["table2"]]
    total_row = next(r for r in range(3, grid.nrows) if grid.at(r, 2).text == "（七）总计")
    marked = book[SHEET_NAMES["table2"]].cell(GRID_FIRST_ROW + total_row + 1, 3 + 5 + 1)
    assert marked.comment is not None and "T2-01" in marked.comment.text
    assert marked.fill.fgColor.rgb.endswith("F8CBAD")


@pytest.mark.corpus
def test_numbers_are_numbers_and_amounts_exact(corpus_dir: Path) -> None:
    report = loads((corpus_dir / "pingtan-2021.gold.json").read_bytes())
    data = render(report)
    R.numeric_cells_are_numbers(report, R.xlsx_tables(data, GRID_FIRST_ROW))
    sheet = openpyxl.load_workbook(io.BytesIO(data))[SHEET_NAMES["table1"]]
    fee = next(row[1] for row in sheet.iter_rows(min_row=GRID_FIRST_ROW + 1) if row[0].value == "行政事业性收费")
    assert Decimal(repr(fee.value)) == Decimal("24252.311082")
    assert fee.number_format == "0.000000"


def test_not_applicable_and_blank() -> None:
    report = empty_report(2024, "某局", "部门")
    report.table2["new"] = [Cell.not_applicable(), *[Cell.blank()] * 5, Cell.of(0)]
    tables = R.xlsx_tables(render(report), GRID_FIRST_ROW)
    row = next(line for line in tables[SHEET_NAMES["table2"]].dense() if line[0].startswith("一、"))
    assert row[3:] == ["/", "", "", "", "", "", "0"]
