"""The export writers read back (the list view's use of them is tested with the views)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl

from web.applications.exports import csv_bytes, xlsx_bytes

HEADERS = ["受理编号", "申请人", "收到日期", "剩余工作日"]
ROWS = [["2025-0001", "张*", dt.date(2025, 3, 3), 5], ["2025-0002", "=HYPERLINK(1)", None, -2]]


def test_csv_has_bom_and_neutralises_formulas() -> None:
    data = csv_bytes(HEADERS, ROWS)
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == HEADERS
    assert rows[1] == ["2025-0001", "张*", "2025-03-03", "5"]
    assert rows[2][1] == "'=HYPERLINK(1)"
    assert rows[2][3] == "-2"  # numbers are not mistaken for formulas


def test_xlsx_reads_back() -> None:
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(HEADERS, ROWS)))
    ws = book.active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0] == HEADERS
    assert values[1][0] == "2025-0001" and values[1][2] == dt.datetime(2025, 3, 3) and values[1][3] == 5
    assert values[2][1] == "=HYPERLINK(1)"  # stored as text, not as a formula
    assert ws["B3"].data_type == "s"
