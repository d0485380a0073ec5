"""Reading cells for the rules: numbers only take part in arithmetic; cell references and Chinese names.

Blank cells are missing, never zero (spec §H.5). Not-applicable (「/」) and unresolved (cells printed run
together) cells are not numbers either: an operation touching one of them cannot be assessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from xxgk.model import T2_COLUMN_KEYS, Cell, CellState, Number, Report, format_number
from xxgk.model import labels as L

TABLE1 = "表一"
TABLE2 = "表二"
TABLE3 = "表三"

# Table-3 cell indexes of each group's four leaves and its total.
T3_GROUP_SLICES: tuple[tuple[str, str, tuple[int, ...], int], ...] = tuple(
    (key, label, tuple(range(g * 5, g * 5 + 4)), g * 5 + 4) for g, (key, label) in enumerate(L.T3_GROUPS)
)


def fmt(value: Number) -> str:
    return format_number(value)


def num(cell: Cell | None) -> Number | None:
    """The cell's number, or None when it is blank, not applicable, unresolved or absent."""
    if cell is None or not cell.is_number:
        return None
    return cell.value


def state_word(cell: Cell | None) -> str:
    """How a non-number cell is described in a message."""
    if cell is None:
        return "缺失"
    if cell.state is CellState.NOT_APPLICABLE:
        return "填为「/」"
    if cell.state is CellState.UNRESOLVED:
        return "无法分列"
    return "为空"


# --- references and names ----------------------------------------------------------------------------


def t1_ref(key: str) -> str:
    return f"table1.{key}"


def t2_ref(row: str, column: int) -> str:
    return f"table2.{row}.{T2_COLUMN_KEYS[column]}"


def t3_ref(index: int) -> str:
    return f"table3.{L.T3_KEYS[index]}"


def t2_row_name(row: str) -> str:
    return L.T2_ROW_SHORT.get(row, row)


def t2_col_name(column: int) -> str:
    return L.T2_COLUMNS[column][1]


def t2_where(row: str | None = None, column: int | None = None) -> str:
    parts = [TABLE2]
    if row is not None:
        parts.append(f"「{t2_row_name(row)}」行")
    if column is not None:
        parts.append(f"「{t2_col_name(column)}」列")
    return "".join(parts)


def t1_where(row: str, column: str | None = None) -> str:
    return f"{TABLE1}「{row}」行" + (f"「{column}」列" if column else "")


def t3_where(index: int | None = None) -> str:
    return TABLE3 + (f"「{L.t3_label(index)}」" if index is not None else "")


def quoted(names: Iterable[str]) -> str:
    return "、".join(f"「{n}」" for n in names)


# --- sums ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Operand:
    name: str  # Chinese name used in messages
    ref: str  # cell reference
    cell: Cell | None


@dataclass(frozen=True, slots=True)
class Sum:
    """The sum of some operands, or the operands that kept it from being computed."""

    operands: tuple[Operand, ...]

    @property
    def missing(self) -> tuple[Operand, ...]:
        return tuple(op for op in self.operands if num(op.cell) is None)

    @property
    def value(self) -> Number | None:
        if self.missing:
            return None
        total: Number = 0
        for op in self.operands:
            value = num(op.cell)
            assert value is not None
            total += value
        return total

    @property
    def refs(self) -> tuple[str, ...]:
        return tuple(op.ref for op in self.operands)

    def nonzero_terms(self) -> str:
        """「其中「（三）7」为 6」: the non-zero operands, for messages ("" when all are zero)."""
        terms = [f"「{op.name}」为 {fmt(v)}" for op in self.operands if (v := num(op.cell))]
        return "其中" + "，".join(terms) if terms else ""

    def missing_text(self) -> str:
        """「「一、本年新收」为空、「（七）总计」填为「/」」: the operands that are not numbers, by state."""
        by_state: dict[str, list[str]] = {}
        for op in self.missing:
            by_state.setdefault(state_word(op.cell), []).append(op.name)
        texts = []
        for word, names in by_state.items():
            if len(names) > 3:
                texts.append(f"「{names[0]}」等 {len(names)} 项{word}")
            else:
                texts.append("、".join(f"「{n}」" for n in names) + word)
        return "，".join(texts)


def t2_operand(report: Report, row: str, column: int, *, by: str = "row") -> Operand:
    """A table-2 cell as an operand, named by its row (`by="row"`) or its column (`by="column"`)."""
    cells = report.table2.get(row)
    cell = cells[column] if cells is not None and column < len(cells) else None
    name = t2_row_name(row) if by == "row" else t2_col_name(column)
    return Operand(name, t2_ref(row, column), cell)


def t3_operand(report: Report, index: int) -> Operand:
    cell = report.table3[index] if report.table3 is not None and index < len(report.table3) else None
    return Operand(L.T3_LEAVES[index % 5], t3_ref(index), cell)


def result_rows(report: Report) -> tuple[str, ...]:
    """The result leaves that （七）总计 sums, as the report prints them.

    A 2021-format report that still prints the single 2019 row （六）其他处理 (or the reverse) is summed over
    the rows it has; STRUCT-03 reports the layout mismatch.
    """
    keys = list(report.spec.result_keys)
    split = ["other_1", "other_2", "other_3"]
    if report.format == "2021" and "other" in report.table2 and not any(k in report.table2 for k in split):
        keys = [k for k in keys if k not in split] + ["other"]
    elif report.format == "2019" and "other" not in report.table2 and any(k in report.table2 for k in split):
        keys = [k for k in keys if k != "other"] + [k for k in split if k in report.table2]
    order = list(L.T2_ROW_LABELS)
    return tuple(sorted(keys, key=order.index))
