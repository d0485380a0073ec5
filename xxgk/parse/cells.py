"""Printed items into cells of the model: numbers, blanks, not applicable, verbatim values the cell cannot
hold; the first N cells of a row's value region. Shared by the three table readers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from xxgk.model.formats import Table1Column
from xxgk.model.report import Cell, CellState, Finding, Provenance
from xxgk.parse.document import Fragment
from xxgk.parse.findings import finding, provenance
from xxgk.parse.normalise import to_unit
from xxgk.parse.rows import Item


@dataclass(slots=True)
class TableResult:
    table1: dict[str, Cell] = field(default_factory=dict)
    table2: dict[str, list[Cell]] = field(default_factory=dict)
    table3: list[Cell] | None = None
    findings: list[Finding] = field(default_factory=list)


def to_cell(
    item: Item | None,
    *,
    label_status: str | None = None,
    column: Table1Column | None = None,
    near: Fragment | None = None,
) -> Cell:
    """The cell an item stands for; None (nothing printed) → a blank located at `near`, its row."""
    if item is None:
        if near is None and label_status is None:
            return Cell.blank()
        return Cell.blank(provenance(near, label_status=label_status))
    prov = provenance(item.fragment, raw=item.text or None, label_status=label_status)
    value = item.value
    if item.kind == "empty" or value is None or value.kind == "blank":
        return Cell.blank(prov)
    if value.kind == "not_applicable":
        return Cell.not_applicable(prov)
    number = value.number
    assert number is not None
    unit = value.unit
    if column is not None and column.kind == "amount":
        number = to_unit(Decimal(number), unit, column.unit)
        if unit == "元" and column.unit == "万元":
            unit = None
        if isinstance(number, Decimal) and number == number.to_integral_value() and "." not in value.raw:
            number = int(number)
    if unit is not None and column is not None and unit == column.unit:
        unit = None
    kind = column.kind if column is not None else "count"
    whole = not isinstance(number, Decimal) or number == number.to_integral_value()
    if (number < 0 and kind != "signed") or (kind != "amount" and not whole):
        # a negative count or a fractional count is not a value of this table: kept verbatim
        return Cell.unresolved(item.text.strip(), prov)
    if kind != "amount" and isinstance(number, Decimal):
        number = int(number)
    return Cell(value=number, state=CellState.VALUE, unit=unit, provenance=prov)


def invalid_value(cell: Cell, ref: str, name: str) -> Finding | None:
    """The finding for a printed value that the table cannot hold (kept verbatim as an unresolved cell)."""
    if cell.state is not CellState.UNRESOLVED:
        return None
    prov = cell.provenance
    place = ""
    if prov is not None:
        place = f"第 {prov.page} 页" if prov.page else (f"第 {prov.line} 行" if prov.line else "")
    return finding(
        "PARSE-VALUE-INVALID",
        "warning",
        f"{name}印作「{cell.raw}」，不是该栏应有的非负整数，按原文保留",
        at=place,
        cells=(ref,),
    )


def missing_cell() -> Cell:
    """A cell of a row the source does not print at all: blank, with label status `missing`."""
    return Cell.blank(Provenance(label_status="missing"))


def fit(region: Sequence[Item], width: int) -> tuple[list[Item | None], list[Item]]:
    """The first `width` cells of a value region and the non-empty items beyond them.

    Leading empty cells are dropped only while there are more cells than expected (they are then the
    filler of a merged label cell); an empty cell between values stays a blank value.
    """
    items = list(region)
    while len(items) > width and items[0].kind == "empty":
        items.pop(0)
    taken: list[Item | None] = list(items[:width])
    taken += [None] * (width - len(taken))
    extra = [i for i in items[width:] if i.kind != "empty"]
    return taken, extra
