"""CSV and XLSX downloads of a list page (the filtered rows the clerk sees)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import quote

from django.http import HttpResponse


def export_response(basename: str, headers: Sequence[str], rows: Iterable[Sequence[Any]], fmt: str) -> HttpResponse:
    """`fmt` is "csv" (UTF-8 with BOM, so Excel opens it) or "xlsx"."""
    if fmt == "xlsx":
        import xlsxwriter

        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True, "default_date_format": "yyyy-mm-dd"})
        sheet = book.add_worksheet()
        bold = book.add_format({"bold": True})
        sheet.write_row(0, 0, headers, bold)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                sheet.write(r, c, value if value is not None else "")
        sheet.set_column(0, len(headers) - 1, 18)
        book.close()
        response = HttpResponse(
            buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        filename = f"{basename}.xlsx"
    else:
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow(headers)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
        response = HttpResponse("\ufeff" + text.getvalue(), content_type="text/csv; charset=utf-8")
        filename = f"{basename}.csv"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response
