"""条例第二十六条: proactive information is published within 20 working days of being formed or changed.

`publication_due` takes the working-day arithmetic as a parameter; the default is the project calendar
(`web.calendar`, with its admin-maintained holiday rows), built once and kept until a calendar row changes
(signals below) or a minute passes (other server processes).
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from typing import Any

from xxgk.workdays import CalendarYearMissing, WorkdayCalendar

PUBLICATION_WORKING_DAYS = 20  # 条例第二十六条
CACHE_SECONDS = 60

AddWorkingDays = Callable[[dt.date, int], dt.date]

_lock = threading.Lock()
_cached: tuple[float, WorkdayCalendar] | None = None


def calendar() -> WorkdayCalendar:
    global _cached
    with _lock:
        if _cached is None or time.monotonic() - _cached[0] > CACHE_SECONDS:
            from web.calendar.adapter import build_calendar

            _cached = (time.monotonic(), build_calendar())
        return _cached[1]


def forget_calendar(*_args: Any, **_kwargs: Any) -> None:
    """Drop the cached calendar (connected to saves and deletes of calendar rows)."""
    global _cached
    with _lock:
        _cached = None


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The `days`-th working day after `start` (the day of `start` is not counted); raises CalendarYearMissing."""
    return calendar().add_working_days(start, days)


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
    except CalendarYearMissing:
        return None
