"""Cell references (the notation findings use: 「table2.total.other_org」) read and written on a Report."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from xxgk.model import T2_COLUMN_KEYS, Cell, Report
from xxgk.model import labels as L

MAX_VALUE = Decimal(10) ** 12  # no table of any agency counts a trillion of anything


class BadCellValue(ValueError):
    """A value typed by a person that is not a number, blank or 「/」."""


def ref_label(ref: str) -> str:
    """A Chinese name for a reference, e.g. 「表二 （七）总计 · 自然人」."""
    table, _, rest = ref.partition(".")
    if table == "table1":
        return f"表一 {rest}"
    if table == "table2":
        row, _, column = rest.partition(".")
        col_name = dict(L.T2_COLUMNS).get(column, column)
        return f"表二 {L.T2_ROW_SHORT.get(row, row)} · {col_name}"
    if table == "table3" and rest in L.T3_KEYS:
        return f"表三 {L.t3_label(L.T3_KEYS.index(rest))}"
    return ref


def all_refs(report: Report) -> list[str]:
    refs = [f"table1.{key}" for key in report.table1]
    refs += [f"table2.{row}.{col}" for row in report.table2 for col in T2_COLUMN_KEYS]
    if report.table3 is not None:
        refs += [f"table3.{key}" for key in L.T3_KEYS]
    return refs


def get_cell(report: Report, ref: str) -> Cell:
    table, _, rest = ref.partition(".")
    if table == "table1" and rest in report.table1:
        return report.table1[rest]
    if table == "table2":
        row, _, column = rest.partition(".")
        if row in report.table2 and column in T2_COLUMN_KEYS:
            return report.table2[row][T2_COLUMN_KEYS.index(column)]
    if table == "table3" and rest in L.T3_KEYS:
        return report.t3(L.T3_KEYS.index(rest))
    raise KeyError(f"报告中没有单元格「{ref}」")


def set_cell(report: Report, ref: str, cell: Cell) -> None:
    get_cell(report, ref)  # raises KeyError for unknown references
    table, _, rest = ref.partition(".")
    if table == "table1":
        report.table1[rest] = cell
    elif table == "table2":
        row, _, column = rest.partition(".")
        report.table2[row][T2_COLUMN_KEYS.index(column)] = cell
    else:
        assert report.table3 is not None
        report.table3[L.T3_KEYS.index(rest)] = cell


def parse_value(text: str, *, amount: bool = False, signed: bool = False) -> Cell:
    """A cell from what a person typed: empty → blank, 「/」 → not applicable, else a number."""
    text = text.strip().replace(",", "").replace("，", "")
    if not text:
        return Cell.blank()
    if text in {"/", "／", "—", "-"}:
        return Cell.not_applicable()
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise BadCellValue(f"「{text[:20]}」不是数字（可填数字、留空或填「/」）") from None
    if not number.is_finite() or abs(number) >= MAX_VALUE:
        raise BadCellValue(f"「{text[:20]}」不是合理的数字（可填数字、留空或填「/」）")
    if number < 0 and not signed:
        raise BadCellValue(f"「{text}」为负数，该单元格只能填非负数")
    if amount:
        return Cell.of(number)
    if number != number.to_integral_value():
        raise BadCellValue(f"「{text}」不是整数，该单元格填写件数")
    return Cell.of(int(number))


def parse_for(report: Report, ref: str, text: str) -> Cell:
    """Parse `text` with the column kind of `ref` (amounts keep decimals, 本年增/减 may be negative)."""
    amount = signed = False
    if ref.startswith("table1."):
        column = report.spec.table1_column(ref.removeprefix("table1."))
        amount, signed = column.kind == "amount", column.kind == "signed"
    return parse_value(text, amount=amount, signed=signed)
