"""Case-system rules: how concluded applications and lawsuits are counted into tables 2 and 3.

These rules concern the records a case-management system keeps, not a published report (a report only
shows the counts), so `check()` does not run them; the web system calls the functions below with plain
records before it compiles a report:

- T2-07 `check_partial_counting(applications)`: an application decided by 区分处理 counts only under
  （二）部分公开, never also under （三） or elsewhere.
- T2-08 `check_single_count(applications, format_code)`: every concluded application counts in exactly one
  result row of the format and in exactly one applicant column.
- T3-03 `check_litigation_scope(cases)`: only cases arising from this agency's disclosure work count; where the
  复议机关 is a co-defendant, only the original acting agency counts the case (国办公开办函〔2016〕201号).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from xxgk.model import T2_COLUMN_KEYS, Finding, get_format
from xxgk.model import labels as L
from xxgk.rules.cells import t2_row_name
from xxgk.rules.registry import register_records_rule

T2_07 = register_records_rule(
    "T2-07",
    "error",
    "区分处理的申请只计入（二）部分公开",
    "表二「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」；条例第三十七条",
    "official",
)
T2_08 = register_records_rule(
    "T2-08", "error", "每件办结申请只计入一个办理结果和一类申请人", "表二结构（各办理结果互斥）", "derived"
)
T3_03 = register_records_rule(
    "T3-03",
    "error",
    "复议机关作共同被告时只由原行政行为机关统计",
    "国办公开办函〔2016〕201号；条例第五十条第三项",
    "official",
)

APPLICANT_KEYS = T2_COLUMN_KEYS[:-1]  # the six applicant columns; 总计 is not an applicant type


@dataclass(frozen=True, slots=True)
class ConcludedApplication:
    """One concluded application as the case system counts it: the result rows it is put in and the
    applicant column (one of natural_person, commercial, research, public_welfare, legal_service, other_org)."""

    case_id: str
    outcomes: tuple[str, ...]
    applicant: str


@dataclass(frozen=True, slots=True)
class LitigationRecord:
    """A review or lawsuit counted in table 3 by the reporting agency.

    `role` is the reporting agency's role: "original" (the agency whose disclosure act is challenged) or
    "review_body" (the 复议机关). `review_body_co_defendant` marks a lawsuit in which the 复议机关 is sued together
    with the original agency. `from_disclosure_work` is False for cases that do not arise from 政府信息公开 work.
    """

    case_id: str
    kind: Literal["review", "litigation"]
    role: Literal["original", "review_body"] = "original"
    review_body_co_defendant: bool = False
    from_disclosure_work: bool = True


def _case_where(case_id: str) -> str:
    return f"案件 {case_id}"


def check_partial_counting(applications: Iterable[ConcludedApplication]) -> list[Finding]:
    """T2-07: an application with a disclosed and a withheld portion counts only as （二）部分公开."""
    findings = []
    for app in applications:
        outcomes = set(app.outcomes)
        others = sorted(o for o in outcomes if o != "partial")
        if "partial" in outcomes and others:
            findings.append(
                T2_07.finding(
                    f"申请 {app.case_id} 已计入「{t2_row_name('partial')}」，又计入"
                    + "、".join(f"「{t2_row_name(o)}」" for o in others)
                    + "；区分处理的只计部分公开",
                    where=_case_where(app.case_id),
                )
            )
        elif "granted" in outcomes and any(o.startswith(("refused_", "unable_")) for o in outcomes):
            withheld = sorted(o for o in outcomes if o.startswith(("refused_", "unable_")))
            findings.append(
                T2_07.finding(
                    f"申请 {app.case_id} 同时计入「{t2_row_name('granted')}」和"
                    + "、".join(f"「{t2_row_name(o)}」" for o in withheld)
                    + f"；部分公开、部分不公开的属区分处理，应只计入「{t2_row_name('partial')}」",
                    where=_case_where(app.case_id),
                )
            )
    return findings


def check_single_count(applications: Iterable[ConcludedApplication], format_code: str = "2021") -> list[Finding]:
    """T2-08: one result row of the format and one applicant column per concluded application."""
    spec = get_format(format_code)
    leaves = set(spec.result_keys)
    findings = []
    seen: dict[str, int] = {}
    for app in applications:
        seen[app.case_id] = seen.get(app.case_id, 0) + 1
        where = _case_where(app.case_id)
        if len(app.outcomes) != 1:
            rows = "、".join(f"「{t2_row_name(o)}」" for o in app.outcomes) or "无"
            findings.append(
                T2_08.finding(
                    f"申请 {app.case_id} 计入 {len(app.outcomes)} 个办理结果（{rows}），应恰好一个", where=where
                )
            )
        for outcome in app.outcomes:
            if outcome not in leaves:
                label = L.T2_ROW_LABELS.get(outcome, (outcome, ""))[0]
                findings.append(
                    T2_08.finding(
                        f"申请 {app.case_id} 的办理结果「{label}」不是 {spec.code} 年格式表二的办理结果行", where=where
                    )
                )
        if app.applicant not in APPLICANT_KEYS:
            findings.append(
                T2_08.finding(
                    f"申请 {app.case_id} 的申请人类型「{app.applicant}」不是表二的申请人列"
                    f"（{'、'.join(label for _, label in L.T2_COLUMNS[:-1])}之一）",
                    where=where,
                )
            )
    for case_id, count in seen.items():
        if count > 1:
            findings.append(T2_08.finding(f"申请 {case_id} 被统计了 {count} 次", where=_case_where(case_id)))
    return findings


def check_litigation_scope(cases: Iterable[LitigationRecord]) -> list[Finding]:
    """T3-03: count only disclosure cases, and not as 复议机关 co-defendant."""
    findings = []
    for case in cases:
        where = _case_where(case.case_id)
        if not case.from_disclosure_work:
            findings.append(T3_03.finding(f"案件 {case.case_id} 不是因政府信息公开工作引起的，不计入表三", where=where))
        if case.kind == "litigation" and case.role == "review_body" and case.review_body_co_defendant:
            findings.append(
                T3_03.finding(
                    f"案件 {case.case_id} 中本机关是作为共同被告的复议机关，应由原行政行为机关统计，本机关不计入表三",
                    where=where,
                )
            )
    return findings
