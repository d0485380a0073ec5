"""Table-1 rules (主动公开政府信息情况, spec §B.5): T1-01 … T1-04 and T1-06 (T1-05 lives in `narrative`).

A table-1 key may not be the canonical one: a 2021-format report may still print the 2019 row label
规范性文件 (and the reverse); cells printed run together are kept verbatim under a joined key such as
"规章/本年制发件数|本年废止件数|现行有效件数". `resolve_table1` maps what the report holds onto the cells
its format expects, so that every rule reads the same view.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from xxgk.model import Cell, CellState, Finding, Number, Report, Table1Column, split_table1_key, table1_key
from xxgk.model import labels as L
from xxgk.rules.cells import fmt, num, quoted, t1_ref, t1_where
from xxgk.rules.registry import FORMAT_NOTICES, RuleInput, register, rule

How = Literal["exact", "alias", "joined", "absent"]

# The same row under its label in the other format (行政规范性文件 is the 2021 name of 规范性文件).
ROW_ALIASES: dict[str, str] = {
    L.T1_ROW_NORMATIVE_2021: L.T1_ROW_NORMATIVE_2019,
    L.T1_ROW_NORMATIVE_2019: L.T1_ROW_NORMATIVE_2021,
}


@dataclass(frozen=True, slots=True)
class Slot:
    """An expected table-1 cell and where the report holds it."""

    key: str  # canonical key of the report's format
    row: str
    column: Table1Column
    cell: Cell | None
    source: str | None  # the report's own key, None when absent
    how: How


@dataclass(slots=True)
class Table1View:
    slots: dict[str, Slot] = field(default_factory=dict)
    extras: list[str] = field(default_factory=list)  # keys the format has no place for

    def value(self, row: str, column: str) -> Number | None:
        slot = self.slots.get(table1_key(row, column))
        return num(slot.cell) if slot is not None else None

    def ref(self, row: str, column: str) -> str:
        slot = self.slots.get(table1_key(row, column))
        return t1_ref(slot.source if slot is not None and slot.source else table1_key(row, column))


def resolve_table1(report: Report) -> Table1View:
    view = Table1View()
    used: set[str] = set()
    rows = [row for block in report.spec.table1_blocks for row in block.rows]
    joined = _joined_keys(report, rows)
    for block in report.spec.table1_blocks:
        for row in block.rows:
            for column in block.columns:
                key = table1_key(row, column.label)
                alias = ROW_ALIASES.get(row)
                alias_key = table1_key(alias, column.label) if alias else None
                if key in report.table1:
                    slot = Slot(key, row, column, report.table1[key], key, "exact")
                elif alias_key is not None and alias_key in report.table1:
                    slot = Slot(key, row, column, report.table1[alias_key], alias_key, "alias")
                elif (source := joined.get(key)) is not None:
                    slot = Slot(key, row, column, report.table1[source], source, "joined")
                else:
                    slot = Slot(key, row, column, None, None, "absent")
                view.slots[key] = slot
                if slot.source:
                    used.add(slot.source)
    view.extras = [key for key in report.table1 if key not in used]
    return view


def _joined_keys(report: Report, rows: list[str]) -> dict[str, str]:
    """Canonical key → the joined (unresolved) key that holds it verbatim."""
    out: dict[str, str] = {}
    spec = report.spec
    candidates = sorted({*rows, *(ROW_ALIASES[r] for r in rows if r in ROW_ALIASES)}, key=len, reverse=True)
    for key, cell in report.table1.items():
        if cell.state is not CellState.UNRESOLVED or key in spec.table1_keys:
            continue
        row = next((r for r in candidates if key.startswith(r)), None)
        if row is None:
            continue
        canonical_row = row if row in rows else ROW_ALIASES[row]
        rest = key[len(row) :]
        block = next(b for b in spec.table1_blocks if canonical_row in b.rows)
        named = [c.label for c in block.columns if c.label in rest]
        # "其他对外管理服务事项（同上）" names no column: it holds the whole row.
        for label in named or [c.label for c in block.columns]:
            canonical = table1_key(canonical_row, label)
            if canonical not in report.table1:
                out.setdefault(canonical, key)
    return out


BASIS_FORMAT = FORMAT_NOTICES + "附件表格"


@register("T1-01", "error", "表一单元格齐全（空白不等于 0）", BASIS_FORMAT + "（每格应填数字，没有的填 0）", "derived")
def t1_01(inp: RuleInput) -> Iterator[Finding]:
    report, me = inp.report, rule("T1-01")
    if not report.table1:
        return  # STRUCT-02 reports the missing table
    view = resolve_table1(report)
    slots = list(view.slots.values())
    if all(s.cell is not None and s.cell.is_blank for s in slots) and not view.extras:
        yield me.finding(
            f"表一全部 {len(slots)} 个单元格为空（空白不等于 0，没有的应填 0）",
            where="表一",
            cells=[t1_ref(s.key) for s in slots],
        )
        return
    by_row: dict[str, list[Slot]] = {}
    for slot in slots:
        by_row.setdefault(slot.row, []).append(slot)
    for row, row_slots in by_row.items():
        absent = [s for s in row_slots if s.how == "absent"]
        if absent and len(absent) == len(row_slots):
            yield me.finding(
                f"缺少「{row}」行（{quoted(s.column.label for s in absent)}无数值）",
                where=t1_where(row),
                cells=[t1_ref(s.key) for s in absent],
            )
        elif absent:
            yield me.finding(
                f"「{row}」行缺少{quoted(s.column.label for s in absent)}",
                where=t1_where(row),
                cells=[t1_ref(s.key) for s in absent],
            )
        blank = [s for s in row_slots if s.cell is not None and s.cell.is_blank]
        if blank:
            yield me.finding(
                f"「{row}」行{quoted(s.column.label for s in blank)}为空（空白不等于 0，没有的应填 0）",
                where=t1_where(row, blank[0].column.label if len(blank) == 1 else None),
                cells=[t1_ref(s.source or s.key) for s in blank],
            )
        na = [s for s in row_slots if s.cell is not None and s.cell.state is CellState.NOT_APPLICABLE]
        if na:
            yield me.finding(
                f"「{row}」行{quoted(s.column.label for s in na)}填为「/」，应填数字（没有的填 0）",
                where=t1_where(row),
                cells=[t1_ref(s.source or s.key) for s in na],
                severity="warning",
            )
        for source in dict.fromkeys(s.source for s in row_slots if s.how == "joined" or _unresolved(s)):
            assert source is not None
            cell = report.table1[source]
            yield me.finding(
                f"「{row}」行的数值连在一起无法分列（原文「{cell.raw}」），已视为填报但未能逐格核验",
                where=t1_where(row),
                cells=[t1_ref(source)],
                severity="info",
            )
        aliased = [s for s in row_slots if s.how == "alias"]
        if aliased:
            printed = split_table1_key(aliased[0].source or "")[0]
            yield me.finding(
                f"行标签「{printed}」是 {'2019' if report.format == '2021' else '2021'} 年格式的写法，"
                f"{report.format} 年格式应为「{row}」（已按同一行核验）",
                where=t1_where(printed),
                cells=[t1_ref(s.source or s.key) for s in aliased],
                severity="warning",
            )
    for key in view.extras:
        yield me.finding(
            f"表一出现本格式（{report.format} 年）没有的单元格「{key}」",
            where="表一",
            cells=[t1_ref(key)],
            severity="warning",
        )


def _unresolved(slot: Slot) -> bool:
    return slot.cell is not None and slot.cell.state is CellState.UNRESOLVED


@register("T1-02", "error", "表一数量为非负整数、金额不为负", BASIS_FORMAT + "（单位：件、万元）", "derived")
def t1_02(inp: RuleInput) -> Iterator[Finding]:
    report, me = inp.report, rule("T1-02")
    view = resolve_table1(report)
    for slot in view.slots.values():
        value = num(slot.cell)
        if value is None or slot.cell is None:
            continue
        ref, where = [t1_ref(slot.source or slot.key)], t1_where(slot.row, slot.column.label)
        name = f"「{slot.row}」行「{slot.column.label}」"
        if slot.column.kind == "count" and (value < 0 or value != int(value)):
            yield me.finding(f"{name}为 {fmt(value)}，应为非负整数", where=where, cells=ref)
        elif slot.column.kind == "amount" and value < 0:
            yield me.finding(f"{name}为 {fmt(value)}，金额不能为负数", where=where, cells=ref)
        elif slot.column.kind == "signed" and value != int(value):
            yield me.finding(f"{name}为 {fmt(value)}，应为整数", where=where, cells=ref)
        if slot.column.kind == "amount":
            unit = slot.cell.unit
            if slot.column.unit and unit and unit != slot.column.unit:
                yield me.finding(
                    f"{name}以「{unit}」填报，表格单位为「{slot.column.unit}」，请换算",
                    where=where,
                    cells=ref,
                    severity="warning",
                )
            elif not slot.column.unit and not unit and value:
                yield me.finding(
                    f"{name} {fmt(value)} 未注明单位（格式未规定单位，请注明元或万元）",
                    where=where,
                    cells=ref,
                    severity="info",
                )
    # 2019 blocks （五）（六）（八）: items at year end = 上一年项目数量 + 本年增/减 cannot be negative.
    for slot in view.slots.values():
        if slot.column.label != L.T1_COL_CHANGE:
            continue
        before, change = view.value(slot.row, L.T1_COL_PREVIOUS_ITEMS), num(slot.cell)
        if before is not None and change is not None and before + change < 0:
            yield me.finding(
                f"「{slot.row}」行上一年项目数量 {fmt(before)} 加本年增/减 {fmt(change)} 小于 0",
                where=t1_where(slot.row),
                cells=[view.ref(slot.row, L.T1_COL_PREVIOUS_ITEMS), view.ref(slot.row, L.T1_COL_CHANGE)],
                severity="warning",
            )


def _previous_ok(inp: RuleInput, fmt_code: str) -> tuple[Report, Report] | None:
    """This year's and last year's report when both use `fmt_code` and are consecutive years, else None
    (the two formats' table-1 columns cannot be compared with each other)."""
    report, previous = inp.report, inp.previous
    if previous is None or report.format != fmt_code or previous.format != fmt_code:
        return None
    if report.year is not None and previous.year is not None and previous.year != report.year - 1:
        return None
    return report, previous


@register("T1-03", "warning", "现行有效件数与上年衔接", "跨年度衔接（第三方校验做法，非官方规则）", "heuristic")
def t1_03(inp: RuleInput) -> Iterator[Finding]:
    pair = _previous_ok(inp, "2021")
    if pair is None:
        return
    report, previous = pair
    me = rule("T1-03")
    now, before = resolve_table1(report), resolve_table1(previous)
    unassessed = []
    for row in (L.T1_ROW_RULES, L.T1_ROW_NORMATIVE_2021):
        in_force = now.value(row, L.T1_COL_IN_FORCE)
        issued = now.value(row, L.T1_COL_ISSUED)
        repealed = now.value(row, L.T1_COL_REPEALED)
        last = before.value(row, L.T1_COL_IN_FORCE)
        refs = [now.ref(row, c) for c in (L.T1_COL_IN_FORCE, L.T1_COL_ISSUED, L.T1_COL_REPEALED)]
        if in_force is None or issued is None or repealed is None or last is None:
            unassessed.append((t1_where(row), "本年或上年现行有效件数、制发、废止件数未能读出数字", refs))
            continue
        expected = last + issued - repealed
        if expected != in_force:
            yield me.finding(
                f"「{row}」现行有效件数为 {fmt(in_force)}，但上年现行有效 {fmt(last)} + 本年制发 {fmt(issued)}"
                f" − 本年废止 {fmt(repealed)} = {fmt(expected)}",
                where=t1_where(row, L.T1_COL_IN_FORCE),
                cells=refs,
            )
    if unassessed:
        yield me.not_assessable(unassessed)


@register("T1-04", "warning", "上一年项目数量与上年报告衔接", "跨年度衔接（非官方规则）", "heuristic")
def t1_04(inp: RuleInput) -> Iterator[Finding]:
    pair = _previous_ok(inp, "2019")
    if pair is None:
        return
    report, previous = pair
    me = rule("T1-04")
    now, before = resolve_table1(report), resolve_table1(previous)
    unassessed = []
    for block in report.spec.table1_blocks:
        labels = [c.label for c in block.columns]
        if L.T1_COL_PREVIOUS_ITEMS not in labels or L.T1_COL_CHANGE not in labels:
            continue
        for row in block.rows:
            items = now.value(row, L.T1_COL_PREVIOUS_ITEMS)
            last_items = before.value(row, L.T1_COL_PREVIOUS_ITEMS)
            last_change = before.value(row, L.T1_COL_CHANGE)
            refs = [now.ref(row, L.T1_COL_PREVIOUS_ITEMS)]
            if items is None or last_items is None or last_change is None:
                unassessed.append((t1_where(row), "本年或上年项目数量、增减未能读出数字", refs))
                continue
            expected = last_items + last_change
            if expected != items:
                yield me.finding(
                    f"「{row}」上一年项目数量为 {fmt(items)}，但上年报告 {fmt(last_items)} 加增/减 {fmt(last_change)}"
                    f" = {fmt(expected)}",
                    where=t1_where(row, L.T1_COL_PREVIOUS_ITEMS),
                    cells=refs,
                )
    if unassessed:
        yield me.not_assessable(unassessed)


# Bodies with rule-making power (立法法第九十一、九十三条): 国务院部门, 省级 and 设区的市 governments. A report
# whose issuer is plainly a county-level or township government, or a local department, normally has none.
_NO_RULE_MAKING_NAME = re.compile(r"(县|旗|(?<!自治)区|县级市|乡|镇|苏木)人民政府$|街道办事处$")


def agency_kind(report: Report) -> str | None:
    """The agency type: as declared, else inferred from a name ending in 人民政府 / 街道办事处."""
    if report.agency_type:
        return report.agency_type
    name = (report.agency or "").strip()
    if re.search(r"(乡|镇|苏木)人民政府$|街道办事处$", name):
        return "乡镇街道"
    if name.endswith("人民政府"):
        return "人民政府"
    return None


@register("T1-06", "info", "规章数量与制定权相符", "《中华人民共和国立法法》规章制定权", "heuristic")
def t1_06(inp: RuleInput) -> Iterator[Finding]:
    report, me = inp.report, rule("T1-06")
    view = resolve_table1(report)
    kind = agency_kind(report)
    name = report.agency or ""
    lacks_power = kind in ("部门", "乡镇街道") or bool(_NO_RULE_MAKING_NAME.search(name))
    if not lacks_power:
        return
    for slot in view.slots.values():
        value = num(slot.cell)
        if slot.row == L.T1_ROW_RULES and value is not None and value != 0:
            yield me.finding(
                f"「规章」行「{slot.column.label}」为 {fmt(value)}；规章通常只由国务院部门、省级和设区的市人民政府"
                "制定，请核对本机关是否应填 0（规范性文件应填入下一行）",
                where=t1_where(slot.row, slot.column.label),
                cells=[t1_ref(slot.source or slot.key)],
            )
