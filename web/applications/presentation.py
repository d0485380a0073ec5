"""What the case pages show about a case, computed once per request: the current deadline with its colour,
the applicant's details (masked for people outside the handling agency), the event timeline, and the
calendar reasoning behind the reply deadline, in words a clerk can check by hand.

Nothing here decides anything: state and deadlines come from `Application.view()` (the lifecycle), access
from `web.accounts.permissions`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from web.applications import privacy
from web.applications.choices import ApplicantType, EventKind, Outcome, ReceiptChannel
from web.applications.lifecycle import (
    AWAITING_CORRECTION,
    CONCLUDED_STATES,
    STATE_LABELS,
    CaseView,
    Deadline,
)
from web.applications.models import Application
from xxgk.workdays import CalendarYearMissing, WorkdayCalendar
from xxgk.workdays.calendar import Pause
from xxgk.workdays.deadlines import PAUSE_ARTICLE, REPLY
from xxgk.workdays.receipt import RECEIPT_RULES

SOON_WORKING_DAYS = 5  # "due soon" on the dashboard and in the list filter
WARN_WORKING_DAYS = 3  # amber badge from here on


def outcome_label(code: str) -> str:
    return Outcome(code).label if code in Outcome.values else ""


def user_name(user: Any) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.username


@dataclass
class CaseRow:
    """One case in a table: enough for the dashboard, the list and the exports."""

    case: Application
    view: CaseView
    deadline: Deadline | None
    left: int | None  # working days left; negative when overdue
    masked: bool
    calendar_error: str = ""

    @property
    def agency_name(self) -> str:
        return self.case.agency.name

    @property
    def state(self) -> str:
        return STATE_LABELS[self.view.state]

    @property
    def outcome(self) -> str:
        return outcome_label(self.view.outcome)

    @property
    def received(self) -> dt.date:
        return self.case.received_on

    @property
    def due(self) -> dt.date | None:
        return self.deadline.date if self.deadline else None

    @property
    def applicant(self) -> str:
        name = self.case.applicant_name
        if self.masked and self.case.applicant_type == ApplicantType.NATURAL_PERSON:
            return privacy.mask_name(name)
        return name

    @property
    def applicant_type(self) -> str:
        return self.case.get_applicant_type_display()

    @property
    def masked_id(self) -> str:
        return privacy.mask_id(self.case.id_number)

    @property
    def description(self) -> str:
        return self.case.description

    @property
    def due_status(self) -> str:
        """overdue | soon | ok | paused | done — the list's "due status" filter values."""
        if self.view.state in CONCLUDED_STATES:
            return "done"
        if self.left is None:
            return "paused"
        if self.left < 0:
            return "overdue"
        return "soon" if self.left <= SOON_WORKING_DAYS else "ok"

    @property
    def badge(self) -> str:
        if self.left is None:
            return "muted"
        if self.left < 0:
            return "err"
        return "warn" if self.left <= WARN_WORKING_DAYS else "ok"

    @property
    def due_text(self) -> str:
        if self.calendar_error:
            return "日历缺失"
        if self.view.state in CONCLUDED_STATES:
            return STATE_LABELS[self.view.state]
        if self.deadline is None:
            return "期限暂停"
        what = "" if self.deadline.kind == "reply" else f"{self.deadline.label}："
        if self.left is None:
            return what + "—"
        if self.left < 0:
            return f"{what}超期{-self.left}个工作日"
        if self.left == 0:
            return f"{what}今天到期"
        return f"{what}剩{self.left}个工作日"


def case_row(case: Application, calendar: WorkdayCalendar, today: dt.date, *, masked: bool) -> CaseRow:
    view = case.view()
    try:
        deadline = view.next_deadline(calendar, today)
        left = deadline.working_days_left(calendar, today) if deadline else None
    except CalendarYearMissing as exc:
        return CaseRow(case, view, None, None, masked, calendar_error=str(exc))
    return CaseRow(case, view, deadline, left, masked)


# --- detail page -------------------------------------------------------------------------------------


def applicant_facts(case: Application, *, masked: bool) -> dict[str, str]:
    person = case.applicant_type == ApplicantType.NATURAL_PERSON
    facts = {
        "type": case.get_applicant_type_display(),
        "name": privacy.mask_name(case.applicant_name) if (masked and person) else case.applicant_name,
        "id_label": "公民身份号码" if person else "统一社会信用代码",
        "id_number": privacy.mask_id(case.id_number) if masked else case.id_number,
        "phone": privacy.mask_phone(case.phone) if masked else case.phone,
        "email": privacy.mask_email(case.email) if masked else case.email,
        "address": privacy.mask_text(case.address) if masked else case.address,
    }
    if case.legal_representative and not masked:
        facts["name"] += f"（法定代表人/负责人：{case.legal_representative}）"
    return facts


