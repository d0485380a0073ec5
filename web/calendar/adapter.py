"""The core working-day calendar (`xxgk.workdays.WorkdayCalendar`) built from the database rows."""

from __future__ import annotations

from web.calendar.models import CalendarDay, DayKind, HolidayYear
from xxgk.workdays import WorkdayCalendar


def build_calendar() -> WorkdayCalendar:
    """The calendar of every year entered (two queries). Dates in other years raise CalendarYearMissing."""
    years = list(HolidayYear.objects.values_list("year", flat=True))
    holidays = []
    makeup = []
    for day, kind in CalendarDay.objects.values_list("date", "kind"):
        (holidays if kind == DayKind.HOLIDAY else makeup).append(day)
    return WorkdayCalendar.from_lists(years, holidays, makeup)


def loaded_years() -> list[int]:
    return sorted(HolidayYear.objects.values_list("year", flat=True))
