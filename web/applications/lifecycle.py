"""The case state machine and the deadlines, derived from the event log (spec §E.3–§E.5, §E.9).

Pure Python over event-like objects (anything with `kind`, `date`, `outcome`, `days`): the models, the
domain actions and the tests share it. States:

- `in_progress` — received (or 补正 received), reply clock running;
- `awaiting_correction` — 补正 notice sent, clock stopped until the corrected application arrives
  (the reply period restarts from that day, 第三十条);
- `consulting` — a third-party (第三十二条) or other-agency (第三十四条) consultation is open: clock paused
  (第三十三条第三款);
- `awaiting_fee` — fee notice sent, waiting for payment (20 working days, 国办函〔2020〕109号);
- `decided` — replied; `closed` — archived after the reply;
- `abandoned` — deemed abandoned (no 补正 / no payment in time); `withdrawn` — withdrawn by the applicant.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Protocol

from xxgk.workdays import WorkdayCalendar
from xxgk.workdays.calendar import Pause
from xxgk.workdays.deadlines import CO_PRODUCER, CORRECTION_NOTICE, FEE_PAYMENT, PAUSE_ARTICLE, REPLY, THIRD_PARTY

# Whether the fee-payment window stops the reply clock is not settled nationally (spec §E.7 [U]); the
# provincial rules we follow say it does.
FEE_WINDOW_PAUSES: Final = True

IN_PROGRESS: Final = "in_progress"
AWAITING_CORRECTION: Final = "awaiting_correction"
CONSULTING: Final = "consulting"
AWAITING_FEE: Final = "awaiting_fee"
DECIDED: Final = "decided"
CLOSED: Final = "closed"
ABANDONED: Final = "abandoned"
WITHDRAWN: Final = "withdrawn"

STATE_LABELS: Final[dict[str, str]] = {
    IN_PROGRESS: "办理中",
    AWAITING_CORRECTION: "待补正",
    CONSULTING: "征求意见中",
    AWAITING_FEE: "待缴费",
    DECIDED: "已答复",
    CLOSED: "已办结",
    ABANDONED: "视为放弃",
    WITHDRAWN: "已撤回",
}
CONCLUDED_STATES: Final = frozenset({DECIDED, CLOSED, ABANDONED, WITHDRAWN})

CONCLUDING: Final = frozenset({"decided", "correction_lapsed", "fee_lapsed", "withdrawn"})


class EventLike(Protocol):
    kind: str
    date: dt.date
    outcome: str
    days: int | None


class TransitionError(ValueError):
    """An action that the case's history does not allow; the message says why, in Chinese."""


@dataclass(frozen=True, slots=True)
class Deadline:
    date: dt.date
    kind: str  # reply | correction | third_party | agency | fee_payment | correction_notice
    label: str
    article: str

    def working_days_left(self, calendar: WorkdayCalendar, today: dt.date) -> int:
        """Working days from tomorrow up to the deadline (0 = due today); negative when overdue."""
        if self.date >= today:
            return calendar.working_days_between(today, self.date)
        return -calendar.working_days_between(self.date, today)


