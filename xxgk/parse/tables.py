"""The three tables, read by label sequence and expected value counts (spec §H.4), never by column counts.

Table 1 is read per row label (each label names its block); table 2 by groups of 7 values assigned to
the expected rows in order, a label in the same row confirming the row or skipping ahead to it; table 3 by
the first 15 values after its header. Rows of one value per line are gathered into runs and cut into
rows of the expected width, which is how rows printed without their labels are still placed.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from xxgk.model import labels as L
from xxgk.model.formats import T2_WIDTH, T3_WIDTH, ReportFormat, Table1Block, Table1Column, table1_key
from xxgk.model.report import Cell, CellState, Finding, Provenance
from xxgk.parse.document import Fragment
from xxgk.parse.findings import finding, provenance
from xxgk.parse.labels import LabelMatch, is_typo, match_label
from xxgk.parse.normalise import label_key, to_unit
from xxgk.parse.rows import Item, TypedRow

# Tolerances
T1_MIN_RATIO = 90.0  # table-1 row labels are short and alike (规范性文件/行政规范性文件): fuzzy only when close
T2_WINDOW = 6  # a row label may skip at most this many expected rows ahead (rows missing from the source)
T2_SKIP_MIN_SCORE = 90.0  # …and only when it matches this well
T2_MIN_UNLABELLED = 4  # a row without a readable label needs this many cells to be placed by position
T3_LABEL_MAX_CHARS = 12  # label cells in a table-3 value row are header words, never sentences
T3_INDENT_GAPS = 2  # a short value line indented by more than this many of its own gaps starts with blanks

_T2_ALIASES = {label_key(k): v for k, v in L.T2_ROW_ALIASES.items()}
# 2019 and 2021 spell one table-1 row differently; a report may print the other format's spelling.
_T1_COUNTERPART = {
    L.T1_ROW_NORMATIVE_2019: L.T1_ROW_NORMATIVE_2021,
    L.T1_ROW_NORMATIVE_2021: L.T1_ROW_NORMATIVE_2019,
}
_ALL_T1_ROWS = (
    L.T1_ROW_RULES,
    L.T1_ROW_NORMATIVE_2021,
    L.T1_ROW_NORMATIVE_2019,
    L.T1_ROW_LICENSING,
    L.T1_ROW_OTHER_SERVICES,
    L.T1_ROW_PENALTY,
    L.T1_ROW_COERCION,
    L.T1_ROW_FEES,
    L.T1_ROW_PROCUREMENT,
)


@dataclass(slots=True)
class TableResult:
    table1: dict[str, Cell] = field(default_factory=dict)
    table2: dict[str, list[Cell]] = field(default_factory=dict)
    table3: list[Cell] | None = None
    findings: list[Finding] = field(default_factory=list)


# --- cells ----------------------------------------------------------------------------------------


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


# --- table 1 --------------------------------------------------------------------------------------


def _t1_block(fmt: ReportFormat, row_label: str) -> tuple[Table1Block, str] | None:
    """The block of `fmt` a printed row label belongs to, and the canonical row it stands for."""
    for block in fmt.table1_blocks:
        if row_label in block.rows:
            return block, row_label
    counterpart = _T1_COUNTERPART.get(row_label)
    if counterpart:
        for block in fmt.table1_blocks:
            if counterpart in block.rows:
                return block, counterpart
    return None


def _t1_row_label(row: TypedRow) -> tuple[str, LabelMatch] | None:
    if any(label_key(i.text).startswith((label_key(L.T1_CONTENT_HEADER), "第二十条")) for i in row.labels):
        return None
    cands = [(r, r) for r in _ALL_T1_ROWS]
    for item in row.labels:
        found = match_label(item.text, cands, min_ratio=T1_MIN_RATIO)
        if found is not None:
            return item.text, found
    return None


def parse_table1(rows: Sequence[TypedRow], fmt: ReportFormat) -> TableResult:
    out = TableResult()
    seen_canonical: set[str] = set()
    n = 0
    while n < len(rows):
        row = rows[n]
        n += 1
        labelled = _t1_row_label(row)
        if labelled is None:
            continue
        _, match = labelled
        printed = match.key
        located = _t1_block(fmt, printed)
        first = row.labels[0].fragment if row.labels else row.first
        if located is None:
            out.findings.append(
                finding(
                    "PARSE-T1-OTHER-FORMAT-ROW",
                    "warning",
                    f"表一行「{printed}」不属于 {fmt.code} 年格式，已忽略",
                    first,
                )
            )
            continue
        block, canonical = located
        if canonical in seen_canonical:
            out.findings.append(
                finding("PARSE-T1-DUPLICATE-ROW", "warning", f"表一行「{printed}」重复出现，取第一次", first)
            )
            continue
        seen_canonical.add(canonical)
        if printed != canonical:
            out.findings.append(
                finding(
                    "PARSE-T1-OTHER-FORMAT-LABEL",
                    "warning",
                    f"表一行标签「{printed}」是另一版格式的写法（{fmt.code} 年格式为「{canonical}」）",
                    first,
                    cells=tuple(f"table1.{table1_key(printed, c.label)}" for c in block.columns),
                )
            )
        if is_typo(match):
            out.findings.append(
                finding("PARSE-LABEL-FUZZY", "info", f"表一行标签与「{printed}」近似（疑为笔误）", first)
            )
        width = len(block.columns)
        region = row.value_region() if row.values else list(row.after_label())
        if not region:
            # one cell per line: the values follow on their own lines
            while n < len(rows) and rows[n].is_single_value and len(region) < width:
                region.extend(rows[n].values)
                n += 1
        taken, extra = fit(region, width)
        for column, item in zip(block.columns, taken, strict=True):
            key = table1_key(printed, column.label)
            cell = to_cell(item, label_status=match.status, column=column, near=first)
            out.table1[key] = cell
            bad = invalid_value(cell, f"table1.{key}", f"表一「{printed}/{column.label}」")
            if bad is not None:
                out.findings.append(bad)
            if column.kind == "amount" and column.unit is None and cell.is_number and cell.unit is None:
                out.findings.append(
                    finding(
                        "PARSE-T1-UNIT-MISSING",
                        "warning",
                        f"表一「{printed}/{column.label}」的金额 {item.text if item else ''} 未注明单位",
                        item.fragment if item else first,
                        cells=(f"table1.{key}",),
                    )
                )
            if cell.is_blank:
                out.findings.append(
                    finding(
                        "PARSE-T1-BLANK",
                        "warning",
                        f"表一「{printed}/{column.label}」为空（空白不等于 0）",
                        item.fragment if item else first,
                        cells=(f"table1.{key}",),
                    )
                )
        for item in extra:
            out.findings.append(
                finding(
                    "PARSE-T1-EXTRA-VALUE",
                    "warning",
                    f"表一行「{printed}」多出一个数值「{item.text}」（该栏目只有 {width} 列）",
                    item.fragment,
                )
            )
    for block in fmt.table1_blocks:
        for row_label in block.rows:
            if row_label in seen_canonical:
                continue
            for column in block.columns:
                out.table1[table1_key(row_label, column.label)] = missing_cell()
            out.findings.append(
                finding(
                    "PARSE-T1-ROW-MISSING",
                    "warning",
                    f"表一缺少「{block.header}·{row_label}」行，其数值按空白处理",
                    at="表一",
                    cells=tuple(f"table1.{table1_key(row_label, c.label)}" for c in block.columns),
                )
            )
    return out


# --- table 2 --------------------------------------------------------------------------------------


@dataclass(slots=True)
class ValueGroup:
    cells: list[Item | None]
    labels: list[Item]  # label cells in the same row
    preceding: list[Item]  # label rows since the previous group
    extra: list[Item] = field(default_factory=list)
    run: bool = False  # gathered from one-value-per-line rows

    @property
    def has_number(self) -> bool:
        return any(c is not None and c.value is not None and c.value.kind == "number" for c in self.cells)

    @property
    def anchor(self) -> Item | None:
        return next((c for c in self.cells if c is not None), None)


def value_groups(rows: Sequence[TypedRow], width: int) -> tuple[list[ValueGroup], list[Item]]:
    """Groups of `width` values in document order, and the stray values that make no full row."""
    groups: list[ValueGroup] = []
    stray: list[Item] = []
    run: list[Item] = []
    run_preceding: list[Item] = []
    preceding: list[Item] = []

    def flush() -> None:
        nonlocal run, run_preceding
        for start in range(0, len(run), width):
            chunk = run[start : start + width]
            if len(chunk) < width:
                stray.extend(chunk)
                continue
            groups.append(ValueGroup(list(chunk), [], run_preceding if start == 0 else [], run=True))
        run, run_preceding = [], []

    for row in rows:
        if row.structured and row.labels and not row.values and row.after_label():
            # a labelled row whose cells are all blank (a blank form): a group of blanks, if the label matches
            flush()
            cells, extra = fit(row.after_label(), width)
            groups.append(ValueGroup(cells, row.labels, preceding, extra))
            preceding = []
            continue
        if row.is_single_value:
            if not run:
                run_preceding, preceding = preceding, []
            run.extend(row.values)
            continue
        flush()
        if row.values:
            cells, extra = fit(row.value_region(), width)
            groups.append(ValueGroup(cells, row.labels, preceding, extra))
            preceding = []
        elif row.labels:
            preceding = [*preceding, *row.labels]
    flush()
    return groups, stray


def _t2_match(items: Sequence[Item], cands: list[tuple[str, str]]) -> tuple[LabelMatch, Item] | None:
    best: tuple[LabelMatch, Item] | None = None
    for item in items:
        found = match_label(item.text, cands, _T2_ALIASES)
        if found is not None and (best is None or found.score > best[0].score):
            best = (found, item)
    return best


_T2_HEADS = {label_key(label): n for n, (_, label) in enumerate(L.T2_COLUMNS)}


def subtotal_column(rows: Sequence[TypedRow]) -> int | None:
    """Where an added 小计 column sits among the value columns, from the header rows (None: no such column)."""
    order: list[str] = []
    for row in rows:
        if row.values:
            break
        for item in row.labels:
            key = label_key(item.text)
            if key.endswith("小计"):
                order.append("小计")
            elif key in _T2_HEADS and key not in order:
                order.append(key)
    if "小计" not in order or len(order) != len(L.T2_COLUMNS) + 1:
        return None
    return order.index("小计")


def parse_table2(rows: Sequence[TypedRow], fmt: ReportFormat) -> TableResult:
    out = TableResult()
    keys = list(fmt.table2_keys)
    labels = {r.key: r.label for r in fmt.table2_rows}
    subtotal = subtotal_column(rows)
    if subtotal is None:
        groups, stray = value_groups(rows, T2_WIDTH)
    else:
        # a tool's extra 法人或其他组织小计 column: read 8 values a row and leave it out (spec §C.1)
        groups, stray = value_groups(rows, T2_WIDTH + 1)
        for group in groups:
            del group.cells[subtotal]
        out.findings.append(
            finding(
                "PARSE-T2-SUBTOTAL-COLUMN",
                "info",
                "表二多印了一列「法人或其他组织小计」（官方表格没有此列），已略去",
                at="表二",
            )
        )
    pos = 0
    for group in groups:
        if not group.has_number and not group.labels:
            continue  # placeholder rows of a converter ('-' under a header)
        where_group = group.anchor.fragment if group.anchor else None
        if not group.has_number and pos < len(keys):
            # a row of blank (or not-applicable) cells counts only when its label says which row it is
            found = _t2_match(group.labels, [(k, labels[k]) for k in keys[pos : pos + T2_WINDOW]])
            if found is None or (found[0].key != keys[pos] and found[0].score < T2_SKIP_MIN_SCORE):
                continue
        if pos >= len(keys):
            out.findings.append(
                finding("PARSE-T2-EXTRA-ROW", "warning", "表二末行之后还有一行数值，已忽略", where_group)
            )
            continue
        if keys[pos] == "other" and group.has_number:
            split = _t2_match(group.labels, [("other_1", L.T2_ROW_LABELS["other_1"][0])])
            if split is not None and split[0].score >= T2_SKIP_MIN_SCORE:
                # a 2019-format table printing the 2021 sub-rows of （六）: kept as printed
                keys[pos : pos + 1] = ["other_1", "other_2", "other_3"]
                labels.update({k: L.T2_ROW_LABELS[k][0] for k in keys[pos : pos + 3]})
                out.findings.append(
                    finding(
                        "PARSE-T2-SPLIT-OTHER",
                        "warning",
                        "2019 年格式的表二把「（六）其他处理」分成了 1–3 项（2021 年格式的写法），按所印读取",
                        split[1].fragment,
                        cells=("table2.other_1", "table2.other_2", "table2.other_3"),
                    )
                )
        window = [(k, labels[k]) for k in keys[pos : pos + T2_WINDOW]]
        matched = _t2_match(group.labels, window)
        if matched is None and keys[pos] == "other_1" and group.has_number:
            single = _t2_match(group.labels, [("other", L.T2_ROW_LABELS["other"][0])])
            if single is not None and single[0].status != "fuzzy":
                # a 2021-format table that still prints one （六）其他处理 row (spec §J): kept as `other`
                out.table2["other"] = [to_cell(item, label_status=single[0].status) for item in group.cells]
                out.findings.append(
                    finding(
                        "PARSE-T2-SINGLE-OTHER",
                        "warning",
                        "2021 年格式的表二只印了一行「（六）其他处理」，没有分列 1–3 项，已按 2019 年格式的单行读取",
                        single[1].fragment,
                        cells=("table2.other",),
                    )
                )
                pos = keys.index("total")
                continue
        status: str
        if matched is not None and (matched[0].key == keys[pos] or matched[0].score >= T2_SKIP_MIN_SCORE):
            index = keys.index(matched[0].key)
            for skipped in keys[pos:index]:
                out.table2[skipped] = [missing_cell() for _ in range(T2_WIDTH)]
                out.findings.append(
                    finding(
                        "PARSE-T2-ROW-MISSING",
                        "warning",
                        f"表二缺少「{L.T2_ROW_SHORT[skipped]}」行，其数值按空白处理",
                        matched[1].fragment,
                        cells=(f"table2.{skipped}",),
                    )
                )
            status = matched[0].status
            if is_typo(matched[0]):
                out.findings.append(
                    finding(
                        "PARSE-LABEL-FUZZY",
                        "info",
                        f"表二行标签「{matched[1].text.strip()}」与「{labels[matched[0].key]}」近似（疑为笔误）",
                        matched[1].fragment,
                    )
                )
        else:
            present = [c for c in group.cells if c is not None]
            if not group.run and len(present) < T2_MIN_UNLABELLED:
                # a sentence or a note ending in a number, not a row of the table
                for item in present:
                    if item.kind == "value":
                        message = f"表二中有一个不成行的数值「{item.text}」，已忽略"
                        out.findings.append(finding("PARSE-T2-STRAY-VALUE", "warning", message, item.fragment))
                continue
            index = pos
            hint = _t2_match(group.preceding, [(keys[pos], labels[keys[pos]])])
            if hint is not None:
                status = hint[0].status
            else:
                status = "positional"
                silent = not group.labels and not group.preceding
                out.findings.append(
                    finding(
                        "PARSE-T2-LABEL-MISSING" if silent else "PARSE-T2-LABEL-UNREADABLE",
                        "warning" if silent else "info",
                        f"表二一行数值{'没有行标签' if silent else '的行标签无法识别'}，"
                        f"按位置归入「{L.T2_ROW_SHORT[keys[pos]]}」",
                        where_group,
                        cells=(f"table2.{keys[pos]}",),
                    )
                )
        key = keys[index]
        out.table2[key] = [to_cell(item, label_status=status, near=where_group) for item in group.cells]
        for column, cell in enumerate(out.table2[key]):
            bad = invalid_value(cell, f"table2.{key}[{column}]", f"表二「{L.T2_ROW_SHORT[key]}」第 {column + 1} 列")
            if bad is not None:
                out.findings.append(bad)
        if any(c is None for c in group.cells) and not group.run:
            out.findings.append(
                finding(
                    "PARSE-T2-SHORT-ROW",
                    "warning",
                    f"表二「{L.T2_ROW_SHORT[key]}」行不足 {T2_WIDTH} 个数值，缺少的按空白处理",
                    where_group,
                    cells=(f"table2.{key}",),
                )
            )
        for item in group.extra:
            out.findings.append(
                finding(
                    "PARSE-T2-EXTRA-VALUE",
                    "warning",
                    f"表二「{L.T2_ROW_SHORT[key]}」行多出数值「{item.text}」",
                    item.fragment,
                )
            )
        pos = index + 1
    for item in stray:
        out.findings.append(
            finding(
                "PARSE-T2-STRAY-VALUE", "warning", f"表二中有一个不成行的数值「{item.text}」，已忽略", item.fragment
            )
        )
    for key in keys[pos:]:
        if key not in out.table2 and not ("other" in out.table2 and key.startswith("other_")):
            out.table2[key] = [missing_cell() for _ in range(T2_WIDTH)]
            out.findings.append(
                finding(
                    "PARSE-T2-ROW-MISSING",
                    "warning",
                    f"表二缺少「{L.T2_ROW_SHORT[key]}」行，其数值按空白处理",
                    at="表二",
                    cells=(f"table2.{key}",),
                )
            )
    # keep the printed order of the format
    order = [name for k in keys for name in (("other", k) if k == "total" and "other" not in keys else (k,))]
    out.table2 = {k: out.table2[k] for k in order if k in out.table2}
    return out


# --- table 3 --------------------------------------------------------------------------------------


def _indent(text: str) -> int:
    expanded = text.expandtabs(8)
    return len(expanded) - len(expanded.lstrip())


def _blank_columns_before(row: TypedRow, region: Sequence[Item], rows: Sequence[TypedRow]) -> int:
    """For a short row of space-aligned text (`pdftotext -layout`): how many columns are blank before its
    first value, judged by its indentation against the header lines and the spacing of its own values."""
    raw = row.first.text.expandtabs(8) if row.first is not None else ""
    starts: list[int] = []
    at = 0
    for item in region:
        found = raw.find(item.text, at)
        if found < 0:
            return 0
        starts.append(found)
        at = found + len(item.text)
    if len(starts) < 2:
        return 0
    gaps = sorted(b - a for a, b in itertools.pairwise(starts))
    typical = gaps[len(gaps) // 2]
    header = [_indent(r.first.text) for r in rows if r.labels and not r.values and r.first is not None]
    margin = min(header, default=0)
    if typical > 0 and starts[0] - margin > T3_INDENT_GAPS * typical:
        return T3_WIDTH - len(region)
    return 0


def parse_table3(rows: Sequence[TypedRow]) -> TableResult:
    out = TableResult()
    taken: list[Item | None] = []
    extra: list[Item] = []
    printed = any(row.values for row in rows)
    for row in rows:
        if not taken and row.structured and not row.labels and len(row.items) == T3_WIDTH and not printed:
            taken = list(row.items)  # the data row of a blank form: fifteen blank cells
            continue
        if len(taken) >= T3_WIDTH:
            extra.extend(i for i in row.values if not row.labels)
            if extra:
                break
            continue
        if not row.values:
            continue
        if any(len(label_key(i.text)) > T3_LABEL_MAX_CHARS for i in row.labels):
            continue  # a sentence with a number in it
        if row.structured and not row.labels:
            items = list(row.items)
            while items and items[-1].kind == "empty":
                items.pop()
            if not taken and len(items) == T3_WIDTH:
                taken = list(items)  # a full grid row: leading empty cells are blank values
                continue
            while items and items[0].kind == "empty":
                items.pop(0)
            found: list[Item] = items
        else:
            found = row.value_region()
        room = T3_WIDTH - len(taken)
        region: list[Item | None] = list(found)
        if not taken and len(found) < T3_WIDTH and not row.structured:
            blanks: list[Item | None] = [None] * _blank_columns_before(row, found, rows)
            region = blanks + region
        taken.extend(region[:room])
        extra.extend(i for i in region[room:] if i is not None and i.kind != "empty")
    present = [i for i in taken if i is not None]
    last = next((i.fragment for i in reversed(present)), None)
    if not taken:
        out.findings.append(finding("PARSE-T3-NO-VALUES", "warning", "表三没有读到任何数值", at="表三"))
    elif len(present) < T3_WIDTH:
        lead = len(taken) - len(present)
        placed = f"按版面缩进判断前 {lead} 格为空白" if lead else "按从左到右的顺序填入，其余按空白处理"
        out.findings.append(
            finding(
                "PARSE-T3-SHORT",
                "warning",
                f"表三只读到 {len(present)} 个数值（应为 {T3_WIDTH} 个），{placed}",
                last,
                cells=tuple(f"table3[{n}]" for n in range(T3_WIDTH) if n >= len(taken) or taken[n] is None),
            )
        )
    taken += [None] * (T3_WIDTH - len(taken))
    out.table3 = [to_cell(item, near=last) for item in taken]
    for n, cell in enumerate(out.table3):
        bad = invalid_value(cell, f"table3[{n}]", f"表三「{L.t3_label(n)}」")
        if bad is not None:
            out.findings.append(bad)
    for item in extra:
        out.findings.append(
            finding("PARSE-T3-EXTRA-VALUE", "warning", f"表三多出数值「{item.text}」，已忽略", item.fragment)
        )
    for n, cell in enumerate(out.table3):
        if cell.is_blank and taken[n] is not None:
            out.findings.append(
                finding(
                    "PARSE-T3-BLANK",
                    "warning",
                    f"表三「{L.t3_label(n)}」为空（空白不等于 0）",
                    taken[n].fragment if taken[n] else None,  # type: ignore[union-attr]
                    cells=(f"table3[{n}]",),
                )
            )
    return out
