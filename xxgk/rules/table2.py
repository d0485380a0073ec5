"""Table-2 rules (收到和处理政府信息公开申请情况, spec §C.5): T2-01 … T2-06 and T2-11.

The narrative rules T2-09/T2-10 live in `narrative`, the case-system rules T2-07/T2-08 in `cases`.
"""

from __future__ import annotations

from collections.abc import Iterator

from xxgk.model import T2_WIDTH, CellState, Finding, Report
from xxgk.model import labels as L
from xxgk.rules.cells import (
    Operand,
    Sum,
    fmt,
    num,
    result_rows,
    t2_col_name,
    t2_operand,
    t2_ref,
    t2_row_name,
    t2_where,
)
from xxgk.rules.registry import FORMAT_NOTICES, RuleInput, register, rule

R = L.T2_ROW_SHORT  # row names as clerks cite them
TOTAL = T2_WIDTH - 1  # index of the 总计 column
APPLICANT_COLUMNS = tuple(range(TOTAL))
BASIS_TABLE = FORMAT_NOTICES + "表格勾稽关系"


def expected_rows(report: Report) -> tuple[str, ...]:
    """The rows the report's format prints, with the （六） group as the report prints it."""
    results = set(result_rows(report))
    keys = [k for k in report.spec.table2_keys if k not in report.spec.result_keys or k in results]
    keys += [k for k in results if k not in keys]
    order = list(L.T2_ROW_LABELS)
    return tuple(sorted(keys, key=order.index))


def _has_table(report: Report) -> bool:
    return bool(report.table2)


@register(
    "T2-01", "error", "表二勾稽关系（第一项加第二项等于第三项加第四项）", BASIS_TABLE + "（表内注明）", "official"
)
def t2_01(inp: RuleInput) -> Iterator[Finding]:
    report, me = inp.report, rule("T2-01")
    if not _has_table(report):
        return
    unassessed = []
    for col in range(T2_WIDTH):
        left = Sum((t2_operand(report, "new", col), t2_operand(report, "carried_over", col)))
        right = Sum((t2_operand(report, "total", col), t2_operand(report, "carry_forward", col)))
        lv, rv = left.value, right.value
        if lv is None or rv is None:
            missing = left.missing + right.missing
            unassessed.append((t2_where(column=col), _missing_text(missing), [op.ref for op in missing]))
            continue
        if lv != rv:
            a, b = (num(op.cell) for op in left.operands)
            c, d = (num(op.cell) for op in right.operands)
            yield me.finding(
                f"「{t2_col_name(col)}」列：第一项加第二项（{fmt(a or 0)} + {fmt(b or 0)} = {fmt(lv)}）"
                f"不等于第三项加第四项（{R['total']} {fmt(c or 0)} + {R['carry_forward']} {fmt(d or 0)} = {fmt(rv)}）",
                where=t2_where(column=col),
                cells=left.refs + right.refs,
            )
    if unassessed:
        yield me.not_assessable(unassessed)


@register("T2-02", "error", "表二各行总计等于各类申请人之和", BASIS_TABLE + "（总计列）", "derived")
def t2_02(inp: RuleInput) -> Iterator[Finding]:
    report, me = inp.report, rule("T2-02")
    unassessed = []
    for row in report.table2:
        parts = Sum(tuple(t2_operand(report, row, col, by="column") for col in APPLICANT_COLUMNS))
        total = t2_operand(report, row, TOTAL, by="column")
        sv, tv = parts.value, num(total.cell)
        if sv is None or tv is None:
            missing = parts.missing + ((total,) if tv is None else ())
            unassessed.append((t2_where(row), _missing_text(missing), [op.ref for op in missing]))
            continue
        if sv != tv:
            terms = parts.nonzero_terms()
            yield me.finding(
                f"「{t2_row_name(row)}」行「总计」为 {fmt(tv)}，但各类申请人之和为 {fmt(sv)}"
                + (f"（{terms}）" if terms else ""),
                where=t2_where(row, TOTAL),
                cells=(total.ref, *parts.refs),
            )
    if unassessed:
        yield me.not_assessable(unassessed)


@register("T2-03", "error", "表二（七）总计等于各办理结果之和", BASIS_TABLE + "（三、本年度办理结果）", "derived")
def t2_03(inp: RuleInput) -> Iterator[Finding]:
    report, me = inp.report, rule("T2-03")
    if not _has_table(report):
        return
    leaves = result_rows(report)
    unassessed = []
    for col in range(T2_WIDTH):
        parts = Sum(tuple(t2_operand(report, row, col) for row in leaves))
        total = t2_operand(report, "total", col)
        sv, tv = parts.value, num(total.cell)
        if sv is None or tv is None:
            missing = parts.missing + ((total,) if tv is None else ())
            unassessed.append((t2_where(column=col), _missing_text(missing), [op.ref for op in missing]))
            continue
        if sv != tv:
            terms = parts.nonzero_terms()
            yield me.finding(
                f"「{R['total']}」行「{t2_col_name(col)}」列为 {fmt(tv)}，但各办理结果之和为 {fmt(sv)}"
                + (f"（{terms}）" if terms else ""),
                where=t2_where("total", col),
                cells=(total.ref, *parts.refs),
            )
    if unassessed:
        yield me.not_assessable(unassessed)