@dataclass
class CaseView:
    received_on: dt.date
    state: str = IN_PROGRESS
    clock_start: dt.date | None = None  # receipt, or receipt of the last 补正
    corrections: int = 0
    correction_requested_on: dt.date | None = None
    correction_days: int | None = None  # the period given to the applicant
    third_party: list[Pause] = field(default_factory=list)
    agency: list[Pause] = field(default_factory=list)
    fee: list[Pause] = field(default_factory=list)
    open_consultations: set[str] = field(default_factory=set)
    extension_days: int = 0
    extended_on: dt.date | None = None
    fee_notified_on: dt.date | None = None
    fee_paid: bool = False
    concluded_on: dt.date | None = None
    outcome: str = ""
    last_date: dt.date | None = None

    @classmethod
    def from_events(cls, received_on: dt.date, events: Iterable[Any]) -> CaseView:
        """Fold stored events (already checked when they were recorded) into a view."""
        view = cls(received_on=received_on, clock_start=received_on)
        for event in events:
            view.apply(event.kind, event.date, outcome=event.outcome, days=event.days)
        return view

    # --- validation + application of one event ------------------------------------------------------

    def check(self, kind: str, date: dt.date, *, outcome: str = "", days: int | None = None) -> None:
        """Raise TransitionError if `kind` on `date` may not follow the history so far."""
        s = self.state
        if date < self.received_on:
            raise TransitionError(f"日期 {date} 早于收到申请之日 {self.received_on}")
        if self.last_date is not None and date < self.last_date and kind != "received":
            raise TransitionError(f"日期 {date} 早于上一办理事项的日期 {self.last_date}")
        if s in (ABANDONED, WITHDRAWN, CLOSED):
            raise TransitionError(f"该申请已{STATE_LABELS[s]}，不能再办理")
        if kind == "received":
            if self.last_date is not None:
                raise TransitionError("收到申请只能登记一次")
            return
        if s == DECIDED and kind != "closed":
            raise TransitionError("该申请已作出答复，只能办结归档")
        match kind:
            case "correction_requested":
                if s != IN_PROGRESS:
                    raise TransitionError(f"当前状态为“{STATE_LABELS[s]}”，不能发出补正通知")
            case "correction_received" | "correction_lapsed":
                if s != AWAITING_CORRECTION:
                    raise TransitionError("该申请没有待补正的通知")
            case "third_party_consultation_started" | "agency_consultation_started":
                which = kind.split("_consultation")[0]
                if s not in (IN_PROGRESS, CONSULTING):
                    raise TransitionError(f"当前状态为“{STATE_LABELS[s]}”，不能征求意见")
                if which in self.open_consultations:
                    raise TransitionError("已有同类征求意见尚未结束")
            case "third_party_consultation_ended" | "agency_consultation_ended":
                which = kind.split("_consultation")[0]
                if which not in self.open_consultations:
                    raise TransitionError("没有进行中的同类征求意见")
            case "extension_approved":
                if self.extended_on is not None:
                    raise TransitionError("延期答复只能批准一次（条例第三十三条第二款）")
                if s not in (IN_PROGRESS, CONSULTING, AWAITING_FEE):
                    raise TransitionError(f"当前状态为“{STATE_LABELS[s]}”，不能延期")
                if days is None or not 1 <= days <= 20:
                    raise TransitionError(f"延长期限应为 1 至 20 个工作日（条例第三十三条第二款），实际为 {days}")
            case "fee_notified":
                if s != IN_PROGRESS:
                    raise TransitionError(f"当前状态为“{STATE_LABELS[s]}”，不能发出收费通知")
                if self.fee_notified_on is not None:
                    raise TransitionError("该申请已发出过收费通知")
                if date < dt.date(2021, 1, 1):
                    raise TransitionError("信息处理费自 2021 年 1 月 1 日起施行（国办函〔2020〕109号），此前不能收费")
            case "fee_paid" | "fee_lapsed":
                if s != AWAITING_FEE:
                    raise TransitionError("该申请没有待缴的信息处理费")
            case "decided":
                if s == AWAITING_CORRECTION:
                    raise TransitionError("申请人尚未补正：请登记收到补正或逾期未补正")
                if s == CONSULTING:
                    raise TransitionError("征求意见尚未结束，请先登记意见征询结束")
                if s == AWAITING_FEE:
                    raise TransitionError("收费通知尚未处理：请登记已缴费或逾期未缴费")
                if not outcome:
                    raise TransitionError("请选择办理结果")
                if outcome in ("other_1", "other_2"):
                    raise TransitionError("逾期不补正、逾期不缴费由相应办理事项登记，不能直接选择")
                if outcome == "unable_3" and not self.corrections:
                    raise TransitionError("“补正后申请内容仍不明确”须先经过补正")
                if outcome == "other" and date.year >= 2021:
                    raise TransitionError("2021 年起（六）其他处理分为三项，请选择具体情形")
            case "closed":
                if s != DECIDED:
                    raise TransitionError("只有已作出答复的申请才能办结归档")
            case "withdrawn":
                pass
            case _:
                raise TransitionError(f"未知的办理事项「{kind}」")

    def apply(self, kind: str, date: dt.date, *, outcome: str = "", days: int | None = None) -> None:
        """Fold one (already valid) event into the view."""
        self.last_date = date if self.last_date is None else max(self.last_date, date)
        match kind:
            case "received":
                self.state = IN_PROGRESS
            case "correction_requested":
                self.state = AWAITING_CORRECTION
                self.corrections += 1
                self.correction_requested_on = date
                self.correction_days = days
            case "correction_received":
                self.state = IN_PROGRESS
                self.clock_start = date
                # pauses before the restart no longer matter for the new period
                self.third_party, self.agency, self.fee = [], [], []
            case "third_party_consultation_started":
                self.third_party.append(Pause(date))
                self.open_consultations.add("third_party")
                self.state = CONSULTING
            case "agency_consultation_started":
                self.agency.append(Pause(date))
                self.open_consultations.add("agency")
                self.state = CONSULTING
            case "third_party_consultation_ended" | "agency_consultation_ended":
                which = "third_party" if kind.startswith("third") else "agency"
                pauses = self.third_party if which == "third_party" else self.agency
                pauses[-1] = Pause(pauses[-1].start, date)
                self.open_consultations.discard(which)
                self.state = CONSULTING if self.open_consultations else IN_PROGRESS
            case "extension_approved":
                self.extension_days = days or 0
                self.extended_on = date
            case "fee_notified":
                self.fee_notified_on = date
                self.state = AWAITING_FEE
                if FEE_WINDOW_PAUSES:
                    self.fee.append(Pause(date))
            case "fee_paid":
                self.fee_paid = True
                self.state = IN_PROGRESS
                if self.fee and self.fee[-1].end is None:
                    self.fee[-1] = Pause(self.fee[-1].start, date)
            case "correction_lapsed" | "fee_lapsed":
                self.state = ABANDONED
                self.concluded_on = date
                self.outcome = "other_1" if kind == "correction_lapsed" else "other_2"
            case "withdrawn":
                self.state = WITHDRAWN
                self.concluded_on = date
                self.outcome = "other_3"
            case "decided":
                self.state = DECIDED
                self.concluded_on = date
                self.outcome = outcome
            case "closed":
                self.state = CLOSED

    # --- deadlines ---------------------------------------------------------------------------------

    @property
    def concluded(self) -> bool:
        return self.state in CONCLUDED_STATES

    def pauses(self, today: dt.date | None = None) -> list[Pause]:
        """All pauses of the current period; open ones closed at `today` when given."""
        out = []
        for p in (*self.third_party, *self.agency, *self.fee):
            if p.end is None and today is not None:
                p = Pause(p.start, max(today, p.start))
            out.append(p)
        return out

    def due_date(self, calendar: WorkdayCalendar, today: dt.date | None = None) -> dt.date | None:
        if self.concluded or self.state == AWAITING_CORRECTION or self.clock_start is None:
            return None
        pauses = self.pauses(today)
        if any(p.end is None for p in pauses):
            return None
        return calendar.add_working_days(self.clock_start, REPLY.days + self.extension_days, paused=pauses)

    def correction_due(self, calendar: WorkdayCalendar) -> dt.date | None:
        """The last day of the 补正 period given to the applicant (None if none is running)."""
        if self.state != AWAITING_CORRECTION or self.correction_requested_on is None or not self.correction_days:
            return None
        return calendar.add_working_days(self.correction_requested_on, self.correction_days)

    def correction_notice_due(self, calendar: WorkdayCalendar) -> dt.date:
        """The last day to send the 补正 notice: 7 working days after receipt (第三十条)."""
        return calendar.add_working_days(self.received_on, CORRECTION_NOTICE.days)

    def fee_due(self, calendar: WorkdayCalendar) -> dt.date | None:
        if self.state != AWAITING_FEE or self.fee_notified_on is None:
            return None
        return calendar.add_working_days(self.fee_notified_on, FEE_PAYMENT.days)

    def consultation_due(self, calendar: WorkdayCalendar) -> Deadline | None:
        """The third party's (第三十二条) or co-producer's (第三十四条) 15 working days to answer."""
        found: list[Deadline] = []
        if "third_party" in self.open_consultations:
            start = self.third_party[-1].start
            found.append(
                Deadline(
                    calendar.add_working_days(start, THIRD_PARTY.days),
                    "third_party",
                    THIRD_PARTY.label,
                    THIRD_PARTY.article,
                )
            )
        if "agency" in self.open_consultations:
            start = self.agency[-1].start
            found.append(
                Deadline(
                    calendar.add_working_days(start, CO_PRODUCER.days),
                    "agency",
                    "其他机关提出意见期限",
                    CO_PRODUCER.article,
                )
            )
        return min(found, key=lambda d: d.date) if found else None

    def next_deadline(self, calendar: WorkdayCalendar, today: dt.date) -> Deadline | None:
        if self.concluded:
            return None
        if self.state == AWAITING_CORRECTION:
            due = self.correction_due(calendar)
            return Deadline(due, "correction", "申请人补正期限", "《政府信息公开条例》第三十条") if due else None
        if self.state == AWAITING_FEE:
            due = self.fee_due(calendar)
            return Deadline(due, "fee_payment", FEE_PAYMENT.label, FEE_PAYMENT.article) if due else None
        if self.state == CONSULTING:
            return self.consultation_due(calendar)
        due = self.due_date(calendar, today)
        if due is None:
            return None
        label = REPLY.label if not self.extension_days else f"答复期限（已延长 {self.extension_days} 个工作日）"
        return Deadline(due, "reply", label, REPLY.article)

    def reply_pause_article(self) -> str:
        return PAUSE_ARTICLE


def replay(received_on: dt.date, events: Sequence[Any]) -> CaseView:
    """Check every event in order against the state machine; TransitionError names the first bad one."""
    view = CaseView(received_on=received_on, clock_start=received_on)
    for i, event in enumerate(events, start=1):
        try:
            view.check(event.kind, event.date, outcome=event.outcome, days=event.days)
        except TransitionError as exc:
            raise TransitionError(f"第 {i} 条办理记录（{event.date}）：{exc}") from None
        view.apply(event.kind, event.date, outcome=event.outcome, days=event.days)
    return view
