"""条例第二十六条: 20 working days from forming or changing, on the project calendar (hand-counted)."""

from __future__ import annotations

import datetime as dt

import pytest

from web.catalogue.models import Status
from web.catalogue.tests.conftest import make_item
from web.catalogue.timeliness import is_published_late, publication_due
from xxgk.workdays import WorkdayCalendar

pytestmark = pytest.mark.django_db


def test_deadline_across_national_day_2025(workdays) -> None:  # type: ignore[no-untyped-def]
    # Formed Fri 26 Sep 2025. Working days: 28 Sep (make-up Sunday), 29, 30 Sep; 1–8 Oct are holidays;
    # 9, 10, 11 (make-up Saturday) Oct = days 4–6; 13–17 = 7–11; 20–24 = 12–16; 27–30 = 17–20.
    assert publication_due(dt.date(2025, 9, 26)) == dt.date(2025, 10, 30)
    assert is_published_late(dt.date(2025, 9, 26), dt.date(2025, 10, 30)) is False
    assert is_published_late(dt.date(2025, 9, 26), dt.date(2025, 10, 31)) is True


def test_missing_calendar_year_gives_unknown_not_a_guess(workdays) -> None:  # type: ignore[no-untyped-def]
    assert is_published_late(dt.date(2031, 3, 2), dt.date(2031, 6, 1)) is None
    assert is_published_late(None, dt.date(2025, 6, 1)) is None


def test_a_plain_calendar_can_be_passed_in() -> None:
    cal = WorkdayCalendar.from_lists([2025], [], [])
    assert publication_due(dt.date(2025, 3, 7), cal.add_working_days) == dt.date(2025, 4, 4)


def test_item_is_late_counts_from_the_change_date(workdays, agency_a, owner) -> None:  # type: ignore[no-untyped-def]
    item = make_item(agency_a, owner, formed_on=dt.date(2025, 1, 6), status=Status.PUBLISHED)
    item.published_on = dt.date(2025, 9, 30)
    assert item.is_late is True
    item.changed_on = dt.date(2025, 9, 22)
    assert item.is_late is False
    assert item.publication_due == dt.date(2025, 10, 24)
