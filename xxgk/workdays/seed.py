"""A calendar seeded from the `chinesecalendar` package (a hard-coded table updated once a year).

Only the years the installed package knows are returned; later years must be entered by an administrator
when the State Council publishes the arrangement (usually in Q4 of the previous year).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from xxgk.workdays.calendar import WorkdayCalendar

# The package names holidays in English; these are the names of the State Council notices.
HOLIDAY_NAMES: dict[str, str] = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


def known_years() -> list[int]:
    """Years for which the installed `chinesecalendar` has the State Council arrangement."""
    from chinese_calendar import constants

    return sorted({d.year for d in constants.holidays} | {d.year for d in constants.workdays})


def year_lists(year: int) -> tuple[dict[dt.date, str], dict[dt.date, str]]:
    """(holidays, make-up workdays) of `year`, each date with the holiday's Chinese name."""
    from chinese_calendar import constants

    holidays = {d: HOLIDAY_NAMES.get(n, n) for d, n in constants.holidays.items() if d.year == year}
    makeup = {d: HOLIDAY_NAMES.get(n, n) for d, n in constants.workdays.items() if d.year == year}
    return holidays, makeup


def from_chinese_calendar(years: Iterable[int] | None = None) -> WorkdayCalendar:
    """A calendar for `years` (default: every year the package knows); unknown years raise ValueError."""
    known = known_years()
    wanted = sorted(set(years) if years is not None else known)
    missing = [y for y in wanted if y not in known]
    if missing:
        raise ValueError(f"chinesecalendar 不含 {missing[0]} 年的节假日安排")
    holidays: set[dt.date] = set()
    makeup: set[dt.date] = set()
    for year in wanted:
        h, m = year_lists(year)
        holidays |= h.keys()
        makeup |= m.keys()
    return WorkdayCalendar.from_lists(wanted, holidays, makeup)
