"""The working-day calendar against the State Council arrangements 2019–2026 (via chinesecalendar as an
independent oracle), and the failure for years without data."""

from __future__ import annotations

import datetime as dt

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xxgk.workdays import CalendarYearMissing, Convention, Pause, WorkdayCalendar
from xxgk.workdays.seed import from_chinese_calendar, known_years

CAL = from_chinese_calendar(range(2019, 2027))
FIRST = dt.date(2019, 1, 1)
# starts late enough in 2026 could run past 31 Dec 2026; keep a margin for 60 + 40 working days
LAST_START = dt.date(2026, 6, 30)

starts = st.dates(min_value=FIRST, max_value=LAST_START)


def oracle_add(start: dt.date, n: int, pauses: tuple[Pause, ...] = ()) -> dt.date:
    """Naive day-by-day count using chinesecalendar's own is_workday."""
    day, counted = start, 0
    while counted < n:
        day += dt.timedelta(days=1)
        if chinese_calendar.is_workday(day) and not any(
            p.start < day and (p.end is None or day <= p.end) for p in pauses
        ):
            counted += 1
    return day


def test_make_up_weekends_are_workdays() -> None:
    assert CAL.is_workday(dt.date(2024, 2, 4))  # Sunday, 春节调休上班
    assert CAL.is_workday(dt.date(2024, 2, 18))  # Sunday, 春节调休上班
    assert not CAL.is_workday(dt.date(2024, 2, 12))  # Monday in the Spring Festival holiday
    assert not CAL.is_workday(dt.date(2024, 2, 3))  # ordinary Saturday
    assert CAL.is_workday(dt.date(2024, 2, 9))  # Friday before the holiday: a working day
    assert CAL.is_holiday(dt.date(2024, 10, 7)) and not CAL.is_holiday(dt.date(2024, 10, 12))


def test_missing_year_fails_loudly_in_chinese() -> None:
    with pytest.raises(CalendarYearMissing) as info:
        CAL.is_workday(dt.date(2027, 3, 1))
    assert "2027 年节假日安排尚未录入" in str(info.value)
    assert info.value.year == 2027
    # a period that runs into an unknown year fails instead of guessing
    with pytest.raises(CalendarYearMissing):
        CAL.add_working_days(dt.date(2026, 12, 20), 20)


def test_seed_knows_2019_to_2026() -> None:
    years = known_years()
    assert set(range(2019, 2027)) <= set(years)


def test_inconsistent_lists_are_refused() -> None:
    with pytest.raises(ValueError, match="同时被录入"):
        WorkdayCalendar.from_lists([2024], [dt.date(2024, 2, 4)], [dt.date(2024, 2, 4)])
    with pytest.raises(ValueError, match="不在已录入年份"):
        WorkdayCalendar.from_lists([2024], [dt.date(2025, 1, 1)], [])


def test_override_replaces_a_year() -> None:
    override = WorkdayCalendar.from_lists([2027], [dt.date(2027, 1, 1)], [])
    merged = CAL.merged(override)
    assert not merged.is_workday(dt.date(2027, 1, 1))
    assert merged.is_workday(dt.date(2027, 1, 4))
    assert merged.is_workday(dt.date(2024, 2, 4))


@settings(max_examples=300, deadline=None)
@given(day=st.dates(min_value=FIRST, max_value=dt.date(2026, 12, 31)))
def test_is_workday_matches_the_state_council_table(day: dt.date) -> None:
    assert CAL.is_workday(day) == chinese_calendar.is_workday(day)


@settings(max_examples=300, deadline=None)
@given(start=starts, n=st.integers(min_value=0, max_value=60))
def test_add_working_days_matches_a_naive_count(start: dt.date, n: int) -> None:
    end = CAL.add_working_days(start, n)
    assert end == oracle_add(start, n)
    assert CAL.working_days_between(start, end) == n
    if n:
        assert CAL.is_workday(end)
        assert CAL.add_working_days(start, n + 1) > end


@settings(max_examples=200, deadline=None)
@given(
    start=starts,
    n=st.integers(min_value=1, max_value=40),
    offset=st.integers(min_value=0, max_value=30),
    length=st.integers(min_value=0, max_value=40),
)
def test_pauses_skip_exactly_the_paused_working_days(start: dt.date, n: int, offset: int, length: int) -> None:
    pause_start = start + dt.timedelta(days=offset)
    pause = Pause(pause_start, pause_start + dt.timedelta(days=length))
    end = CAL.add_working_days(start, n, paused=[pause])
    assert end == oracle_add(start, n, (pause,))
    assert not pause.covers(end)
    assert CAL.working_days_between(start, end, paused=[pause]) == n
    # the paused period ends no earlier than the unpaused one, and later by exactly the paused working days
    plain = CAL.add_working_days(start, n)
    assert end >= plain
    paused_days = CAL.working_days_between(start, end) - n
    assert paused_days == sum(
        1
        for k in range(1, (end - start).days + 1)
        if pause.covers(d := start + dt.timedelta(days=k)) and CAL.is_workday(d)
    )


def test_same_day_convention_counts_the_receipt_day() -> None:
    # 2024-02-01 is a Thursday: with the receipt day counted the period ends one working day earlier
    assert CAL.add_working_days(dt.date(2024, 2, 1), 20) == dt.date(2024, 3, 5)
    assert CAL.add_working_days(dt.date(2024, 2, 1), 20, convention=Convention.SAME_DAY) == dt.date(2024, 3, 4)
    # a Saturday receipt is not a working day: both conventions agree
    sat = dt.date(2024, 3, 2)
    assert CAL.add_working_days(sat, 5) == CAL.add_working_days(sat, 5, convention=Convention.SAME_DAY)


def test_open_pause_has_no_end() -> None:
    with pytest.raises(ValueError, match="暂停且尚未恢复"):
        CAL.add_working_days(dt.date(2024, 3, 1), 20, paused=[Pause(dt.date(2024, 3, 5))])


def test_pause_end_before_start_is_refused() -> None:
    with pytest.raises(ValueError, match="早于开始日"):
        Pause(dt.date(2024, 3, 5), dt.date(2024, 3, 1))
