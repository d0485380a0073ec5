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

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Final

from xxgk.model import labels as L
from xxgk.model.formats import T2_WIDTH, T3_WIDTH, ReportFormat, table1_key
from xxgk.model.report import Cell, Finding, Provenance
from xxgk.parse.document import Fragment

# Named tolerances of the search.
MAX_COMBINATIONS: Final = 20_000  # table-2 row combinations tried against the column rules
MAX_SOLUTIONS: Final = 64  # distinct solutions kept before giving up on uniqueness
MIN_RUN_ROWS: Final = 3  # table-2 rows that must look run together before the shape is assumed
MAX_CELL_DIGITS: Final = 7  # no count in these tables reaches ten million

CODE_SEPARATED: Final = "PARSE-RT-01"
CODE_AMBIGUOUS: Final = "PARSE-RT-02"
CODE_NOT_FOUND: Final = "PARSE-RT-03"
CODE_JOINED: Final = "PARSE-RT-04"

JOINED_COLUMN_SEPARATOR: Final = "|"

_PREFIX = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|(\d+)\.)")
_WHITESPACE = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
_T1_VALUE = re.compile(r"[+\-]?\d+(?:\.\d+)?(?:万元|元)?")
# Several cells run together: digits with the signs, 增/减 and decimal points a 2019 row may print.
_T1_JOINED = re.compile(r"(?:[+\-−]|增|减)?\d[\d.+\-−增减]*(?:万元|元)?")
_ITEM_NUMBER_END = ".．、"


@dataclass(slots=True)
class RunTogetherTables:
    table1: dict[str, Cell] = field(default_factory=dict)
    table2: dict[str, list[Cell]] = field(default_factory=dict)
    table3: list[Cell] | None = None
    findings: list[Finding] = field(default_factory=list)


# --- the text without whitespace, with a map back to lines ------------------------------------------


@dataclass(slots=True)
class _Text:
    chars: str  # the document without whitespace, brackets unified
    lines: list[int | None]  # source line of every char

    def line_at(self, pos: int) -> int | None:
        return self.lines[pos] if 0 <= pos < len(self.lines) else None


_UNIFY = str.maketrans({"(": "（", ")": "）", ":": "：", ",": "，"})


def _flatten(lines: Sequence[Fragment]) -> _Text:
    chars: list[str] = []
    line_of: list[int | None] = []
    for index, fragment in enumerate(lines):
        line = fragment.line if fragment.line is not None else index + 1
        for ch in fragment.text.translate(_UNIFY):
            if not ch.isspace():
                chars.append(ch)
                line_of.append(line)
    return _Text("".join(chars), line_of)


def _core(label: str) -> str:
    """A row label without its item number (`1.`, `（一）`, `一、`): the text searched for."""
    return _PREFIX.sub("", label, count=1)


def _item_number(label: str) -> str | None:
    match = _PREFIX.match(label)
    return match.group(1) if match else None


# --- detection ----------------------------------------------------------------------------------------


def looks_run_together(lines: Sequence[Fragment]) -> bool:
    """Whether the document's table-2 rows are printed with their cells run together.

    A row looks run together when its label is followed, on the same line, by at least 7 digits in fewer
    than 7 whitespace-separated tokens (a normal row shows 7 separate numbers, or one number per line).
    """
    cores = {_core(label) for label, _group in L.T2_ROW_LABELS.values()}
    pattern = re.compile(r"(?:" + "|".join(re.escape(c) for c in sorted(cores, key=len, reverse=True)) + r")")
    run_rows = 0
    for fragment in lines:
        text = fragment.text.translate(_UNIFY)
        for match in pattern.finditer(text):
            tail = re.match(r"[\d \t\u3000]+", text[match.end() :])
            if not tail:
                continue
            tokens = tail.group(0).split()
            digits = sum(len(t) for t in tokens)
            if digits >= T2_WIDTH and len(tokens) < T2_WIDTH:
                run_rows += 1
                if run_rows >= MIN_RUN_ROWS:
                    return True
    return False


# --- splitting digit strings ---------------------------------------------------------------------------