@register(
    "T2-04",
    "error",
    "表二单元格应为非负整数（空白不等于 0）",
    FORMAT_NOTICES + "附件表格（每格应填数字，没有的填 0）",
    "derived",
)
def t2_04(inp: RuleInput) -> Iterator[Finding]:
    report, me = inp.report, rule("T2-04")
    if not _has_table(report):
        return  # STRUCT-02 reports the missing table
    expected = expected_rows(report)
    for row in expected:
        if row not in report.table2:
            yield me.finding(
                f"缺少「{L.T2_ROW_LABELS[row][0]}」行（{t2_row_name(row)}）",
                where=t2_where(row),
                cells=[t2_ref(row, c) for c in range(T2_WIDTH)],
            )
    for row in report.table2:
        if row not in expected:
            yield me.finding(
                f"{report.format} 年格式的表二没有「{t2_row_name(row)}」行", where=t2_where(row), severity="warning"
            )
    all_blank = all(c.is_blank for cells in report.table2.values() for c in cells)
    if all_blank:
        count = sum(len(cells) for cells in report.table2.values())
        yield me.finding(
            f"表二全部 {count} 个单元格为空（空白不等于 0，没有的应填 0）",
            where="表二",
            cells=[t2_ref(r, c) for r in report.table2 for c in range(T2_WIDTH)],
        )
        return
    for row, cells in report.table2.items():
        blank = [c for c, cell in enumerate(cells) if cell.is_blank]
        if blank:
            yield me.finding(
                f"「{t2_row_name(row)}」行{_cols(blank)}为空（空白不等于 0，没有的应填 0）",
                where=t2_where(row, blank[0] if len(blank) == 1 else None),
                cells=[t2_ref(row, c) for c in blank],
            )
        na = [c for c, cell in enumerate(cells) if cell.state is CellState.NOT_APPLICABLE]
        if na:
            yield me.finding(
                f"「{t2_row_name(row)}」行{_cols(na)}填为「/」，应填数字（没有的填 0）",
                where=t2_where(row, na[0] if len(na) == 1 else None),
                cells=[t2_ref(row, c) for c in na],
                severity="warning",
            )
        unresolved = [c for c, cell in enumerate(cells) if cell.state is CellState.UNRESOLVED]
        if unresolved:
            raws = "、".join(f"「{cells[c].raw}」" for c in unresolved)
            yield me.finding(
                f"「{t2_row_name(row)}」行{_cols(unresolved)}无法分列（原文 {raws}），未能逐格核验",
                where=t2_where(row),
                cells=[t2_ref(row, c) for c in unresolved],
                severity="info",
            )
        for c, cell in enumerate(cells):
            value = num(cell)
            if value is not None and (value < 0 or value != int(value)):
                yield me.finding(
                    f"「{t2_row_name(row)}」行「{t2_col_name(c)}」列为 {fmt(value)}，申请件数应为非负整数",
                    where=t2_where(row, c),
                    cells=[t2_ref(row, c)],
                )


@register(
    "T2-05",
    "error",
    "表二办理结果不超过收到的申请",
    BASIS_TABLE + "（由第一项加第二项等于第三项加第四项推出）",
    "derived",
)
def t2_05(inp: RuleInput) -> Iterator[Finding]:
    report, me = inp.report, rule("T2-05")
    if not _has_table(report):
        return
    leaves = result_rows(report)
    unassessed = []
    for col in range(T2_WIDTH):
        received = Sum((t2_operand(report, "new", col), t2_operand(report, "carried_over", col)))
        total = t2_operand(report, "total", col)
        rv, tv = received.value, num(total.cell)
        if rv is None:
            missing = received.missing
            unassessed.append((t2_where(column=col), _missing_text(missing), [op.ref for op in missing]))
            continue
        a, b = (num(op.cell) or 0 for op in received.operands)
        got = f"收到的申请 {fmt(rv)}（{R['new']} {fmt(a)} + {R['carried_over']} {fmt(b)}）"
        if tv is not None and tv > rv:
            yield me.finding(
                f"「{t2_col_name(col)}」列：{R['total']} {fmt(tv)} 超过{got}",
                where=t2_where("total", col),
                cells=(total.ref, *received.refs),
            )
            continue
        # The leaves may exceed what was received even where （七）总计 itself does not (T2-03 broken too).
        leaf_sum = Sum(tuple(t2_operand(report, row, col) for row in leaves))
        lv = leaf_sum.value
        if lv is not None and lv > rv and lv != tv:
            terms = leaf_sum.nonzero_terms()
            yield me.finding(
                f"「{t2_col_name(col)}」列：各办理结果之和 {fmt(lv)}"
                + (f"（{terms}）" if terms else "")
                + f"超过{got}",
                where=t2_where(column=col),
                cells=(*leaf_sum.refs, *received.refs),
            )
    if unassessed:
        yield me.not_assessable(unassessed)


