"""The state machine on random histories (no database): whatever order clerks try things in, the accepted
history concludes at most once, extends at most once, and has a reply deadline exactly while a clock runs."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from web.applications.lifecycle import (
    AWAITING_CORRECTION,
    AWAITING_FEE,
    CONCLUDED_STATES,
    CONCLUDING,
    CONSULTING,
    CaseView,
    TransitionError,
)
from xxgk.workdays.seed import from_chinese_calendar

CAL = from_chinese_calendar(range(2024, 2027))
RECEIVED = dt.date(2025, 3, 3)
KINDS = (
    "correction_requested",
    "correction_received",
    "correction_lapsed",
    "third_party_consultation_started",
    "third_party_consultation_ended",
    "agency_consultation_started",
    "agency_consultation_ended",
    "extension_approved",
    "fee_notified",
    "fee_paid",
    "fee_lapsed",
    "decided",
    "closed",
    "withdrawn",
)
OUTCOMES = ("granted", "partial", "unable_3", "other_1", "other", "refused_4", "")

attempts = st.lists(
    st.tuples(
        st.sampled_from(KINDS),
        st.integers(min_value=0, max_value=6),
        st.sampled_from(OUTCOMES),
        st.integers(min_value=0, max_value=25),
    ),
    max_size=25,
)


@settings(max_examples=400, deadline=None)
@given(attempts)
def test_random_histories_keep_the_invariants(tries: list[tuple[str, int, str, int]]) -> None:
    view = CaseView(received_on=RECEIVED, clock_start=RECEIVED)
    view.apply("received", RECEIVED)
    day = RECEIVED
    accepted: list[str] = []
    for kind, step, outcome, days in tries:
        when = day + dt.timedelta(days=step)
        try:
            view.check(kind, when, outcome=outcome, days=days)
        except TransitionError as exc:
            assert str(exc)  # every refusal explains itself
            continue
        view.apply(kind, when, outcome=outcome, days=days)
        accepted.append(kind)
        day = when
    assert sum(k in CONCLUDING for k in accepted) <= 1
    assert accepted.count("extension_approved") <= 1
    assert view.extension_days <= 20
    if any(k in CONCLUDING for k in accepted):
        assert view.state in CONCLUDED_STATES and view.outcome
        assert view.outcome not in ("other_1", "other_2") or accepted[-1] in ("correction_lapsed", "fee_lapsed")
        assert view.due_date(CAL) is None
    elif view.state in (AWAITING_CORRECTION, CONSULTING, AWAITING_FEE):
        assert view.due_date(CAL) is None  # the clock stands still (fee window: FEE_WINDOW_PAUSES)
        assert view.next_deadline(CAL, day) is not None or view.state == AWAITING_CORRECTION
    else:
        due = view.due_date(CAL)
        assert due is not None and due > (view.clock_start or RECEIVED)
    if "closed" in accepted:
        assert accepted.index("decided") < accepted.index("closed")
