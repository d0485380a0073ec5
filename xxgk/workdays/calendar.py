"""A working-day calendar over explicit date lists (spec §E.6).

A working day is Monday–Friday, minus the statutory holidays and their bridging rest days, plus the weekend
make-up working days (调休上班日). The calendar only answers for years whose arrangement has been entered;
any other date raises `CalendarYearMissing` with a Chinese message naming the year, because a guessed
holiday list silently produces wrong statutory deadlines.

Counting convention (configurable, spec §E.6 [U]): by default the day of the triggering event is not counted
and day 1 is the next working day (`Convention.NEXT_DAY`); `Convention.SAME_DAY` counts the event day itself
when it is a working day.

Pauses: a `Pause(start, end)` stops the clock for the days after `start` up to and including `end` (the
clock stops the day after the consultation letter goes out and runs again the day after the answer
arrives). An open pause (`end=None`) stops the clock indefinitely: no deadline can be given.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

ONE_DAY = dt.timedelta(days=1)

# Longest run of consecutive non-working days we accept before deciding the data must be wrong (the longest
# real one is the 2020 Spring Festival extension, 10 days); protects the loops below from running forever.
_MAX_SCAN_DAYS = 366 * 3


class CalendarYearMissing(LookupError):
    """A date falls in a year whose holiday arrangement has not been entered."""

    def __init__(self, year: int) -> None:
        self.year = year
        super().__init__(f"{year} 年节假日安排尚未录入，无法计算工作日；请在“工作日历”中录入国务院办公厅公布的该年安排")


class Convention(enum.StrEnum):
    NEXT_DAY = "next_day"  # 自收到之日的次日起算 (default)
    SAME_DAY = "same_day"  # the event day counts if it is a working day


@dataclass(frozen=True, slots=True)
class Pause:
    """The clock stands still on the days d with start < d <= end (end None: still paused)."""

    start: dt.date
    end: dt.date | None = None

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"暂停区间的结束日 {self.end} 早于开始日 {self.start}")

    def covers(self, day: dt.date) -> bool:
        return self.start < day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class WorkdayCalendar:
    """Holidays (rest days on weekdays or weekends) and make-up workdays for the `years` entered."""

    holidays: frozenset[dt.date] = field(default_factory=frozenset)
    makeup_workdays: frozenset[dt.date] = field(default_factory=frozenset)
    years: frozenset[int] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        both = self.holidays & self.makeup_workdays
        if both:
            day = min(both)
            raise ValueError(f"{day} 同时被录入为节假日和调休上班日")
        for day in self.holidays | self.makeup_workdays:
            if day.year not in self.years:
                raise ValueError(f"{day} 所在的 {day.year} 年不在已录入年份之内")

    @classmethod
    def from_lists(
        cls, years: Iterable[int], holidays: Iterable[dt.date], makeup_workdays: Iterable[dt.date]
    ) -> WorkdayCalendar:
        return cls(frozenset(holidays), frozenset(makeup_workdays), frozenset(years))

    def merged(self, other: WorkdayCalendar) -> WorkdayCalendar:
        """This calendar with `other`'s years replacing ours where both have data (an override table)."""
        keep = self.years - other.years
        return WorkdayCalendar(
            frozenset(d for d in self.holidays if d.year in keep) | other.holidays,
            frozenset(d for d in self.makeup_workdays if d.year in keep) | other.makeup_workdays,
            keep | other.years,
        )

    # --- single days -----------------------------------------------------------------------------

    def require_year(self, year: int) -> None:
        if year not in self.years:
            raise CalendarYearMissing(year)

    def is_workday(self, day: dt.date) -> bool:
        self.require_year(day.year)
        if day in self.makeup_workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def is_holiday(self, day: dt.date) -> bool:
        """A statutory holiday or bridging rest day (not an ordinary weekend)."""
        self.require_year(day.year)
        return day in self.holidays

    def next_workday(self, day: dt.date) -> dt.date:
        """The first working day strictly after `day`."""
        return next(self._workdays_after(day))

    def _workdays_after(self, day: dt.date) -> Iterator[dt.date]:
        gap = 0
        while True:
            day += ONE_DAY
            if self.is_workday(day):
                gap = 0
                yield day
            else:
                gap += 1
                if gap > _MAX_SCAN_DAYS:
                    raise ValueError(f"{day} 之前连续 {gap} 天没有工作日，日历数据有误")

    # --- periods ---------------------------------------------------------------------------------

    def add_working_days(
        self,
        start: dt.date,
        n: int,
        *,
        paused: Iterable[Pause] = (),
        convention: Convention = Convention.NEXT_DAY,
    ) -> dt.date:
        """The last day of a period of `n` working days triggered on `start`.

        Working days inside a pause are not counted. `n == 0` returns `start`. An open pause that begins
        before the period ends makes the end unknowable: `ValueError` (callers check for open pauses first).
        """
        if n < 0:
            raise ValueError(f"工作日数不能为负数：{n}")
        pauses = tuple(paused)
        if n == 0:
            return start
        counted = 0
        if convention is Convention.SAME_DAY and self.is_workday(start):
            counted = 1
            if counted == n:
                return start
        for day in self._workdays_after(start):
            if any(p.covers(day) for p in pauses):
                if any(p.end is None for p in pauses if p.covers(day)):
                    raise ValueError(f"期限在 {day} 起暂停且尚未恢复，无法确定届满日")
                continue
            counted += 1
            if counted == n:
                return day
        raise AssertionError("unreachable")  # pragma: no cover

    def working_days_between(self, start: dt.date, end: dt.date, *, paused: Iterable[Pause] = ()) -> int:
        """How many counted working days lie in (start, end] — the days a period has used up by `end`."""
        pauses = tuple(paused)
        if end <= start:
            return 0
        count = 0
        day = start
        while day < end:
            day += ONE_DAY
            if self.is_workday(day) and not any(p.covers(day) for p in pauses):
                count += 1
        return count

    def workdays_in_year(self, year: int) -> int:
        self.require_year(year)
        day = dt.date(year, 1, 1)
        count = 0
        while day.year == year:
            count += self.is_workday(day)
            day += ONE_DAY
        return count