@dataclass(frozen=True)
class TimelineEntry:
    on: dt.date
    label: str
    actor: str
    note: str


def timeline(case: Application) -> list[TimelineEntry]:
    out = []
    for e in case.events_in_order():
        parts = []
        if e.items:
            parts.append("补正事项：" + "；".join(f"{i}. {t}" for i, t in enumerate(e.items, start=1)))
        if e.days and e.kind == EventKind.CORRECTION_REQUESTED:
            parts.append(f"补正期限 {e.days} 个工作日")
        if e.days and e.kind == EventKind.EXTENSION_APPROVED:
            parts.append(f"延长 {e.days} 个工作日，批准人：{user_name(e.approver)}")
        if e.party:
            parts.append(f"征求意见对象：{e.party}")
        if e.fee_amount is not None:
            parts.append(f"{e.get_fee_method_display()}，金额 {e.fee_amount} 元")
        if e.outcome:
            parts.append(f"办理结果：{outcome_label(e.outcome)}")
        if e.basis:
            parts.append(f"依据：{e.basis}")
        if e.document_ref:
            parts.append(f"文书编号：{e.document_ref}")
        if e.note:
            parts.append(e.note)
        out.append(TimelineEntry(e.date, e.get_kind_display(), user_name(e.actor), "\n".join(parts)))
    return out


def _fmt(day: dt.date) -> str:
    return day.isoformat()


def reasoning(case: Application, calendar: WorkdayCalendar, today: dt.date) -> list[str]:
    """The reply deadline step by step, e.g.
    收到申请 2025-03-03 → 第 20 个工作日 2025-03-31；第三方征询暂停 5 个工作日 → 2025-04-08."""
    view = case.view()
    rule = RECEIPT_RULES.get(case.channel, ("", ""))[1]
    lines = [f"收到申请 {_fmt(case.received_on)}（{ReceiptChannel(case.channel).label}：{rule}）"]
    if view.corrections:
        if view.correction_requested_on:
            lines.append(f"{_fmt(view.correction_requested_on)} 一次性告知补正，答复期限停止计算（条例第三十条）")
        if view.state == AWAITING_CORRECTION:
            due = view.correction_due(calendar)
            if due:
                lines.append(f"申请人补正期限 {view.correction_days} 个工作日 → {_fmt(due)}")
            lines.append("收到补正后，答复期限自收到补正之日起重新计算")
            return lines
        if view.clock_start and view.clock_start != case.received_on:
            lines.append(f"收到补正 {_fmt(view.clock_start)}，答复期限自此重新起算（条例第三十条）")
    concluded = view.concluded_on if view.state in CONCLUDED_STATES else None
    if concluded:
        today = concluded  # open pauses of a concluded case end with it
    start = view.clock_start or case.received_on
    base = calendar.add_working_days(start, REPLY.days)
    lines.append(f"自 {_fmt(start)} 次日起第 {REPLY.days} 个工作日 → {_fmt(base)}（{REPLY.article}）")
    current = base
    pauses: list[Pause] = []
    open_any = False
    for label, group in (("第三方征询", view.third_party), ("其他机关征询", view.agency), ("等待缴费", view.fee)):
        for p in group:
            end = p.end or max(today, p.start)
            open_any = open_any or p.end is None
            n = calendar.working_days_between(p.start, end)
            pauses.append(Pause(p.start, end))
            current = calendar.add_working_days(start, REPLY.days, paused=pauses)
            until = _fmt(p.end) if p.end else f"今天（{_fmt(today)}，尚未结束）"
            lines.append(f"{label} {_fmt(p.start)} 至 {until} 暂停 {n} 个工作日（{PAUSE_ARTICLE}） → {_fmt(current)}")
    if view.extension_days:
        current = calendar.add_working_days(start, REPLY.days + view.extension_days, paused=pauses)
        on = _fmt(view.extended_on) if view.extended_on else ""
        lines.append(f"{on} 经负责人同意延期 {view.extension_days} 个工作日（条例第三十三条第二款） → {_fmt(current)}")
    if concluded:
        timely = (
            "在答复期限内"
            if concluded <= current
            else f"超过答复期限 {calendar.working_days_between(current, concluded)} 个工作日"
        )
        lines.append(f"答复期限：{_fmt(current)}；{_fmt(concluded)} {STATE_LABELS[view.state]}，{timely}")
    else:
        suffix = "（征询或缴费尚未结束，按今天计算，为暂定日期）" if open_any else ""
        lines.append(f"答复期限：{_fmt(current)}{suffix}")
    return lines


def summary_line(lines: list[str]) -> str:
    return "；".join(lines)