def _row_candidates(digits: str) -> list[tuple[int, ...]]:
    """Splits of a table-2 row into 7 numbers where the six applicant columns sum to the total.

    Numbers are printed without leading zeros and have at most MAX_CELL_DIGITS digits; the search cuts the
    six applicant numbers and keeps a split only when the digits left over spell their sum.
    """
    width = T2_WIDTH - 1
    n = len(digits)
    found: list[tuple[int, ...]] = []
    if n <= T2_WIDTH * MAX_CELL_DIGITS:

        def cut(pos: int, parts: tuple[int, ...], total: int) -> None:
            if len(parts) == width:
                if digits[pos:] == str(total):
                    found.append((*parts, total))
                return
            left = width - len(parts) - 1  # applicant numbers still to cut after this one
            for size in range(1, MAX_CELL_DIGITS + 1):
                end = pos + size
                if end + left + 1 > n:  # each later number and the total need a digit
                    break
                if n - end > (left + 1) * MAX_CELL_DIGITS:  # too many digits left for the rest to hold
                    continue
                head = digits[pos:end]
                if size > 1 and head[0] == "0":
                    break
                value = total + int(head)
                if len(str(value)) > n - end - left:  # the total no longer fits in what is left
                    continue
                cut(end, (*parts, int(head)), value)

        cut(0, (), 0)
    if not found and n == T2_WIDTH:
        # One digit per cell is the only possible split: the printed arithmetic is wrong, not the split.
        found = [tuple(int(d) for d in digits)]
    return found


def _table3_candidates(digits: str) -> list[tuple[int, ...]]:
    """Splits into 15 numbers where each group's 总计 is the sum of its four leaves."""

    def groups(text: str, remaining: int) -> Iterator[tuple[int, ...]]:
        if remaining == 0:
            if not text:
                yield ()
            return
        if not 5 * remaining <= len(text) <= 5 * remaining * MAX_CELL_DIGITS:
            return
        for group in _splits_prefix(text, 5):
            values, used = group
            if sum(values[:4]) != values[4]:
                continue
            for rest in groups(text[used:], remaining - 1):
                yield (*values, *rest)

    found = list(itertools.islice(groups(digits, 3), MAX_SOLUTIONS + 1))
    if not found and len(digits) == T3_WIDTH:
        found = [tuple(int(d) for d in digits)]
    return found


def _splits_prefix(digits: str, parts: int) -> Iterator[tuple[tuple[int, ...], int]]:
    """Every way to read `parts` numbers from the start of `digits`, with the count of digits used."""
    if parts == 0:
        yield (), 0
        return
    for cut in range(1, min(MAX_CELL_DIGITS, len(digits) - parts + 1) + 1):
        head = digits[:cut]
        if cut > 1 and head[0] == "0":
            break
        for rest, used in _splits_prefix(digits[cut:], parts - 1):
            yield (int(head), *rest), cut + used


# --- locating rows ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class _RowRun:
    key: str
    digits: str
    line: int | None


def _find_table2_rows(text: _Text, fmt: ReportFormat) -> tuple[list[_RowRun], list[str], int]:
    """Each expected table-2 row's digit string, the keys not found, and where the table ends."""
    rows = fmt.table2_rows
    first = _core(rows[0].label)
    start = -1
    first_hit = re.search(re.escape(first) + r"(?=\d)", text.chars)
    if first_hit is not None:
        start = first_hit.start()
    if start < 0:
        return [], [r.key for r in rows], 0
    found: list[_RowRun] = []
    missing: list[str] = []
    pos = start
    for index, row in enumerate(rows):
        core = _core(row.label)
        at = text.chars.find(core, pos)
        match = _DIGITS.match(text.chars, at + len(core)) if at >= 0 else None
        if at < 0 or match is None:
            missing.append(row.key)
            continue
        digits = match.group(0)
        follower = text.chars[match.end() : match.end() + 1]
        if follower and follower in _ITEM_NUMBER_END and index + 1 < len(rows):
            number = _item_number(rows[index + 1].label)
            if number and digits.endswith(number) and len(digits) > len(number):
                digits = digits[: -len(number)]
        found.append(_RowRun(row.key, digits, text.line_at(at)))
        pos = at + len(core) + len(digits)
    return found, missing, pos


def _find_table3(text: _Text, start: int) -> tuple[str, int | None] | None:
    """The digit run that follows the table-3 header after `start`."""
    at = text.chars.find(L.T3_REVIEW, start)
    if at < 0:
        return None
    header_end = text.chars.find(L.T3_AFTER_REVIEW, at)
    if header_end < 0:
        return None
    match = _DIGITS.search(text.chars, header_end)
    if match is None:
        return None
    return match.group(0), text.line_at(match.start())


# --- solving ------------------------------------------------------------------------------------------


def _column_rules_hold(values: dict[str, tuple[int, ...]], fmt: ReportFormat) -> bool:
    leaves = fmt.result_keys
    v = values
    balance = all(k in v for k in ("new", "carried_over", "total", "carry_forward"))
    results = "total" in v and all(k in v for k in leaves)
    for column in range(T2_WIDTH):
        if balance and v["new"][column] + v["carried_over"][column] != v["total"][column] + v["carry_forward"][column]:
            return False
        if results and sum(v[k][column] for k in leaves) != v["total"][column]:
            return False
    return True


