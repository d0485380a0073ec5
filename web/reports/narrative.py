"""Prefilled text of parts 1, 4, 5 and 6: sentences that quote the compiled figures, for the clerk to edit.

The sentences are worded so that the narrative rules (T1-05, T2-10, T3-04) read the same figures the tables
hold; placeholders in 「（请填写……）」 mark what only a person can write.
"""

from __future__ import annotations

import re
from decimal import Decimal

from web.reports.sources import Fees
from xxgk.model import Number, Report, format_number
from xxgk.model import labels as L
from xxgk.rules.cells import num
from xxgk.rules.table1 import resolve_table1

TODO = "（请填写{}）"
PLACEHOLDER = re.compile(r"（请填写[^）]*）")


def _n(value: Number | None) -> str:
    return format_number(value) if value is not None else "__"


def _yuan(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01'))}"


def part1(report: Report, *, is_government: bool, assessment: str = "", figures: list[str] | None = None) -> str:
    """Part 1; `figures` are the registers' sentences: [catalogue, channels…, activities]."""
    figures = list(figures or [])
    catalogue = figures[0] if figures else ""
    activities = figures[-1] if len(figures) >= 2 else ""
    channels = "".join(figures[1:-1])
    year, agency = report.year, report.agency or "本机关"
    view = resolve_table1(report)
    decisions = L.T1_COL_DECISIONS_2021 if report.format == "2021" else L.T1_COL_DECISIONS_2019
    rules_col = L.T1_COL_ISSUED if report.format == "2021" else L.T1_COL_NEW_MADE
    normative_row = L.T1_ROW_NORMATIVE_2021 if report.format == "2021" else L.T1_ROW_NORMATIVE_2019
    licensing = view.value(L.T1_ROW_LICENSING, decisions)
    penalty = view.value(L.T1_ROW_PENALTY, decisions)
    coercion = view.value(L.T1_ROW_COERCION, decisions)
    normative = view.value(normative_row, rules_col)
    new, carried = num(report.t2("new", 6)), num(report.t2("carried_over", 6))
    total, forward = num(report.t2("total", 6)), num(report.t2("carry_forward", 6))
    granted = num(report.t2("granted", 6))
    lines = [
        f"{year}年，{agency}认真贯彻落实{L.REGULATION}，坚持以公开为常态、不公开为例外，"
        f"扎实推进政府信息公开工作。现将本年度政府信息公开工作情况报告如下。",
        f"（一）主动公开。本年度制发{normative_row}{_n(normative)}件，作出{L.T1_ROW_LICENSING}决定{_n(licensing)}件，"
        f"作出{L.T1_ROW_PENALTY}决定{_n(penalty)}件，作出{L.T1_ROW_COERCION}决定{_n(coercion)}件，均按规定予以公开。"
        + catalogue,
        f"（二）依申请公开。本年度新收政府信息公开申请{_n(new)}件，上年结转{_n(carried)}件；"
        f"办结{_n(total)}件，其中予以公开{_n(granted)}件；结转下年度继续办理{_n(forward)}件。",
        "（三）政府信息管理。" + TODO.format("政府信息公开属性源头认定、保密审查、政策解读等情况"),
        "（四）政府信息公开平台建设。"
        + (channels or TODO.format("政府网站、政务新媒体、政务服务场所等公开平台建设情况")),
        "（五）监督保障。" + activities + TODO.format("组织领导、监督检查等情况"),
    ]
    if is_government:
        lines.append(
            "工作考核、社会评议和责任追究结果情况："
            + (assessment.strip() or TODO.format("本年度政府信息公开工作考核、社会评议和责任追究结果情况"))
        )
    return "\n".join(lines)


def part4(report: Report) -> str:
    review = num(report.t3(4))
    direct, after = num(report.t3(9)), num(report.t3(14))
    litigation = direct + after if direct is not None and after is not None else None
    return f"本年度因政府信息公开工作被申请行政复议{_n(review)}件，提起行政诉讼{_n(litigation)}件。"


def part5(previous_problems: str | None) -> str:
    lines = [
        "（一）存在的主要问题。" + TODO.format("本年度政府信息公开工作存在的主要问题"),
        "（二）改进情况。" + TODO.format("针对上述问题的改进措施"),
    ]
    if previous_problems:
        quoted = previous_problems.strip().replace("\n", " ")
        lines.append(f"（三）上年度问题整改情况。上年度报告所列问题：「{quoted}」")
        lines.append("整改情况：" + TODO.format("上述问题的整改情况"))
    return "\n".join(lines)


def part6(fees: Fees | None, key_points: str = "", proposals: str = "") -> str:
    if fees is None:
        fee_line = "信息处理费：" + TODO.format("本年度发出收费通知的件数、通知收取的金额和实际收取的金额")
    elif fees.notices == 0:
        fee_line = "本年度未发出信息处理费收费通知，未收取信息处理费。"
    else:
        fee_line = (
            f"本年度依据《政府信息公开信息处理费管理办法》发出收费通知{fees.notices}件，"
            f"通知收取信息处理费{_yuan(fees.notified)}元，实际收取{_yuan(fees.collected)}元。"
        )
    lines = [fee_line]
    if key_points.strip():
        lines.append("落实年度政务公开工作要点情况：" + key_points.strip())
    if proposals.strip():
        lines.append("人大代表建议和政协委员提案办理结果公开情况：" + proposals.strip())
    return "\n".join(lines)


def problems_of(previous: Report | None) -> str | None:
    """Last year's 存在的主要问题: part 5 up to its 改进 section (the whole part when it has none)."""
    if previous is None:
        return None
    part = previous.part(5)
    if part is None or not part.text.strip():
        return None
    text = part.text.strip()
    for marker in ("（二）", "改进情况", "改进措施"):
        index = text.find(marker, 1)
        if index > 0:
            return text[:index].strip()
    return text
