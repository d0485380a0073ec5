"""Seed `HolidayYear` / `CalendarDay` rows from the `chinesecalendar` package (idempotent)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from web.calendar.models import CalendarDay, DayKind, HolidayYear
from xxgk.workdays import seed

FIRST_YEAR = 2019  # the revised 条例 took effect in 2019
SOURCE = "chinesecalendar {version}（国务院办公厅节假日安排通知）"


def load_years(years: Iterable[int] | None = None, *, replace: bool = False) -> list[int]:
    """Load `years` (default: 2019 to the last year the package knows). A year already in the database is
    left alone unless `replace` (an administrator may have corrected it). Returns the years written."""
    import chinese_calendar

    known = seed.known_years()
    wanted = sorted(set(years)) if years is not None else [y for y in known if y >= FIRST_YEAR]
    written = []
    with transaction.atomic():
        for year in wanted:
            existing = HolidayYear.objects.filter(year=year).first()
            if existing is not None and not replace:
                continue
            holidays, makeup = seed.year_lists(year)
            if existing is None:
                existing = HolidayYear.objects.create(
                    year=year, source=SOURCE.format(version=getattr(chinese_calendar, "__version__", ""))
                )
            existing.days.all().delete()
            CalendarDay.objects.bulk_create(
                [CalendarDay(year=existing, date=d, kind=DayKind.HOLIDAY, name=n) for d, n in sorted(holidays.items())]
                + [
                    CalendarDay(year=existing, date=d, kind=DayKind.MAKEUP_WORKDAY, name=n)
                    for d, n in sorted(makeup.items())
                ]
            )
            written.append(year)
    return written