@register("T2-06", "warning", "本年「上年结转」等于上年「结转下年度」", "跨年度衔接（非官方规则）", "heuristic")
def t2_06(inp: RuleInput) -> Iterator[Finding]:
    report, previous, me = inp.report, inp.previous, rule("T2-06")
    if previous is None or not report.table2 or not previous.table2:
        return
    if report.year is not None and previous.year is not None and previous.year != report.year - 1:
        yield me.finding(
            f"上年报告为 {previous.year} 年度，不是 {report.year - 1} 年度，未比对结转数",
            severity="info",
            assessable=False,
        )
        return
    diffs, refs, unassessed = [], [], []
    for col in range(T2_WIDTH):
        now = t2_operand(report, "carried_over", col)
        before = t2_operand(previous, "carry_forward", col)
        nv, bv = num(now.cell), num(before.cell)
        if nv is None or bv is None:
            missing = [op for op, v in ((now, nv), (before, bv)) if v is None]
            why = "、".join(
                (f"本年「{R['carried_over']}」" if op is now else f"上年「{R['carry_forward']}」") for op in missing
            )
            unassessed.append((t2_where(column=col), f"{why}缺失", [op.ref for op in missing]))
            continue
        if nv != bv:
            diffs.append(f"「{t2_col_name(col)}」本年为 {fmt(nv)}，上年为 {fmt(bv)}")
            refs.append(now.ref)
    if diffs:
        yield me.finding(
            f"本年「{R['carried_over']}」与上年报告「{R['carry_forward']}」不一致：" + "；".join(diffs),
            where=t2_where("carried_over"),
            cells=refs,
        )
    if unassessed:
        yield me.not_assessable(unassessed)


@register(
    "T2-11",
    "warning",
    "汇总报告各单元格等于下级报告之和",
    "汇总报告与下级报告一致（汇总报告的实践做法，非官方规则）",
    "heuristic",
)
def t2_11(inp: RuleInput) -> Iterator[Finding]:
    report, me = inp.report, rule("T2-11")
    if not inp.children or not report.table2:
        return
    children = []
    for index, child in enumerate(inp.children):
        if child.year is not None and report.year is not None and child.year != report.year:
            yield me.finding(
                f"{_child_name(child, index)}是 {child.year} 年度，与本报告（{report.year} 年度）不同，未计入汇总比对",
                severity="info",
                assessable=False,
            )
        else:
            children.append(child)
    if not children:
        return
    unassessed = []
    for row in report.table2:
        diffs, refs = [], []
        for col in range(T2_WIDTH):
            own = num(report.t2(row, col))
            if own is None or any(row not in child.table2 for child in children):
                continue  # a missing own cell is T2-04's; a row a child's layout lacks is not comparable
            total = Sum(
                tuple(
                    Operand(_child_name(child, i), t2_ref(row, col), child.t2(row, col))
                    for i, child in enumerate(children)
                )
            )
            if total.value is None:
                unassessed.append((t2_where(row, col), _missing_text(total.missing), [t2_ref(row, col)]))
                continue
            if total.value != own:
                diffs.append(f"「{t2_col_name(col)}」本报告 {fmt(own)}，下级合计 {fmt(total.value)}")
                refs.append(t2_ref(row, col))
        if diffs:
            yield me.finding(
                f"「{t2_row_name(row)}」行与 {len(children)} 份下级报告之和不一致：" + "；".join(diffs),
                where=t2_where(row),
                cells=refs,
            )
    if unassessed:
        yield me.not_assessable(unassessed)


def _child_name(child: Report, index: int) -> str:
    return f"下级报告 {child.agency}" if child.agency else f"第 {index + 1} 份下级报告"


def _missing_text(missing: tuple[Operand, ...] | list[Operand]) -> str:
    return Sum(tuple(missing)).missing_text()


def _cols(columns: list[int]) -> str:
    if len(columns) == T2_WIDTH:
        return "各列"
    return "、".join(f"「{t2_col_name(c)}」" for c in columns) + "列"
