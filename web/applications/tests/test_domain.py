"""The case lifecycle through the domain actions: transitions, deadlines derived from events, extension,
consultations, 补正, fees, withdrawal; the event log is append-only and every action is logged."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from web.accounts.models import ChangeLog
from web.applications import domain
from web.applications.choices import EventKind, Outcome
from web.applications.domain import ConflictError, TransitionError
from web.applications.lifecycle import ABANDONED, AWAITING_CORRECTION, CLOSED, CONSULTING, DECIDED, IN_PROGRESS
from web.applications.models import Application, CaseEvent
from web.applications.tests.domain_fixtures import calendar, make_case  # noqa: F401

D = dt.date
pytestmark = pytest.mark.django_db


def fresh(case: Application) -> Application:
    return Application.objects.get(pk=case.pk)


def test_register_assigns_number_code_and_received_event(agency_a, owner, calendar) -> None:  # noqa: F811
    case = make_case(agency_a, D(2024, 2, 1), actor=owner)
    assert case.tracking_number == f"YSQ2024{agency_a.pk:04d}00001"
    second = make_case(agency_a, D(2024, 2, 2), n=2)
    assert second.tracking_number.endswith("00002")
    assert [e.kind for e in case.events_in_order()] == [EventKind.RECEIVED]
    assert case.state == IN_PROGRESS
    assert case.due_date(calendar) == D(2024, 3, 5)
    log = ChangeLog.objects.get(object_id=str(case.pk), action="received")
    assert "张三" not in log.summary and case.id_number not in log.summary


def test_verification_code_is_hashed(agency_a, calendar) -> None:  # noqa: F811
    case = make_case(agency_a, D(2024, 2, 1))
    case.set_verification_code("ab12cd34")
    assert "AB12CD34" not in case.verification_code_hash
    assert case.check_verification_code("ab12cd34") and case.check_verification_code(" AB12CD34 ")
    assert not case.check_verification_code("AB12CD35")


def test_invalid_id_number_is_rejected(agency_a) -> None:
    case = Application(
        agency=agency_a,
        applicant_type="natural_person",
        applicant_name="张三",
        id_number="110105194912310021",
        description="x",
        channel="in_person",
        submitted_on=D(2024, 1, 2),
    )
    with pytest.raises(ValidationError) as info:
        case.full_clean(exclude=["tracking_number", "received_on"])
    assert "校验位" in str(info.value.message_dict["id_number"])
    org = Application(
        agency=agency_a,
        applicant_type="commercial",
        applicant_name="某公司",
        id_number="11010519491231002X",  # a person's ID is not a credit code
        description="x",
        channel="post_unsigned",
        arrived_on=D(2024, 1, 2),
    )
    with pytest.raises(ValidationError) as info:
        org.full_clean(exclude=["tracking_number", "received_on"])
    assert "id_number" in info.value.message_dict and "confirmed_on" in info.value.message_dict


def test_decide_and_close(agency_a, owner, calendar) -> None:  # noqa: F811
    case = make_case(agency_a, D(2024, 2, 1))
    domain.decide(case, owner, Outcome.GRANTED, "条例第三十六条第（二）项", D(2024, 2, 20))
    assert case.state == DECIDED and case.due_date(calendar) is None
    with pytest.raises(TransitionError, match="只能办结归档"):
        domain.decide(case, owner, Outcome.PARTIAL, "", D(2024, 2, 21))
    domain.close(case, owner, D(2024, 2, 22))
    assert fresh(case).state == CLOSED
    with pytest.raises(TransitionError, match="已办结"):
        domain.withdraw(case, owner, D(2024, 2, 23))


def test_decide_refuses_bad_outcomes_and_dates(agency_a, owner, calendar) -> None:  # noqa: F811
    case = make_case(agency_a, D(2024, 2, 1))
    with pytest.raises(TransitionError, match="未知的办理结果"):
        domain.decide(case, owner, "refused_9", "", D(2024, 2, 5))
    with pytest.raises(TransitionError, match="逾期不补正"):
        domain.decide(case, owner, Outcome.OTHER_1, "", D(2024, 2, 5))
    with pytest.raises(TransitionError, match="须先经过补正"):
        domain.decide(case, owner, Outcome.UNABLE_3, "", D(2024, 2, 5))
    with pytest.raises(TransitionError, match="早于收到申请之日"):
        domain.decide(case, owner, Outcome.GRANTED, "", D(2024, 1, 31))
    with pytest.raises(TransitionError, match="请选择具体情形"):
        domain.decide(case, owner, Outcome.OTHER, "", D(2024, 2, 5))
    old = make_case(agency_a, D(2020, 6, 1), n=2)
    domain.decide(old, owner, Outcome.OTHER, "", D(2020, 6, 5))  # a 2019-format year: （六） is one row
    assert fresh(old).view().outcome == Outcome.OTHER


def test_correction_round_restarts_the_clock(agency_a, owner, calendar) -> None:  # noqa: F811
    case = make_case(agency_a, D(2025, 3, 3))
    with pytest.raises(TransitionError, match="逐项列明"):
        domain.request_correction(case, owner, ["  "], D(2025, 3, 5), calendar=calendar)
    domain.request_correction(case, owner, ["信息名称", "文号"], D(2025, 3, 5), period_days=10, calendar=calendar)
    assert case.state == AWAITING_CORRECTION and case.due_date(calendar) is None
    deadline = case.next_deadline(calendar, D(2025, 3, 6))
    # 10 working days after Wed 2025-03-05: Mar 6, 7, 10–14, 17, 18, 19
    assert deadline is not None and deadline.kind == "correction" and deadline.date == D(2025, 3, 19)
    with pytest.raises(TransitionError, match="没有待补正"):
        domain.receive_correction(make_case(agency_a, D(2025, 3, 3), n=2), owner, D(2025, 3, 6))
    with pytest.raises(TransitionError, match="不能发出补正通知"):
        domain.request_correction(case, owner, ["再补"], D(2025, 3, 6), calendar=calendar)
    domain.receive_correction(case, owner, D(2025, 3, 20))
    assert case.state == IN_PROGRESS
    assert case.due_date(calendar) == D(2025, 4, 18)  # 20 working days from the corrected application
    domain.decide(case, owner, Outcome.UNABLE_3, "条例第三十条", D(2025, 4, 1))
    assert fresh(case).view().outcome == Outcome.UNABLE_3


def test_correction_notice_must_be_within_7_working_days(agency_a, owner, calendar) -> None:  # noqa: F811
    case = make_case(agency_a, D(2025, 4, 30))
    # 7 working days after 2025-04-30 end on 2025-05-14 (May 1–5 off)
    with pytest.raises(TransitionError, match="7 个工作日内（2025-05-14 前）"):
        domain.request_correction(case, owner, ["信息名称"], D(2025, 5, 15), calendar=calendar)
    domain.request_correction(case, owner, ["信息名称"], D(2025, 5, 14), calendar=calendar)


def test_correction_lapse_only_after_the_period(agency_a, owner, calendar) -> None:  # noqa: F811
    case = make_case(agency_a, D(2025, 3, 3))
    domain.request_correction(case, owner, ["信息名称"], D(2025, 3, 5), period_days=10, calendar=calendar)
    with pytest.raises(TransitionError, match="2025-03-19 届满"):
        domain.lapse_correction(case, owner, D(2025, 3, 19), calendar=calendar)
    domain.lapse_correction(case, owner, D(2025, 3, 20), calendar=calendar)
    view = fresh(case).view()
    assert view.state == ABANDONED and view.outcome == Outcome.OTHER_1 and view.concluded_on == D(2025, 3, 20)


def test_third_party_consultation_pauses_the_deadline(agency_a, owner, calendar) -> None:  # noqa: F811
    case = make_case(agency_a, D(2024, 9, 10))
    assert case.due_date(calendar) == D(2024, 10, 14)
    domain.start_third_party_consultation(case, owner, D(2024, 9, 20), party="某公司")
    assert case.state == CONSULTING
    assert case.due_date(calendar) is None  # paused, end unknown
    # provisional: pause counted up to today
    assert case.due_date(calendar, D(2024, 9, 23)) == D(2024, 10, 15)
    consult = case.next_deadline(calendar, D(2024, 9, 23))
    assert consult is not None and consult.kind == "third_party" and consult.date == D(2024, 10, 16)
    with pytest.raises(TransitionError, match="征求意见尚未结束"):
        domain.decide(case, owner, Outcome.GRANTED, "", D(2024, 10, 8))
    with pytest.raises(TransitionError, match="已有同类"):
        domain.start_third_party_consultation(case, owner, D(2024, 9, 23))
    domain.end_third_party_consultation(case, owner, D(2024, 10, 15))
    assert case.due_date(calendar) == D(2024, 11, 1)


def test_agency_consultation_and_extension(agency_a, owner, approver, calendar) -> None:  # noqa: F811
    case = make_case(agency_a, D(2026, 3, 2))
    domain.start_agency_consultation(case, owner, D(2026, 3, 13), party="区财政局")
    domain.end_agency_consultation(case, owner, D(2026, 3, 27))
    assert case.due_date(calendar) == D(2026, 4, 14)
    with pytest.raises(TransitionError, match="负责人同意"):
        domain.approve_extension(case, owner, owner, 10, D(2026, 4, 1), calendar=calendar)
    with pytest.raises(TransitionError, match="1 至 20"):
        domain.approve_extension(case, owner, approver, 21, D(2026, 4, 1), calendar=calendar)
    domain.approve_extension(case, owner, approver, 20, D(2026, 4, 1), calendar=calendar)
    # Apr 15–17 =21..23, Apr 20–24 =24..28, Apr 27–30 =29..32, May 1–5 off, May 6–8 =33..35, Sat May 9 (调休) =36,
    # May 11–14 =37..40
    assert case.due_date(calendar) == D(2026, 5, 14)
    with pytest.raises(TransitionError, match="只能批准一次"):
        domain.approve_extension(case, owner, approver, 1, D(2026, 4, 2), calendar=calendar)
    event = fresh(case).events.get(kind=EventKind.EXTENSION_APPROVED)
    assert event.approver == approver and event.days == 20


def test_extension_after_the_deadline_is_refused(agency_a, owner, approver, calendar) -> None:  # noqa: F811
    case = make_case(agency_a, D(2024, 2, 1))
    with pytest.raises(TransitionError, match="2024-03-05 届满"):
        domain.approve_extension(case, owner, approver, 5, D(2024, 3, 6), calendar=calendar)


def test_fee_notice_paid_and_lapsed(agency_a, owner, calendar) -> None:  # noqa: F811
    # eleven applications by the same person in one month: the 11th costs 100 元 under 按件
    cases = [make_case(agency_a, D(2026, 9, 1 + i), description=f"申请{i}") for i in range(11)]
    eleventh = cases[-1]
    event = domain.notify_fee(eleventh, owner, "per_request", D(2026, 9, 14))
    assert (event.fee_quantity, event.fee_amount) == (11, Decimal(100))
    with pytest.raises(TransitionError, match="无须收费"):
        domain.notify_fee(cases[0], owner, "per_request", D(2026, 9, 14))
    with pytest.raises(TransitionError, match="收费通知尚未处理"):
        domain.decide(eleventh, owner, Outcome.GRANTED, "", D(2026, 9, 20))
    # notice Mon 2026-09-14: Sep 15–18 =1..4, Sun Sep 20 (调休) =5, Sep 21–24 =6..9, Sep 25–27 off (中秋),
    # Sep 28–30 =10..12, Oct 1–7 off, Oct 8–9 =13..14, Sat Oct 10 (调休) =15, Oct 12–16 =16..20
    with pytest.raises(TransitionError, match="2026-10-16 届满"):
        domain.lapse_fee(eleventh, owner, D(2026, 10, 16), calendar=calendar)
    domain.lapse_fee(eleventh, owner, D(2026, 10, 19), calendar=calendar)
    assert fresh(eleventh).view().outcome == Outcome.OTHER_2

    paged = cases[1]
    event = domain.notify_fee(paged, owner, "per_page", D(2026, 9, 24), quantity=150)
    assert event.fee_amount == Decimal(1700)
    # the payment window (Sep 24 → Oct 29) stops the reply clock
    due_before = paged.view()
    assert due_before.fee_due(calendar) == D(2026, 10, 29)
    domain.record_fee_paid(paged, owner, D(2026, 10, 9))
    # received Wed 2026-09-02: Sep 3–4 =1..2, Sep 7–11 =3..7, Sep 14–18 =8..12, Sun Sep 20 (调休) =13,
    # Sep 21–24 =14..17; paused Sep 25 – Oct 9; Sat Oct 10 (调休) =18, Oct 12 =19, Oct 13 =20
    assert paged.due_date(calendar) == D(2026, 10, 13)


def test_fees_did_not_exist_before_2021(agency_a, owner, calendar) -> None:  # noqa: F811
    case = make_case(agency_a, D(2020, 6, 1))
    with pytest.raises(TransitionError, match="2021 年 1 月 1 日起施行"):
        domain.notify_fee(case, owner, "per_page", D(2020, 6, 3), quantity=100)


def test_withdrawal_counts_as_other(agency_a, owner, calendar) -> None:  # noqa: F811
    case = make_case(agency_a, D(2025, 5, 6))
    domain.withdraw(case, owner, D(2025, 5, 8))
    assert fresh(case).view().outcome == Outcome.OTHER_3


def test_stale_version_is_a_conflict(agency_a, owner, colleague, calendar) -> None:  # noqa: F811
    case = make_case(agency_a, D(2024, 2, 1))
    other_copy = fresh(case)
    domain.start_agency_consultation(case, owner, D(2024, 2, 2))
    with pytest.raises(ConflictError, match="该申请已被他人处理，请刷新后重试"):
        domain.decide(other_copy, colleague, Outcome.GRANTED, "", D(2024, 2, 5))


def test_events_are_append_only(agency_a, calendar) -> None:  # noqa: F811
    case = make_case(agency_a, D(2024, 2, 1))
    event = case.events.get()
    event.note = "改"
    with pytest.raises(ValidationError, match="只能追加"):
        event.save()
    with pytest.raises(ValidationError, match="不能删除"):
        event.delete()
    assert CaseEvent.objects.filter(application=case).count() == 1


def test_dashboard_due_within_and_overdue(agency_a, agency_b, owner, calendar) -> None:  # noqa: F811
    today = D(2024, 3, 4)
    due_tomorrow = make_case(agency_a, D(2024, 2, 1), n=1)  # due 2024-03-05
    late = make_case(agency_a, D(2024, 1, 2), n=2)  # due long before today
    decided = make_case(agency_a, D(2024, 1, 3), n=3)
    domain.decide(decided, owner, Outcome.GRANTED, "", D(2024, 1, 10))
    far = make_case(agency_a, D(2024, 3, 1), n=4)
    other_agency = make_case(agency_b, D(2024, 2, 1), n=5)
    qs = Application.objects.visible_to(owner)
    soon = domain.due_within(qs, calendar, today, 3)
    assert [d.case.pk for d in soon] == [due_tomorrow.pk]
    assert soon[0].working_days_left == 1
    over = domain.overdue(qs, calendar, today)
    assert [d.case.pk for d in over] == [late.pk] and over[0].working_days_left < 0
    everything = {d.case.pk for d in domain.deadlines(qs, calendar, today)}
    assert everything == {due_tomorrow.pk, late.pk, far.pk}
    assert other_agency.pk not in everything


def test_open_on_and_visibility(agency_a, agency_b, owner, supervisor, outsider, calendar) -> None:  # noqa: F811
    a = make_case(agency_a, D(2024, 12, 20), n=1)
    b = make_case(agency_b, D(2024, 12, 20), n=2)
    domain.decide(a, owner, Outcome.GRANTED, "", D(2025, 1, 6))
    assert set(Application.objects.open_on(D(2024, 12, 31))) == {a, b}
    assert set(Application.objects.open_on(D(2025, 1, 6))) == {b}
    assert set(Application.objects.visible_to(owner)) == {a}
    assert set(Application.objects.visible_to(outsider)) == {b}
    assert set(Application.objects.visible_to(supervisor)) == {a, b}
    assert a.masked_id_number.startswith("320") and "*" in a.masked_id_number


def test_state_machine_replay_names_the_bad_event() -> None:
    from types import SimpleNamespace

    from web.applications.lifecycle import replay

    ev = [
        SimpleNamespace(kind="received", date=D(2024, 1, 2), outcome="", days=None),
        SimpleNamespace(kind="fee_paid", date=D(2024, 1, 3), outcome="", days=None),
    ]
    with pytest.raises(TransitionError, match="第 2 条办理记录"):
        replay(D(2024, 1, 2), ev)


def test_missing_calendar_year_is_a_transition_error(agency_a, owner) -> None:
    from xxgk.workdays import CalendarYearMissing, WorkdayCalendar

    case = make_case(agency_a, D(2024, 2, 1))
    empty = WorkdayCalendar()
    with pytest.raises(TransitionError, match="2024 年节假日安排尚未录入") as info:
        domain.request_correction(case, owner, ["文号"], D(2024, 2, 2), calendar=empty)
    assert isinstance(info.value, CalendarYearMissing)
    assert CaseEvent.objects.filter(application=case).count() == 1  # nothing recorded
