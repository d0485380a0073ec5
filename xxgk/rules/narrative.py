"""Narrative rules: figures stated in the parts' text against the tables (T1-05, T2-09, T2-10, T3-04).

Conservative on purpose: a sentence is used only when its wording says clearly which figure it gives
(e.g. 「共受理政府信息公开申请0宗」, 「被申请行政复议0件」); sub-counts (「其中…」) and mixed totals
(「复议、诉讼案件共74件」) are ignored. Findings are warnings, and they quote the sentence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from xxgk.model import Finding, Number, Report
from xxgk.model import labels as L
from xxgk.rules.cells import T3_GROUP_SLICES, fmt, num, t2_ref, t3_ref
from xxgk.rules.registry import RuleInput, register, rule
from xxgk.rules.table1 import resolve_table1

R = L.T2_ROW_SHORT
NUM = r"([0-9]+|[零〇一二两三四五六七八九十百千万]+)"
UNIT = r"(?:件|宗|起|个|条)"
_STOP = "。；;！!？?\n"  # a figure is only read within its own clause


def clean(text: str) -> str:
    """Text with full-width digits made ASCII and whitespace removed (PDF text breaks lines mid-sentence)."""
    text = "".join(unicodedata.normalize("NFKC", ch) if ch.isdigit() else ch for ch in text)
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)  # 3,119 → 3119
    return re.sub(r"[ \t\r\f\v\u3000]+|\n", "", text)


def to_int(token: str) -> int | None:
    """Arabic or Chinese numeral → int (「一百零九」 → 109); None when it is not a whole number."""
    if token.isdigit():
        return int(token)
    import cn2an  # imported here: it takes ~0.4 s to load and most reports write figures in digits

    try:
        value = cn2an.cn2an(token, "smart")
    except (ValueError, KeyError, TypeError):
        return None
    return int(value) if float(value).is_integer() else None


@dataclass(frozen=True, slots=True)
class Statement:
    value: int
    quote: str  # the clause it was read from


def statements(text: str, patterns: Iterable[re.Pattern[str]]) -> list[Statement]:
    """Every figure the patterns find in `text`, each with the clause around it."""
    text = clean(text)
    out: list[Statement] = []
    seen: set[int] = set()
    for pattern in patterns:
        for match in pattern.finditer(text):
            if match.start(1) in seen:
                continue
            value = to_int(match.group(1))
            if value is None:
                continue
            seen.add(match.start(1))
            out.append(Statement(value, _clause(text, match.start(), match.end())))
    return out


def _clause(text: str, start: int, end: int) -> str:
    left = max((text.rfind(ch, 0, start) for ch in _STOP + "，,"), default=-1) + 1
    right_candidates = [i for ch in _STOP for i in [text.find(ch, end)] if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    clause = text[left:right]
    return clause if len(clause) <= 80 else text[start:end]


_FILLER = rf"[^{_STOP}，,0-9零〇一二两三四五六七八九十百千万其]"

# 「共受理政府信息公开申请3119件」「共收到70件申请」「接收…各类政府信息公开申请共计81件」
RECEIVED = (
    re.compile(rf"(?:受理|收到|接收|新收)(?!.{{0,2}}结转){_FILLER}{{0,25}}?申请(?:共计|总计|合计|共)?{NUM}{UNIT}"),
    re.compile(rf"(?:共|共计|合计)(?:受理|收到|接收|新收){NUM}{UNIT}{_FILLER}{{0,10}}?申请"),
)
# 「办结69件」「共办结148件」「，答复3050件」「；共办理718件」
CONCLUDED = (
    re.compile(rf"办结{_FILLER}{{0,10}}?{NUM}{UNIT}"),
    re.compile(rf"(?:^|[，,；;。])(?:共|共计|累计|全年)?(?:答复|办理){NUM}{UNIT}"),
)
_NOT_REVIEW = r"[^{stop}，,0-9零〇一二两三四五六七八九十百千万其维持纠正错撤销驳回败诉审结终止诉讼]"
_NOT_LIT = r"[^{stop}，,0-9零〇一二两三四五六七八九十百千万其维持纠正错撤销驳回败诉审结终止复议]"
# 「被申请行政复议0件」「行政复议案件2件」「行政复议36起」
REVIEW = (re.compile(rf"行政复议{_NOT_REVIEW.format(stop=_STOP)}{{0,6}}?{NUM}{UNIT}"),)
# 「提起行政诉讼0件」「行政诉讼案件7件」「涉及的行政诉讼数为0件」
LITIGATION = (re.compile(rf"行政诉讼{_NOT_LIT.format(stop=_STOP)}{{0,6}}?{NUM}{UNIT}"),)


def _decision_patterns(row: str) -> tuple[re.Pattern[str], ...]:
    # 「本年度完成行政许可3件」「作出行政处罚决定78件」; 「行政许可3项」 counts items, not decisions.
    verb = r"(?:作出|完成|办理|办结|实施|受理|审批|决定)"
    return (re.compile(rf"{verb}{row}(?:决定|事项|案件|申请)?(?:共计|共)?{NUM}(?:件|宗|起)"),)


def _text(report: Report, numbers: Iterable[int]) -> str:
    return "\n".join(p.text for p in report.parts if p.number in numbers)


def _mismatch(found: list[Statement], accepted: set[Number]) -> list[Statement]:
    return [s for s in found if s.value not in accepted]


@register(
    "T1-05",
    "warning",
    "正文所述主动公开数量与表一一致",
    "条例第五十条（报告数据应准确一致）",
    "derived",
    needs_text=True,
)
def t1_05(inp: RuleInput) -> Iterator[Finding]:
    report, me = inp.report, rule("T1-05")
    view = resolve_table1(report)
    column = L.T1_COL_DECISIONS_2021 if report.format == "2021" else L.T1_COL_DECISIONS_2019
    text = _text(report, (1, 2))
    for row in (L.T1_ROW_LICENSING, L.T1_ROW_PENALTY, L.T1_ROW_COERCION):
        value = view.value(row, column)
        if value is None:
            continue
        for s in _mismatch(statements(text, _decision_patterns(row)), {value}):
            yield me.finding(
                f"正文「{s.quote}」称{row} {s.value} 件，表一「{row}」行「{column}」为 {fmt(value)}",
                where="正文与表一",
                cells=[view.ref(row, column)],
            )


@register(
    "T2-09",
    "warning",
    "有逾期未缴费申请时第六部分报告收费通知",
    "国办函〔2020〕109号；" + L.NOTICE_2021 + "附件第六部分",
    "derived",
    needs_text=True,
)
def t2_09(inp: RuleInput) -> Iterator[Finding]:
    report, me = inp.report, rule("T2-09")
    count = num(report.t2("other_2", 6)) if "other_2" in report.table2 else None
    part = report.part(6)
    if not count or part is None:
        return
    text = clean(part.text)
    notices = statements(text, (re.compile(rf"收费通知(?:书)?{_FILLER}{{0,6}}?{NUM}(?:份|件|次|个)"),))
    zero = any(s.value == 0 for s in notices)
    if zero or not re.search(r"收费通知|信息处理费", text):
        yield me.finding(
            f"表二「{R['other_2']}」（逾期未缴费不再处理）总计为 {fmt(count)}，但第六部分"
            + ("称发出收费通知 0 份" if zero else "未报告发出的信息处理费收费通知"),
            where="正文第六部分与表二",
            cells=[t2_ref("other_2", 6)],
        )


@register(
    "T2-10", "warning", "正文所述申请数量与表二一致", "条例第五十条（报告数据应准确一致）", "derived", needs_text=True
)
def t2_10(inp: RuleInput) -> Iterator[Finding]:
    report, me = inp.report, rule("T2-10")
    text = _text(report, (1, 3))
    new, carried, total = num(report.t2("new", 6)), num(report.t2("carried_over", 6)), num(report.t2("total", 6))
    if new is not None:
        accepted: set[Number] = {new}
        names = [f"「{R['new']}」为 {fmt(new)}"]
        if carried is not None:
            accepted.add(new + carried)
            names.append(f"加「{R['carried_over']}」为 {fmt(new + carried)}")
        for s in _mismatch(statements(text, RECEIVED), accepted):
            yield me.finding(
                f"正文「{s.quote}」称收到申请 {s.value} 件，表二{'，'.join(names)}",
                where="正文与表二",
                cells=[t2_ref("new", 6), t2_ref("carried_over", 6)],
            )
    if total is not None:
        for s in _mismatch(statements(text, CONCLUDED), {total}):
            yield me.finding(
                f"正文「{s.quote}」称办结 {s.value} 件，表二「{R['total']}」为 {fmt(total)}",
                where="正文与表二",
                cells=[t2_ref("total", 6)],
            )


@register("T3-04", "warning", "正文所述复议、诉讼数量与表三一致", "条例第五十条第三项", "derived", needs_text=True)
def t3_04(inp: RuleInput) -> Iterator[Finding]:
    report, me = inp.report, rule("T3-04")
    if report.table3 is None:
        return
    text = _text(report, (1, 4))
    totals = {key: num(report.t3(total)) for key, _, _, total in T3_GROUP_SLICES}
    review = totals["rev"]
    if review is not None:
        for s in _mismatch(statements(text, REVIEW), {review}):
            yield me.finding(
                f"正文「{s.quote}」称行政复议 {s.value} 件，表三「{L.t3_label(4)}」为 {fmt(review)}",
                where="正文与表三",
                cells=[t3_ref(4)],
            )
    direct, after = totals["lit_direct"], totals["lit_after"]
    if direct is not None and after is not None:
        accepted: set[Number] = {direct + after, direct, after}
        for s in _mismatch(statements(text, LITIGATION), accepted):
            yield me.finding(
                f"正文「{s.quote}」称行政诉讼 {s.value} 件，表三行政诉讼总计为 {fmt(direct + after)}"
                f"（未经复议直接起诉 {fmt(direct)}，复议后起诉 {fmt(after)}）",
                where="正文与表三",
                cells=[t3_ref(9), t3_ref(14)],
            )
