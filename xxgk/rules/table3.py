"""Table-3 rules (政府信息公开行政复议、行政诉讼情况, spec §D.2): T3-01, T3-02 and T3-05.

The narrative rule T3-04 lives in `narrative`, the case-system rule T3-03 in `cases`.
"""

from __future__ import annotations

from collections.abc import Iterator

from xxgk.model import T3_WIDTH, CellState, Finding
from xxgk.model import labels as L
from xxgk.rules.cells import T3_GROUP_SLICES, Sum, fmt, num, t3_operand, t3_ref, t3_where
from xxgk.rules.registry import FORMAT_NOTICES, RuleInput, register, rule

BASIS_TABLE = FORMAT_NOTICES + "表格勾稽关系"


@register("T3-01", "error", "表三各组总计等于四项结果之和", BASIS_TABLE + "（总计列）", "derived")
def t3_01(inp: RuleInput) -> Iterator[Finding]:
    report, me = inp.report, rule("T3-01")
    if report.table3 is None:
        return
    unassessed = []
    for _, group, leaves, total_index in T3_GROUP_SLICES:
        parts = Sum(tuple(t3_operand(report, i) for i in leaves))
        total = t3_operand(report, total_index)
        sv, tv = parts.value, num(total.cell)
        if sv is None or tv is None:
            missing = parts.missing + ((total,) if tv is None else ())
            unassessed.append((f"表三「{group}」", Sum(missing).missing_text(), [op.ref for op in missing]))
            continue
        if sv != tv:
            terms = " + ".join(f"{op.name} {fmt(num(op.cell) or 0)}" for op in parts.operands)
            yield me.finding(
                f"「{group}」总计为 {fmt(tv)}，但 {terms} = {fmt(sv)}",
                where=t3_where(total_index),
                cells=(total.ref, *parts.refs),
            )
    if unassessed:
        yield me.not_assessable(unassessed)


@register(
    "T3-02",
    "error",
    "表三单元格应为非负整数（空白不等于 0）",
    FORMAT_NOTICES + "附件表格（每格应填数字，没有的填 0）",
    "derived",
)
def t3_02(inp: RuleInput) -> Iterator[Finding]:
    report, me = inp.report, rule("T3-02")
    cells = report.table3
    if cells is None:
        return  # STRUCT-02 reports the missing table
    if all(c.is_blank for c in cells):
        yield me.finding(
            f"表三全部 {T3_WIDTH} 个单元格为空（空白不等于 0，没有的应填 0）",
            where="表三",
            cells=[t3_ref(i) for i in range(len(cells))],
        )
        return
    for _, group, leaves, total_index in T3_GROUP_SLICES:
        indexes = (*leaves, total_index)
        for state, text, severity in (
            (CellState.BLANK, "为空（空白不等于 0，没有的应填 0）", "error"),
            (CellState.NOT_APPLICABLE, "填为「/」，应填数字（没有的填 0）", "warning"),
            (CellState.UNRESOLVED, "无法分列，未能逐格核验", "info"),
        ):
            hit = [i for i in indexes if i < len(cells) and cells[i].state is state]
            if not hit:
                continue
            what = "五项均" if len(hit) == len(indexes) else "、".join(f"「{L.T3_LEAVES[i % 5]}」" for i in hit)
            yield me.finding(
                f"「{group}」{what}{text}",
                where=t3_where(hit[0]) if len(hit) == 1 else f"表三「{group}」",
                cells=[t3_ref(i) for i in hit],
                severity=severity,  # type: ignore[arg-type]
            )
    for i, cell in enumerate(cells):
        value = num(cell)
        if value is not None and (value < 0 or value != int(value)):
            yield me.finding(
                f"「{L.t3_label(i)}」为 {fmt(value)}，案件数应为非负整数", where=t3_where(i), cells=[t3_ref(i)]
            )


@register("T3-05", "info", "上年尚未审结的案件本年应有结果或仍未审结", "跨年度衔接（非官方规则）", "heuristic")
def t3_05(inp: RuleInput) -> Iterator[Finding]:
    report, previous, me = inp.report, inp.previous, rule("T3-05")
    if previous is None or report.table3 is None or previous.table3 is None:
        return
    if report.year is not None and previous.year is not None and previous.year != report.year - 1:
        yield me.finding(
            f"上年报告为 {previous.year} 年度，不是 {report.year - 1} 年度，未比对未审结案件", assessable=False
        )
        return
    for _, group, leaves, total_index in T3_GROUP_SLICES:
        pending_index = leaves[-1]
        pending = num(previous.t3(pending_index))
        total = num(report.t3(total_index))
        if pending is None or total is None or pending == 0:
            continue
        if total < pending:
            yield me.finding(
                f"上年「{group}」尚未审结 {fmt(pending)} 件，本年「{group}」总计仅 {fmt(total)} 件，"
                "上年未审结的案件本年应计入审结结果或仍计为尚未审结",
                where=t3_where(total_index),
                cells=[t3_ref(total_index)],
            )
