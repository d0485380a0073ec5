"""Actions on disclosure-application cases. Each action appends one `CaseEvent`, after checking it against
the state machine (`lifecycle`) on the row locked with `select_for_update` and comparing the caller's
`case.version` with the stored one; each logs via `log_change` (no personal data in the summary).

Views call one of these, catch `TransitionError` (the message says why, in Chinese; `ConflictError` is one:
「该申请已被他人处理，请刷新后重试」) and redirect. Dates are the legal dates of the steps; callers pass them.

Public API (stable):

    register(application, actor, *, today=None) -> str            # new case; returns the plain 查询码
    request_correction(case, actor, items, date, *, period_days=15, calendar=None, document_ref="", note="")
    receive_correction(case, actor, date, ...)
    lapse_correction(case, actor, date, *, calendar=None, ...)     # → （六）1
    start_third_party_consultation(case, actor, date, *, party="", ...)
    end_third_party_consultation(case, actor, date, ...)
    start_agency_consultation(case, actor, date, *, party="", ...)
    end_agency_consultation(case, actor, date, ...)
    approve_extension(case, actor, approver, days, date, ...)     # ≤ 20 working days, once, approver's consent
    notify_fee(case, actor, method, date, *, quantity=None, ...)  # amount computed (xxgk.fees)
    record_fee_paid(case, actor, date, ...)
    lapse_fee(case, actor, date, *, calendar=None, ...)           # → （六）2
    decide(case, actor, outcome, basis, date, ...)                # one table-2 leaf
    close(case, actor, date, ...)
    withdraw(case, actor, date, ...)                               # → （六）3
    due_within(queryset, calendar, today, n) / overdue(queryset, calendar, today)
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction

from web.accounts.models import log_change
from web.accounts.permissions import can_approve
from web.applications.choices import EventKind, Outcome
from web.applications.lifecycle import STATE_LABELS, CaseView, Deadline, TransitionError
from web.applications.models import Application, CaseEvent
from xxgk.fees import FeeMethod, fee_amount, fee_article
from xxgk.workdays import CalendarYearMissing, WorkdayCalendar
from xxgk.workdays.deadlines import CORRECTION_NOTICE

CONFLICT_MESSAGE = "该申请已被他人处理，请刷新后重试"
DEFAULT_CORRECTION_DAYS = 15  # a "reasonable 补正 period" (第三十条 leaves it to the agency)
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I

__all__ = [
    "CONFLICT_MESSAGE",
    "CalendarGap",
    "ConflictError",
    "TransitionError",
    "approve_extension",
    "close",
    "decide",
    "due_within",
    "end_agency_consultation",
    "end_third_party_consultation",
    "lapse_correction",
    "lapse_fee",
    "notify_fee",
    "overdue",
    "receive_correction",
    "record_fee_paid",
    "register",
    "request_correction",
    "start_agency_consultation",
    "start_third_party_consultation",
    "withdraw",
]


class ConflictError(TransitionError):
    """Someone else changed the case since the caller loaded it."""

    def __init__(self, message: str = CONFLICT_MESSAGE) -> None:
        super().__init__(message)


class CalendarGap(CalendarYearMissing, TransitionError):
    """A step needs working days of a year whose holiday arrangement is not entered (caught as either)."""


def _calendar(calendar: WorkdayCalendar | None) -> WorkdayCalendar:
    if calendar is not None:
        return calendar
    from web.calendar.adapter import build_calendar

    return build_calendar()


# --- registration -----------------------------------------------------------------------------------


def new_verification_code(length: int = 8) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def next_tracking_number(application: Application) -> str:
    """YSQ + year of receipt + 4-digit agency id + 5-digit sequence within the agency and year."""
    year = application.received_on.year
    prefix = f"YSQ{year}{application.agency_id:04d}"
    last = (
        Application.objects.filter(tracking_number__startswith=prefix)
        .order_by("-tracking_number")
        .values_list("tracking_number", flat=True)
        .first()
    )
    seq = int(last[len(prefix) :]) + 1 if last else 1
    return f"{prefix}{seq:05d}"


def register(application: Application, actor: Any, *, today: dt.date | None = None) -> str:
    """Save a new (validated, unsaved) application with its tracking number and the `received` event.
    Returns the plain verification code (查询码) to give the applicant; only its hash is stored."""
    if application.pk is not None:
        raise TransitionError("该申请已经登记")
    application.received_on = application.derive_received_on()
    if today is not None and application.received_on > today:
        raise TransitionError(f"收到申请之日 {application.received_on} 晚于今天")
    code = new_verification_code()
    application.set_verification_code(code)
    for attempt in range(5):
        try:
            with transaction.atomic():
                application.tracking_number = next_tracking_number(application)
                application.save()
                CaseEvent.objects.create(
                    application=application,
                    seq=1,
                    kind=EventKind.RECEIVED,
                    date=application.received_on,
                    actor=_user(actor),
                )
                log_change(actor, application.agency, application, "received", "登记政府信息公开申请")
            break
        except IntegrityError:
            application.pk = None
            if attempt == 4:
                raise
    return code


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


# --- the one path every action takes ----------------------------------------------------------------


def _record(
    case: Application,
    actor: Any,
    kind: str,
    date: dt.date,
    *,
    summary: str,
    before: Any = None,
    **fields: Any,
) -> CaseEvent:
    """Lock the case, check the version and the transition, append the event, bump the version, log."""
    with transaction.atomic():
        try:
            locked = Application.objects.select_for_update().get(pk=case.pk)
        except Application.DoesNotExist:
            raise TransitionError("该申请不存在") from None
        if locked.version != case.version:
            raise ConflictError()
        events = list(CaseEvent.objects.filter(application=locked).order_by("date", "seq", "id"))
        view = CaseView.from_events(locked.received_on, events)
        view.check(kind, date, outcome=fields.get("outcome", ""), days=fields.get("days"))
        if before is not None:
            try:
                before(view)
            except CalendarYearMissing as exc:
                raise CalendarGap(exc.year) from exc
        seq = max((e.seq for e in events), default=0) + 1
        event = CaseEvent.objects.create(
            application=locked, seq=seq, kind=kind, date=date, actor=_user(actor), **fields
        )
        locked.version += 1
        Application.objects.filter(pk=locked.pk).update(version=locked.version)
        log_change(actor, case.agency, locked, kind, summary)
    case.version = locked.version
    if hasattr(case, "_prefetched_objects_cache"):
        case._prefetched_objects_cache.pop("events", None)
    return event


# --- 补正 (第三十条) -----------------------------------------------------------------------------------


def request_correction(
    case: Application,
    actor: Any,
    items: Sequence[str],
    date: dt.date,
    *,
    period_days: int = DEFAULT_CORRECTION_DAYS,
    calendar: WorkdayCalendar | None = None,
    document_ref: str = "",
    note: str = "",
) -> CaseEvent:
    """Notify the applicant once, listing every item to correct, within 7 working days of receipt (the first
    round; 第三十条). `period_days` is the 补正 period given, in working days."""
    items = [i.strip() for i in items if i and i.strip()]
    if not items:
        raise TransitionError("请逐项列明需要补正的全部事项")
    if period_days < 1:
        raise TransitionError("补正期限应至少为 1 个工作日")
    cal = _calendar(calendar)

    def within_seven(view: CaseView) -> None:
        if view.corrections == 0:
            last = view.correction_notice_due(cal)
            if date > last:
                raise TransitionError(
                    f"补正通知应在收到申请之日起 {CORRECTION_NOTICE.days} 个工作日内（{last} 前）一次性发出"
                    f"（{CORRECTION_NOTICE.article}）"
                )

    return _record(
        case,
        actor,
        EventKind.CORRECTION_REQUESTED,
        date,
        summary=f"一次性告知补正，共 {len(items)} 项，补正期限 {period_days} 个工作日",
        before=within_seven,
        items=items,
        days=period_days,
        document_ref=document_ref,
        note=note,
    )


def receive_correction(
    case: Application, actor: Any, date: dt.date, *, document_ref: str = "", note: str = ""
) -> CaseEvent:
    """The corrected application arrived: the reply period restarts from `date` (第三十条)."""
    return _record(
        case,
        actor,
        EventKind.CORRECTION_RECEIVED,
        date,
        summary="收到补正材料，答复期限重新计算",
        document_ref=document_ref,
        note=note,
    )


def lapse_correction(
    case: Application,
    actor: Any,
    date: dt.date,
    *,
    calendar: WorkdayCalendar | None = None,
    document_ref: str = "",
    note: str = "",
) -> CaseEvent:
    """No 补正 within the period without good reason: deemed abandoned (表二（六）1)."""
    cal = _calendar(calendar)

    def after_period(view: CaseView) -> None:
        due = view.correction_due(cal)
        if due is not None and date <= due:
            raise TransitionError(f"补正期限至 {due} 届满，届满后方可登记逾期未补正")

    return _record(
        case,
        actor,
        EventKind.CORRECTION_LAPSED,
        date,
        summary="申请人逾期未补正，视为放弃申请",
        before=after_period,
        outcome=Outcome.OTHER_1,
        basis="《政府信息公开条例》第三十条",
        document_ref=document_ref,
        note=note,
    )


# --- consultations (第三十二条, 第三十四条; paused under 第三十三条第三款) -----------------------------------


def start_third_party_consultation(
    case: Application, actor: Any, date: dt.date, *, party: str = "", document_ref: str = "", note: str = ""
) -> CaseEvent:
    """Written consultation of a third party (第三十二条); the reply clock stops until it ends."""
    return _record(
        case,
        actor,
        EventKind.THIRD_PARTY_STARTED,
        date,
        summary="书面征求第三方意见",
        party=party,
        document_ref=document_ref,
        note=note,
    )


def end_third_party_consultation(
    case: Application, actor: Any, date: dt.date, *, document_ref: str = "", note: str = ""
) -> CaseEvent:
    return _record(
        case,
        actor,
        EventKind.THIRD_PARTY_ENDED,
        date,
        summary="第三方意见征询结束",
        document_ref=document_ref,
        note=note,
    )


def start_agency_consultation(
    case: Application, actor: Any, date: dt.date, *, party: str = "", document_ref: str = "", note: str = ""
) -> CaseEvent:
    """Consultation of another agency (e.g. co-producer, 第三十四条); the reply clock stops until it ends."""
    return _record(
        case,
        actor,
        EventKind.AGENCY_STARTED,
        date,
        summary="征求其他机关意见",
        party=party,
        document_ref=document_ref,
        note=note,
    )


def end_agency_consultation(
    case: Application, actor: Any, date: dt.date, *, document_ref: str = "", note: str = ""
) -> CaseEvent:
    return _record(
        case, actor, EventKind.AGENCY_ENDED, date, summary="其他机关意见征询结束", document_ref=document_ref, note=note
    )


# --- extension (第三十三条第二款) ------------------------------------------------------------------------


def approve_extension(
    case: Application,
    actor: Any,
    approver: Any,
    days: int,
    date: dt.date,
    *,
    calendar: WorkdayCalendar | None = None,
    document_ref: str = "",
    note: str = "",
) -> CaseEvent:
    """Extend the reply period by `days` (1–20) working days, once, with the consent of the head of the
    disclosure office (`approver` must be an approver of the case's agency), before the period ends."""
    if approver is None or not can_approve(approver, case.agency_id):
        raise TransitionError("延期答复须经政府信息公开工作机构负责人同意（条例第三十三条第二款）")
    cal = _calendar(calendar)

    def in_time(view: CaseView) -> None:
        due = view.due_date(cal, date)
        if due is not None and date > due:
            raise TransitionError(f"答复期限已于 {due} 届满，不能再延期")

    return _record(
        case,
        actor,
        EventKind.EXTENSION_APPROVED,
        date,
        summary=f"经负责人同意延期答复 {days} 个工作日",
        before=in_time,
        days=days,
        approver=approver,
        basis="《政府信息公开条例》第三十三条第二款",
        document_ref=document_ref,
        note=note,
    )


# --- fees (条例第四十二条, 国办函〔2020〕109号) ---------------------------------------------------------


def notify_fee(
    case: Application,
    actor: Any,
    method: str,
    date: dt.date,
    *,
    quantity: int | None = None,
    document_ref: str = "",
    note: str = "",
) -> CaseEvent:
    """Send a 收费通知. 按件: `quantity` is the request's ordinal in the applicant's natural month (computed
    when not given); 按量: the number of pages (required). The amount follows xxgk.fees; zero is refused
    (nothing to notify)."""
    if method == FeeMethod.PER_REQUEST and quantity is None:
        from web.applications.hints import month_ordinal

        quantity = month_ordinal(case)
    if quantity is None:
        raise TransitionError("按量计收须填写页数")
    try:
        amount: Decimal = fee_amount(method, quantity)
    except ValueError as exc:
        raise TransitionError(str(exc)) from None
    if amount <= 0:
        raise TransitionError("按收费标准本件无须收费（按件：每月前 10 件免费；按量：30 页以内免费）")
    return _record(
        case,
        actor,
        EventKind.FEE_NOTIFIED,
        date,
        summary=f"发出收费通知，金额 {amount} 元",
        fee_method=method,
        fee_quantity=quantity,
        fee_amount=amount,
        basis=fee_article(method),
        document_ref=document_ref,
        note=note,
    )


def record_fee_paid(
    case: Application, actor: Any, date: dt.date, *, document_ref: str = "", note: str = ""
) -> CaseEvent:
    return _record(
        case, actor, EventKind.FEE_PAID, date, summary="申请人已缴纳信息处理费", document_ref=document_ref, note=note
    )


def lapse_fee(
    case: Application,
    actor: Any,
    date: dt.date,
    *,
    calendar: WorkdayCalendar | None = None,
    document_ref: str = "",
    note: str = "",
) -> CaseEvent:
    """Not paid within 20 working days of the notice: deemed abandoned (表二（六）2)."""
    cal = _calendar(calendar)

    def after_window(view: CaseView) -> None:
        due = view.fee_due(cal)
        if due is not None and date <= due:
            raise TransitionError(f"缴费期限至 {due} 届满，届满后方可登记逾期未缴费")

    return _record(
        case,
        actor,
        EventKind.FEE_LAPSED,
        date,
        summary="申请人逾期未缴纳信息处理费，视为放弃申请",
        before=after_window,
        outcome=Outcome.OTHER_2,
        basis="《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
        document_ref=document_ref,
        note=note,
    )


# --- decision, closing, withdrawal ------------------------------------------------------------------


def decide(
    case: Application,
    actor: Any,
    outcome: str,
    basis: str,
    date: dt.date,
    *,
    document_ref: str = "",
    note: str = "",
) -> CaseEvent:
    """Reply to the applicant with exactly one table-2 outcome leaf and its legal basis (e.g. 条例第三十六条
    第（二）项). Two handlers deciding at once: one wins, the other gets ConflictError."""
    if outcome not in Outcome.values:
        raise TransitionError(f"未知的办理结果「{outcome}」")
    label = Outcome(outcome).label
    return _record(
        case,
        actor,
        EventKind.DECIDED,
        date,
        summary=f"作出答复：{label}",
        outcome=outcome,
        basis=basis.strip(),
        document_ref=document_ref,
        note=note,
    )


def close(case: Application, actor: Any, date: dt.date, *, document_ref: str = "", note: str = "") -> CaseEvent:
    return _record(case, actor, EventKind.CLOSED, date, summary="办结归档", document_ref=document_ref, note=note)


def withdraw(case: Application, actor: Any, date: dt.date, *, document_ref: str = "", note: str = "") -> CaseEvent:
    """The applicant withdraws the application (表二（六）3 其他)."""
    return _record(
        case,
        actor,
        EventKind.WITHDRAWN,
        date,
        summary="申请人撤回申请",
        outcome=Outcome.OTHER_3,
        document_ref=document_ref,
        note=note,
    )


# --- dashboard --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DueCase:
    case: Application
    deadline: Deadline
    working_days_left: int  # negative: overdue by that many working days

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.case.view().state]


