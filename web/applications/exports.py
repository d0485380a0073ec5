"""CSV and XLSX downloads of a filtered case list. ID numbers are always masked in exports (a file leaves
the system's access control once downloaded); contact details are never exported.

The CSV carries a UTF-8 BOM so Excel on Windows opens the Chinese text correctly.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence

import xlsxwriter
from django.http import HttpResponse

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

Cell = str | int | dt.date | None


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _neutralise(text: str) -> str:
    """Cells starting with = + - @ would run as formulas in a spreadsheet; prefix them with a quote."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_neutralise(v) if isinstance(v, str) else _text(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(headers: Sequence[str], rows: Iterable[Sequence[Cell]], sheet: str = "申请") -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    ws = book.add_worksheet(sheet)
    head = book.add_format({"bold": True, "bg_color": "#EEF1F5", "border": 1, "font_name": "黑体"})
    date_fmt = book.add_format({"num_format": "yyyy-mm-dd"})
    widths = [max(8, len(h) * 2 + 2) for h in headers]
    ws.write_row(0, 0, headers, head)
    r = 0
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                ws.write_datetime(r, c, dt.datetime(value.year, value.month, value.day), date_fmt)
                widths[c] = max(widths[c], 11)
            elif isinstance(value, int):
                ws.write_number(r, c, value)
            else:
                text = _text(value)
                ws.write_string(r, c, text)
                widths[c] = min(60, max(widths[c], len(text) * 2))
    for c, width in enumerate(widths):
        ws.set_column(c, c, width)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(r, 1), max(len(headers) - 1, 0))
    book.close()
    return out.getvalue()


def download(fmt: str, basename: str, headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> HttpResponse:
    """An attachment response; `fmt` is "csv" or "xlsx" (the URL pattern guarantees it)."""
    if fmt == "xlsx":
        body, mime = xlsx_bytes(headers, rows), XLSX_MIME
    else:
        body, mime = csv_bytes(headers, rows), "text/csv; charset=utf-8"
    response = HttpResponse(body, content_type=mime)
    from urllib.parse import quote

    filename = f"{basename}.{fmt}"
    response["Content-Disposition"] = f"attachment; filename=\"cases.{fmt}\"; filename*=UTF-8''{quote(filename)}"
    return response
