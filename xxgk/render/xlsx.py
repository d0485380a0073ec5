"""XLSX: one sheet per table with the official headers (merged as in the template) and numbers as numbers,
plus a 校验结果 sheet listing the findings when they are given (the cells they name are highlighted)."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any, Final

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from xxgk.model import labels as L
from xxgk.model.formats import split_table1_key
from xxgk.model.report import CellState, Finding, Report, format_number
from xxgk.render.layout import Grid, GridCell, build_layout

SHEET_NAMES: Final[dict[str, str]] = {"table1": "表一 主动公开", "table2": "表二 依申请", "table3": "表三 复议诉讼"}
FINDINGS_SHEET: Final = "校验结果"
FINDINGS_HEADER: Final = ("序号", "代码", "级别", "说明", "位置", "涉及单元格", "依据", "可否核验")
SEVERITY_NAMES: Final[dict[str, str]] = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_FILL: Final[dict[str, str]] = {"error": "#F8CBAD", "warning": "#FFE699", "info": "#DDEBF7"}
GRID_FIRST_ROW: Final = 2  # row 0: report title, row 1: the part heading, then the table
MAX_EXACT_DIGITS: Final = 15  # a double holds 15 significant decimal digits exactly; longer stays text

_FONT = "宋体"


def render(report: Report, findings: list[Finding] | None = None) -> bytes:
    layout = build_layout(report)
    marks = _marks(findings or [])
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False})
    book.set_properties({"title": layout.title, "subject": L.REPORT_TITLE_SUFFIX})
    styles = _Styles(book)
    for section in layout.sections:
        if section.table is not None:
            _table_sheet(book, styles, layout.title, section.heading, section.table, marks)
    if findings is not None:
        _findings_sheet(book, styles, findings)
    book.close()
    return out.getvalue()


class _Styles:
    def __init__(self, book: xlsxwriter.Workbook) -> None:
        base: dict[str, Any] = {
            "font_name": _FONT,
            "font_size": 10,
            "border": 1,
            "align": "center",
            "valign": "vcenter",
            "text_wrap": True,
        }
        self.book = book
        self.base = base
        self.title = book.add_format({"font_name": _FONT, "font_size": 14, "bold": True})
        self.heading = book.add_format({"font_name": "黑体", "font_size": 12})
        self.header = book.add_format(base)
        self.block = book.add_format({**base, "align": "left", "bg_color": "#C6D9F1"})
        self.left = book.add_format({**base, "align": "left"})
        self.note = book.add_format({**base, "align": "left", "font_name": "楷体"})
        self.text = book.add_format({**base, "align": "left", "valign": "top"})
        self._values: dict[tuple[str, str | None], Format] = {}

    def value(self, num_format: str, severity: str | None) -> Format:
        key = (num_format, severity)
        if key not in self._values:
            props = {**self.base, "num_format": num_format}
            if severity:
                props["bg_color"] = SEVERITY_FILL[severity]
            self._values[key] = self.book.add_format(props)
        return self._values[key]


def _marks(findings: list[Finding]) -> dict[str, tuple[str, list[str]]]:
    """Cell reference → (worst severity, finding codes) for highlighting."""
    order = {"error": 0, "warning": 1, "info": 2}
    marks: dict[str, tuple[str, list[str]]] = {}
    for finding in findings:
        for ref in finding.cells:
            severity, codes = marks.get(ref, (finding.severity, []))
            if order[finding.severity] < order[severity]:
                severity = finding.severity
            marks[ref] = (severity, [*codes, finding.code])
    return marks


def _num_format(value: int | Decimal) -> str:
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        return "0." + "0" * places if places else "0"
    return "0"


def _table_sheet(
    book: xlsxwriter.Workbook,
    styles: _Styles,
    title: str,
    heading: str,
    grid: Grid,
    marks: dict[str, tuple[str, list[str]]],
) -> None:
    sheet: Worksheet = book.add_worksheet(SHEET_NAMES[grid.key])
    sheet.hide_gridlines(2)
    sheet.write_string(0, 0, title, styles.title)
    sheet.write_string(1, 0, heading, styles.heading)
    for c, width in enumerate(grid.widths):
        sheet.set_column(c, c, max(6.0, width / 110))
    first = GRID_FIRST_ROW
    if grid.header_rows:
        sheet.repeat_rows(first, first + grid.header_rows - 1)
        sheet.freeze_panes(first + grid.header_rows, 0)
    for cell in grid.cells():
        _write_cell(sheet, styles, first, cell, marks)
    sheet.set_paper(9)  # A4
    sheet.set_landscape() if grid.ncols > 10 else sheet.set_portrait()
    sheet.fit_to_pages(1, 0)


def _write_cell(
    sheet: Worksheet, styles: _Styles, first: int, cell: GridCell, marks: dict[str, tuple[str, list[str]]]
) -> None:
    row, col = first + cell.row, cell.col
    last_row, last_col = row + cell.rowspan - 1, col + cell.colspan - 1
    if cell.role == "value":
        model = cell.cell
        severity, codes = marks.get(cell.ref or "", (None, []))
        number = model.value if model is not None and model.state is CellState.VALUE else None
        # A number is written as a number only when it is all the cell shows (cells that also carry entries
        # printed run together stay text) and a double holds it exactly.
        exact = (
            number is not None
            and cell.text == format_number(number)
            and len(str(abs(number)).replace(".", "").lstrip("0")) <= MAX_EXACT_DIGITS
        )
        fmt = styles.value(_num_format(number) if number is not None and exact else "@", severity)
        if last_row != row or last_col != col:
            sheet.merge_range(row, col, last_row, last_col, "", fmt)
        if number is not None and exact:
            sheet.write_number(row, col, float(number) if isinstance(number, Decimal) else number, fmt)
        elif cell.text:
            sheet.write_string(row, col, cell.text, fmt)
        else:
            sheet.write_blank(row, col, None, fmt)
        if codes:
            sheet.write_comment(row, col, "、".join(dict.fromkeys(codes)))
        return
    fmt = {
        "block": styles.block,
        "note": styles.note,
        "label": styles.left if cell.col == 2 or cell.colspan > 1 else styles.header,
    }.get(cell.role, styles.header)
    if last_row != row or last_col != col:
        sheet.merge_range(row, col, last_row, last_col, cell.text, fmt)
    else:
        sheet.write_string(row, col, cell.text, fmt)


def describe_cell(ref: str) -> str:
    """A finding's cell reference in the words clerks use.

    「table2.total.other_org」 → 表二「（七）总计」行「其他」列; unknown references are kept as they are."""
    table, _, rest = ref.partition(".")
    if table == "table1":
        row, column = split_table1_key(rest)
        return f"表一「{row}」行「{column}」列" if column else f"表一「{row}」"
    if table == "table2":
        row, _, column = rest.partition(".")
        labels = dict(L.T2_COLUMNS)
        if row in L.T2_ROW_SHORT and column in labels:
            return f"表二「{L.T2_ROW_SHORT[row]}」行「{labels[column]}」列"
    if table == "table3" and rest in L.T3_KEYS:
        return f"表三「{L.t3_label(L.T3_KEYS.index(rest))}」"
    return ref


def _findings_sheet(book: xlsxwriter.Workbook, styles: _Styles, findings: list[Finding]) -> None:
    sheet: Worksheet = book.add_worksheet(FINDINGS_SHEET)
    for c, width in enumerate((6, 10, 6, 60, 24, 36, 30, 8)):
        sheet.set_column(c, c, width)
    for c, label in enumerate(FINDINGS_HEADER):
        sheet.write_string(0, c, label, styles.header)
    sheet.freeze_panes(1, 0)
    for i, finding in enumerate(findings, start=1):
        values = (
            finding.code,
            SEVERITY_NAMES.get(finding.severity, finding.severity),
            finding.message,
            finding.where,
            "\n".join(describe_cell(ref) for ref in finding.cells),
            finding.basis,
            "是" if finding.assessable else "否（缺少数据）",
        )
        sheet.write_number(i, 0, i, styles.header)
        for c, text in enumerate(values, start=1):
            sheet.write_string(i, c, text, styles.text)
    if findings:
        sheet.autofilter(0, 0, len(findings), len(FINDINGS_HEADER) - 1)