def _solve_table2(runs: list[_RowRun], fmt: ReportFormat) -> tuple[dict[str, list[Cell]], list[Finding]]:
    findings: list[Finding] = []
    candidates = {run.key: _row_candidates(run.digits) for run in runs}
    fixed = {k: c[0] for k, c in candidates.items() if len(c) == 1}
    open_keys = [k for k, c in candidates.items() if len(c) > 1]
    solutions: list[dict[str, tuple[int, ...]]] = []
    combinations = 1
    for key in open_keys:
        combinations *= len(candidates[key])
    if combinations <= MAX_COMBINATIONS:
        for choice in itertools.product(*(candidates[k] for k in open_keys)):
            values = dict(fixed)
            values.update(zip(open_keys, choice, strict=True))
            if _column_rules_hold(values, fmt):
                solutions.append(values)
                if len(solutions) > MAX_SOLUTIONS:
                    break
    if not solutions:
        # The published columns do not add up under any split: keep what each row alone decides.
        solutions = [dict(fixed)]
        if open_keys:
            findings.append(
                Finding(
                    CODE_AMBIGUOUS,
                    "warning",
                    "表二单元格数字连写，按列勾稽关系找不到唯一拆分，无法确定的单元格留空",
                    where="表二",
                    cells=tuple(f"table2.{k}" for k in open_keys),
                )
            )
    table2: dict[str, list[Cell]] = {}
    unresolved_rows: list[str] = []
    for run in runs:
        options = {s[run.key] for s in solutions if run.key in s}
        if not options:
            options = set(candidates[run.key]) if len(candidates[run.key]) == 1 else set()
        prov = Provenance(line=run.line, raw=run.digits)
        cells: list[Cell] = []
        for column in range(T2_WIDTH):
            column_values = {o[column] for o in options}
            if len(column_values) == 1:
                cells.append(Cell.of(column_values.pop(), provenance=prov))
            else:
                cells.append(Cell.blank(prov))
        if any(c.is_blank for c in cells):
            unresolved_rows.append(run.key)
        table2[run.key] = cells
    if unresolved_rows and len(solutions) > 1:
        findings.append(
            Finding(
                CODE_AMBIGUOUS,
                "warning",
                f"表二单元格数字连写，按勾稽关系有 {len(solutions)} 种拆分，"
                f"{'、'.join(L.T2_ROW_SHORT[k] for k in unresolved_rows)} 行无法唯一确定，相应单元格留空",
                where="表二",
                cells=tuple(f"table2.{k}" for k in unresolved_rows),
            )
        )
    elif unresolved_rows and not any(f.code == CODE_AMBIGUOUS for f in findings):
        findings.append(
            Finding(
                CODE_AMBIGUOUS,
                "warning",
                f"表二单元格数字连写，{'、'.join(L.T2_ROW_SHORT[k] for k in unresolved_rows)} 行无法拆分，"
                "相应单元格留空",
                where="表二",
                cells=tuple(f"table2.{k}" for k in unresolved_rows),
            )
        )
    separated = [L.T2_ROW_SHORT[r.key] for r in runs if r.key not in unresolved_rows and len(r.digits) > T2_WIDTH]
    if runs and not unresolved_rows:
        detail = f"（含多位数的行：{'、'.join(separated)}）" if separated else ""
        findings.append(
            Finding(
                CODE_SEPARATED,
                "info",
                "表二各单元格数字连写、无分隔，已按表内勾稽关系（行合计、列合计、第一项加第二项等于第三项加第四项）"
                f"唯一拆分{detail}",
                where="表二",
            )
        )
    return table2, findings


def _solve_table3(digits: str, line: int | None) -> tuple[list[Cell] | None, list[Finding]]:
    options = _table3_candidates(digits)
    prov = Provenance(line=line, raw=digits)
    if not options:
        return [Cell.blank(prov) for _ in range(T3_WIDTH)], [
            Finding(
                CODE_AMBIGUOUS,
                "warning",
                f"表三数字连写「{digits}」无法拆分为 15 个单元格，单元格留空",
                where=f"表三（第 {line} 行）" if line else "表三",
            )
        ]
    cells = []
    for index in range(T3_WIDTH):
        values = {o[index] for o in options}
        cells.append(Cell.of(values.pop(), provenance=prov) if len(values) == 1 else Cell.blank(prov))
    if len(options) == 1:
        finding = Finding(
            CODE_SEPARATED,
            "info",
            "表三各单元格数字连写、无分隔，已按各组「总计」等于四项之和唯一拆分",
            where="表三",
        )
    else:
        finding = Finding(
            CODE_AMBIGUOUS,
            "warning",
            f"表三数字连写「{digits}」有 {len(options)} 种符合勾稽关系的拆分，无法唯一确定的单元格留空",
            where="表三",
            cells=tuple(f"table3.{L.T3_KEYS[i]}" for i, c in enumerate(cells) if c.is_blank),
        )
    return cells, [finding]


