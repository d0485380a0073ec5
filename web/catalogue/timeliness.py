"""条例第二十六条: proactive information is published within 20 working days of being formed or changed.

`publication_due` takes the working-day arithmetic as a parameter so the project calendar (with its
admin-maintained holiday rows) plugs in with one line in `add_working_days` below.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

PUBLICATION_WORKING_DAYS = 20  # 条例第二十六条

AddWorkingDays = Callable[[dt.date, int], dt.date]


class CalendarUnavailable(Exception):
    """The working-day calendar does not cover the year asked about (never guess holidays)."""


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The `days`-th working day after `start` (the day of `start` itself is not counted).

    Uses the State Council holiday table of `chinesecalendar` until the project calendar adapter is
    wired here; raises `CalendarUnavailable` for years the table does not know.
    """
    import chinese_calendar

    current = start
    counted = 0
    while counted < days:
        current += dt.timedelta(days=1)
        try:
            workday = chinese_calendar.is_workday(current)
        except NotImplementedError as exc:
            raise CalendarUnavailable(f"工作日历缺少 {current.year} 年的节假日安排") from exc
        if workday:
            counted += 1
    return current


def publication_due(formed_or_changed: dt.date, add: AddWorkingDays = add_working_days) -> dt.date:
    """The last day to publish information formed or changed on `formed_or_changed`."""
    return add(formed_or_changed, PUBLICATION_WORKING_DAYS)


def is_published_late(
    formed_or_changed: dt.date | None, published: dt.date | None, add: AddWorkingDays = add_working_days
) -> bool | None:
    """True when published after the 第二十六条 deadline; None when a date is missing or the calendar lacks the year."""
    if formed_or_changed is None or published is None:
        return None
    if published <= formed_or_changed:
        return False
    try:
        return published > publication_due(formed_or_changed, add)
    except CalendarUnavailable:
        return None
