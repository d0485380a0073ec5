"""The letters a case can produce now, and their finished text: the legal content comes from
`letterdata` (title, cited article, standard sentence, remedies), the facts from the case's events.

Letters to a third party (第三方意见征询函) never contain the applicant's identity.
"""

from __future__ import annotations

from typing import Any

from web.applications.choices import EventKind, FeeMethodChoice
from web.applications.letterdata import LETTER_KINDS, letter_spec, remedies_text
from web.applications.letters import LetterContent, cn_date
from web.applications.models import Application, CaseEvent
from xxgk.workdays import WorkdayCalendar

LETTER_ORDER = ("reply", "correction", "extension", "third_party", "fee")
_EVENT_OF = {
    "correction": EventKind.CORRECTION_REQUESTED,
    "extension": EventKind.EXTENSION_APPROVED,
    "third_party": EventKind.THIRD_PARTY_STARTED,
    "fee": EventKind.FEE_NOTIFIED,
}
_CONCLUDING_WITH_LETTER = (
    EventKind.DECIDED,
    EventKind.CORRECTION_LAPSED,
    EventKind.FEE_LAPSED,
    EventKind.WITHDRAWN,
)


def _last(case: Application, kinds: tuple[str, ...] | str) -> CaseEvent | None:
    wanted = (kinds,) if isinstance(kinds, str) else kinds
    found = [e for e in case.events_in_order() if e.kind in wanted]
    return found[-1] if found else None


def letter_event(case: Application, kind: str) -> CaseEvent | None:
    """The event a letter of `kind` reports, or None when the case has none (the letter is not available)."""
    if kind == "reply":
        return _last(case, _CONCLUDING_WITH_LETTER)
    return _last(case, _EVENT_OF[kind]) if kind in _EVENT_OF else None


def available_letters(case: Application) -> list[tuple[str, str]]:
    """(kind, title) of every letter the case can produce, in a fixed order."""
    return [(k, LETTER_KINDS[k]) for k in LETTER_ORDER if letter_event(case, k) is not None]


def _intro(case: Application) -> str:
    return (
        f"本机关于{cn_date(case.received_on)}收到您提出的政府信息公开申请（受理编号：{case.tracking_number}），"
        f"申请获取“{case.description.strip()}”。"
    )


def _contact(case: Application) -> str:
    a = case.agency
    parts = [
        f"联系机构：{a.office_name}" if a.office_name else "",
        f"地址：{a.office_address}" if a.office_address else "",
        f"电话：{a.office_phone}" if a.office_phone else "",
    ]
    return "　".join(p for p in parts if p)


def build_letter(case: Application, kind: str, calendar: WorkdayCalendar | None = None) -> LetterContent:
    """The finished letter. `kind` must be one of `available_letters(case)` (ValueError otherwise)."""
    event = letter_event(case, kind)
    if event is None:
        raise ValueError(f"该申请没有可以生成“{LETTER_KINDS.get(kind, kind)}”的办理记录")
    spec = letter_spec(kind, event.outcome or None) if kind == "reply" else letter_spec(kind)
    addressee = case.applicant_name
    paragraphs: list[str] = []
    items: tuple[str, ...] = ()
    text = spec.text
    if kind == "reply":
        paragraphs = [_intro(case), text]
        if event.note:
            paragraphs.append(event.note)
        basis = f"依据{event.basis or spec.article}，特此答复。"
    elif kind == "correction":
        period = f"请于收到本通知之日起{event.days}个工作日内补正。" if event.days else ""
        paragraphs = [_intro(case), text + period]
        items = tuple(event.items or ())
        basis = f"依据{spec.article}，特此告知。"
    elif kind == "extension":
        due = _extended_due(case, calendar)
        paragraphs = [_intro(case), text.format(days=event.days or "", due=cn_date(due) if due else "延长后的期限届满")]
        basis = f"依据{spec.article}，特此告知。"
    elif kind == "third_party":
        addressee = event.party or "第三方"
        paragraphs = [
            f"本机关于{cn_date(case.received_on)}收到一件政府信息公开申请（受理编号：{case.tracking_number}），"
            f"所涉信息为“{case.description.strip()}”。",
            text,
        ]
        basis = f"依据{spec.article}，特此函询。"
    else:  # fee
        method = FeeMethodChoice(event.fee_method).label if event.fee_method else ""
        quantity = ""
        if event.fee_quantity:
            quantity = (
                f"；本申请为您本月第{event.fee_quantity}件申请"
                if event.fee_method == FeeMethodChoice.PER_REQUEST
                else f"；所需信息共{event.fee_quantity}页"
            )
        paragraphs = [_intro(case), text.format(amount=event.fee_amount, method=method + quantity)]
        basis = f"依据{event.basis or spec.article}，特此通知。"
    return LetterContent(
        title=spec.title,
        agency_name=case.agency.name,
        doc_number=event.document_ref,
        addressee=addressee,
        paragraphs=tuple(paragraphs),
        items=items,
        basis=basis,
        # Every letter to the applicant names the remedies (复议 60 days, 诉讼 6 months); the third party's
        # consultation letter starts no remedy period.
        remedies=spec.remedies or ("" if kind == "third_party" else remedies_text()),
        date=event.date,
        contact=_contact(case),
    )


def _extended_due(case: Application, calendar: WorkdayCalendar | None) -> Any:
    if calendar is None:
        return None
    try:
        return case.view().due_date(calendar, event_date_today(case))
    except Exception:  # a missing calendar year must not stop the letter; the text then omits the date
        return None


def event_date_today(case: Application) -> Any:
    events = case.events_in_order()
    return events[-1].date if events else case.received_on
