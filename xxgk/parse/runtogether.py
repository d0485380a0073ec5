"""Tables whose cells were crawled into one run of text with no separator between cells.

Some crawled pages keep every table cell but drop the cell borders, so a table-2 row reads
`一、本年新收政府信息公开申请数量640020470` (= 64|0|0|2|0|4|70) and a row's digits run straight into the
next row's item number (`…不掌握相关政府信息70000072.没有现成…`). This module locates the expected row
labels of the three tables in such text and separates each row's digit string into cells with the table's
own arithmetic, as a constraint search:

- table 2: every split of a row into 7 numbers whose six applicant columns sum to the total column
  (numbers are printed without leading zeros), then the combination of rows that satisfies the column
  rules (new + carried_over = total + carry_forward; （七）总计 = Σ result leaves);
- table 3: every split into 15 numbers in which each group's 总计 is the sum of its four leaves;
- table 1: single-column rows parse as printed (amounts exactly, as Decimal); multi-column rows have no
  arithmetic to separate them and are kept verbatim as one UNRESOLVED cell under a joined key,
  e.g. ``规章/本年制发件数|本年废止件数|现行有效件数`` → ``"000"``.

Nothing is guessed silently: a unique solution yields an info finding saying the cells were separated by
arithmetic; an ambiguous one leaves the cells that differ between the solutions blank (the row's digit
string kept in the provenance) with a warning finding.

API used by the extractor (`xxgk.parse.extract`) when it sees this shape:

    looks_run_together(lines: Sequence[Fragment]) -> bool
        True when table-2 row labels are immediately followed by digit runs with no separator.
    solve_run_together(lines: Sequence[Fragment], fmt: ReportFormat) -> RunTogetherTables
        `lines` are the text fragments of the document in order (one per text line); `fmt` the format
        whose labels to look for. Never raises on odd input; what it cannot read is left out (table1 key
        absent, table2 row absent, table3 None) and said in `findings`.

`RunTogetherTables` holds `table1: dict[str, Cell]` (§J keys, plus joined keys for unresolved multi-column
rows), `table2: dict[str, list[Cell]]` (row key → 7 cells, only rows found), `table3: list[Cell] | None`
and `findings: list[Finding]` (codes PARSE-RT-*).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from xxgk.model.formats import ReportFormat
from xxgk.model.report import Cell, Finding
from xxgk.parse.document import Fragment


@dataclass(slots=True)
class RunTogetherTables:
    table1: dict[str, Cell] = field(default_factory=dict)
    table2: dict[str, list[Cell]] = field(default_factory=dict)
    table3: list[Cell] | None = None
    findings: list[Finding] = field(default_factory=list)


def looks_run_together(lines: Sequence[Fragment]) -> bool:
    """Whether the document's table-2 rows are printed with their cells run together."""
    raise NotImplementedError


def solve_run_together(lines: Sequence[Fragment], fmt: ReportFormat) -> RunTogetherTables:
    """Separate the run-together cells of tables 1–3 (see the module docstring)."""
    raise NotImplementedError