def _t1_number(raw: str, kind: str, unit: str | None) -> Cell | None:
    text = raw
    printed_unit = None
    for suffix in ("万元", "元"):
        if text.endswith(suffix):
            printed_unit = suffix
            text = text[: -len(suffix)]
            break
    try:
        if kind == "amount":
            value = Decimal(text)
            if printed_unit == "元" and unit == "万元":
                value = value / Decimal(10000)
            return Cell.of(value)
        if "." in text:
            return None
        number = int(text)
    except (InvalidOperation, ValueError):
        return None
    if number < 0 and kind != "signed":
        return None
    return Cell.of(number)


def _solve_table1(text: _Text, fmt: ReportFormat, end: int) -> tuple[dict[str, Cell], list[Finding]]:
    table1: dict[str, Cell] = {}
    findings: list[Finding] = []
    joined: list[str] = []
    blocks = fmt.table1_blocks
    for index, block in enumerate(blocks):
        start = text.chars.find(block.header)
        if start < 0 or (end and start > end):
            findings.append(
                Finding(CODE_NOT_FOUND, "warning", f"表一「{block.header}」未找到，其单元格留空", where="表一")
            )
            continue
        stop = text.chars.find(blocks[index + 1].header, start) if index + 1 < len(blocks) else -1
        if stop < 0:
            stop = end if end > start else len(text.chars)
        pos = start + len(block.header)
        value_pattern = _T1_VALUE if len(block.columns) == 1 else _T1_JOINED
        for row in block.rows:
            match = None
            for candidate in re.finditer(re.escape(row), text.chars[pos:stop]):
                match = value_pattern.match(text.chars, pos + candidate.end())
                if match:
                    break
            if match is None:
                findings.append(
                    Finding(CODE_NOT_FOUND, "warning", f"表一「{row}」行未找到数值，其单元格留空", where="表一")
                )
                continue
            raw = match.group(0)
            line = text.line_at(match.start())
            prov = Provenance(line=line, raw=raw)
            pos = match.end()
            if len(block.columns) == 1:
                column = block.columns[0]
                cell = _t1_number(raw, column.kind, column.unit)
                key = table1_key(row, column.label)
                if cell is None:
                    table1[key] = Cell.unresolved(raw, provenance=prov)
                else:
                    table1[key] = Cell(cell.value, cell.state, unit=cell.unit, provenance=prov)
                continue
            key = table1_key(row, JOINED_COLUMN_SEPARATOR.join(c.label for c in block.columns))
            table1[key] = Cell.unresolved(raw, provenance=prov)
            joined.append(row)
    if joined:
        findings.append(
            Finding(
                CODE_JOINED,
                "warning",
                f"表一{'、'.join(joined)}行的多列数字连写、无分隔，表内无勾稽关系可据以拆分，按原文保留",
                where="表一",
                cells=tuple(f"table1.{k}" for k, c in table1.items() if c.raw and JOINED_COLUMN_SEPARATOR in k),
            )
        )
    return table1, findings


def solve_run_together(lines: Sequence[Fragment], fmt: ReportFormat) -> RunTogetherTables:
    """Separate the run-together cells of tables 1–3 (see the module docstring)."""
    text = _flatten(lines)
    out = RunTogetherTables()
    runs, missing, table2_end = _find_table2_rows(text, fmt)
    table2_start = text.chars.find(_core(fmt.table2_rows[0].label)) if runs else -1
    table1, findings1 = _solve_table1(text, fmt, table2_start if table2_start > 0 else 0)
    out.table1 = table1
    out.findings.extend(findings1)
    if missing:
        out.findings.append(
            Finding(
                CODE_NOT_FOUND,
                "warning",
                f"表二未找到以下行：{'、'.join(L.T2_ROW_SHORT[k] for k in missing)}，其单元格留空",
                where="表二",
                cells=tuple(f"table2.{k}" for k in missing),
            )
        )
    if runs:
        out.table2, findings2 = _solve_table2(runs, fmt)
        out.findings.extend(findings2)
    found3 = _find_table3(text, table2_end)
    if found3 is None:
        out.findings.append(Finding(CODE_NOT_FOUND, "warning", "表三的数值未找到", where="表三"))
    else:
        out.table3, findings3 = _solve_table3(*found3)
        out.findings.extend(findings3)
    return out
