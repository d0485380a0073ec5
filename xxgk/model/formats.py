"""The two official formats of the annual report (2019 and 2021) as data.

A format says which table-1 blocks, rows and columns exist, which table-2 rows exist, and which of them are
the result leaves that （七）总计 sums. Renderers, parsers, rules and the web system all read these
definitions instead of spelling the layout again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from xxgk.model import labels as L

FormatCode = Literal["2019", "2021"]
FORMAT_CODES: Final[tuple[FormatCode, ...]] = ("2019", "2021")

FIRST_YEAR: Final = 2019  # the revised 条例 took effect 2019-05-15; earlier reports used other formats


class UnsupportedYear(ValueError):
    """A report year before the 2019 条例 (no statutory format of ours applies)."""


def expected_format(year: int) -> FormatCode:
    """The format a report for `year` must use: 2019–2020 → "2019", 2021 onward → "2021" (spec §A.1)."""
    if year < FIRST_YEAR:
        raise UnsupportedYear(f"{year} 年度报告早于 2019 年修订的条例，不适用现行格式")
    return "2019" if year <= 2020 else "2021"


@dataclass(frozen=True, slots=True)
class Table1Column:
    label: str
    kind: Literal["count", "signed", "amount"] = "count"  # amount → Decimal; signed → may be negative
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class Table1Block:
    header: str  # e.g. 第二十条第（一）项
    columns: tuple[Table1Column, ...]
    rows: tuple[str, ...]

    def cell_keys(self) -> tuple[str, ...]:
        return tuple(table1_key(row, col.label) for row in self.rows for col in self.columns)


def table1_key(row: str, column: str) -> str:
    """The §J key of a table-1 cell: canonical row label and column label joined by '/'."""
    return f"{row}{L.T1_KEY_SEPARATOR}{column}"


def split_table1_key(key: str) -> tuple[str, str]:
    """Inverse of `table1_key`. Column labels may contain '/' (本年增/减), row labels never do."""
    row, _, column = key.partition(L.T1_KEY_SEPARATOR)
    return row, column


@dataclass(frozen=True, slots=True)
class Table2Row:
    key: str
    label: str
    group: str  # the merged group label printed to its left, "" for top-level rows
    is_result: bool  # a leaf of 三、本年度办理结果 that （七）总计 sums


@dataclass(frozen=True, slots=True)
class ReportFormat:
    code: FormatCode
    notice: str
    table1_blocks: tuple[Table1Block, ...]
    table2_rows: tuple[Table2Row, ...]

    @property
    def table1_keys(self) -> tuple[str, ...]:
        return tuple(k for block in self.table1_blocks for k in block.cell_keys())

    @property
    def table2_keys(self) -> tuple[str, ...]:
        return tuple(r.key for r in self.table2_rows)

    @property
    def result_keys(self) -> tuple[str, ...]:
        return tuple(r.key for r in self.table2_rows if r.is_result)

    def table1_column(self, key: str) -> Table1Column:
        row, column = split_table1_key(key)
        for block in self.table1_blocks:
            if row in block.rows:
                for col in block.columns:
                    if col.label == column:
                        return col
        raise KeyError(key)

    def table2_row(self, key: str) -> Table2Row:
        for row in self.table2_rows:
            if row.key == key:
                return row
        raise KeyError(key)


T2_COLUMN_KEYS: Final[tuple[str, ...]] = tuple(k for k, _ in L.T2_COLUMNS)
T2_COLUMN_LABELS: Final[tuple[str, ...]] = tuple(label for _, label in L.T2_COLUMNS)
T2_WIDTH: Final = len(L.T2_COLUMNS)
T3_WIDTH: Final = len(L.T3_KEYS)

_RESULT_EXCLUDED = {"new", "carried_over", "total", "carry_forward"}


def _table2_rows(keys: tuple[str, ...]) -> tuple[Table2Row, ...]:
    rows = []
    for key in keys:
        label, group = L.T2_ROW_LABELS[key]
        rows.append(Table2Row(key=key, label=label, group=group, is_result=key not in _RESULT_EXCLUDED))
    return tuple(rows)


_T2_COMMON_HEAD = (
    "new",
    "carried_over",
    "granted",
    "partial",
    *(f"refused_{i}" for i in range(1, 9)),
    *(f"unable_{i}" for i in range(1, 4)),
    *(f"not_processed_{i}" for i in range(1, 6)),
)

_COUNT = "count"

FORMAT_2021: Final = ReportFormat(
    code="2021",
    notice=L.NOTICE_2021,
    table1_blocks=(
        Table1Block(
            L.T1_BLOCK_1,
            (Table1Column(L.T1_COL_ISSUED), Table1Column(L.T1_COL_REPEALED), Table1Column(L.T1_COL_IN_FORCE)),
            (L.T1_ROW_RULES, L.T1_ROW_NORMATIVE_2021),
        ),
        Table1Block(L.T1_BLOCK_5, (Table1Column(L.T1_COL_DECISIONS_2021),), (L.T1_ROW_LICENSING,)),
        Table1Block(L.T1_BLOCK_6, (Table1Column(L.T1_COL_DECISIONS_2021),), (L.T1_ROW_PENALTY, L.T1_ROW_COERCION)),
        Table1Block(L.T1_BLOCK_8, (Table1Column(L.T1_COL_FEE_AMOUNT, "amount", "万元"),), (L.T1_ROW_FEES,)),
    ),
    table2_rows=_table2_rows((*_T2_COMMON_HEAD, "other_1", "other_2", "other_3", "total", "carry_forward")),
)

_PREV_CHANGE_DECISIONS = (
    Table1Column(L.T1_COL_PREVIOUS_ITEMS),
    Table1Column(L.T1_COL_CHANGE, "signed"),
    Table1Column(L.T1_COL_DECISIONS_2019),
)

FORMAT_2019: Final = ReportFormat(
    code="2019",
    notice=L.NOTICE_2019,
    table1_blocks=(
        Table1Block(
            L.T1_BLOCK_1,
            (
                Table1Column(L.T1_COL_NEW_MADE),
                Table1Column(L.T1_COL_NEW_PUBLISHED),
                Table1Column(L.T1_COL_TOTAL_PUBLISHED),
            ),
            (L.T1_ROW_RULES, L.T1_ROW_NORMATIVE_2019),
        ),
        Table1Block(L.T1_BLOCK_5, _PREV_CHANGE_DECISIONS, (L.T1_ROW_LICENSING, L.T1_ROW_OTHER_SERVICES)),
        Table1Block(L.T1_BLOCK_6, _PREV_CHANGE_DECISIONS, (L.T1_ROW_PENALTY, L.T1_ROW_COERCION)),
        Table1Block(
            L.T1_BLOCK_8,
            (Table1Column(L.T1_COL_PREVIOUS_ITEMS), Table1Column(L.T1_COL_CHANGE, "signed")),
            (L.T1_ROW_FEES,),
        ),
        Table1Block(
            L.T1_BLOCK_9,
            (Table1Column(L.T1_COL_PROCUREMENT_ITEMS), Table1Column(L.T1_COL_PROCUREMENT_AMOUNT, "amount")),
            (L.T1_ROW_PROCUREMENT,),
        ),
    ),
    table2_rows=_table2_rows((*_T2_COMMON_HEAD, "other", "total", "carry_forward")),
)

FORMATS: Final[dict[str, ReportFormat]] = {"2019": FORMAT_2019, "2021": FORMAT_2021}


def get_format(code: str) -> ReportFormat:
    try:
        return FORMATS[code]
    except KeyError:
        raise ValueError(f"未知的报告格式「{code}」（应为 2019 或 2021）") from None
