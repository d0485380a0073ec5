"""Table 3 (政府信息公开行政复议、行政诉讼情况): the first 15 values after its header, a full grid row taken
by position (its empty cells are blank values), a short line of space-aligned text placed by its indentation."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from xxgk.model import labels as L
from xxgk.model.formats import T3_WIDTH
from xxgk.parse.cells import TableResult, invalid_value, to_cell
from xxgk.parse.findings import finding
from xxgk.parse.normalise import label_key
from xxgk.parse.rows import Item, TypedRow

T3_LABEL_MAX_CHARS = 12  # label cells in a table-3 value row are header words, never sentences
T3_INDENT_GAPS = 2  # a short value line indented by more than this many of its own gaps starts with blanks


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