def _deadlines(cases: Iterable[Application], calendar: WorkdayCalendar, today: dt.date) -> list[DueCase]:
    out = []
    for case in cases:
        deadline = case.next_deadline(calendar, today)
        if deadline is not None:
            out.append(DueCase(case, deadline, deadline.working_days_left(calendar, today)))
    out.sort(key=lambda d: (d.deadline.date, d.case.pk))
    return out


def _open_cases(queryset: Any, today: dt.date) -> Any:
    return queryset.open_on(today).select_related("agency", "handler").prefetch_related("events")


def due_within(queryset: Any, calendar: WorkdayCalendar, today: dt.date, n: int) -> list[DueCase]:
    """Open cases whose current deadline falls within the next `n` working days (today included, not overdue)."""
    return [d for d in _deadlines(_open_cases(queryset, today), calendar, today) if 0 <= d.working_days_left <= n]


def overdue(queryset: Any, calendar: WorkdayCalendar, today: dt.date) -> list[DueCase]:
    """Open cases whose current deadline has passed."""
    return [d for d in _deadlines(_open_cases(queryset, today), calendar, today) if d.deadline.date < today]


def deadlines(queryset: Any, calendar: WorkdayCalendar, today: dt.date) -> list[DueCase]:
    """Every open case with its current deadline, soonest first."""
    return _deadlines(_open_cases(queryset, today), calendar, today)
