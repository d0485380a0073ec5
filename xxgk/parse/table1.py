"""Table 1 (主动公开政府信息情况), read per row label: each label names its block and so its columns; the
values follow in the same row or on the next one-value lines."""

from __future__ import annotations

from collections.abc import Sequence

from xxgk.model import labels as L
from xxgk.model.formats import ReportFormat, Table1Block, table1_key
from xxgk.parse.cells import TableResult, fit, invalid_value, missing_cell, to_cell
from xxgk.parse.findings import finding
from xxgk.parse.labels import LabelMatch, is_typo, match_label
from xxgk.parse.normalise import label_key
from xxgk.parse.rows import TypedRow

T1_MIN_RATIO = 90.0  # table-1 row labels are short and alike (规范性文件/行政规范性文件): fuzzy only when close

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
