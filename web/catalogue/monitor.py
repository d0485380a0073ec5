"""Column timeliness monitor (spec §F.2): which columns are overdue, which are empty, and whether the
single-veto (单项否决) thresholds of the website inspection indicators are reached.

Pure functions over column histories (a column's type and its items' publication dates), so the rules
can be tested with hand-made histories and run on any date. Thresholds come from `Thresholds`, whose
defaults are the figures of §F.2 and which settings can override (`XXGK_TIMELINESS`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

# Column types (stable codes); the Chinese names live on the model's TextChoices.
DYNAMIC = "dynamic"  # 动态要闻
NOTICE = "notice"  # 通知公告
POLICY = "policy"  # 政策文件
PERSONNEL = "personnel"  # 人事
PLANNING = "planning"  # 规划计划
INTERACTIVE = "interactive"  # 互动
REPORT = "report"  # 年度报告
OTHER = "other"  # 其他（不监测更新）


@dataclass(frozen=True, slots=True)
class Thresholds:
    """How long each column type may go without a new item, and the counts that trigger a single veto.

    Periods are strings: "14d" (days) or "6m" (calendar months). A type absent from `limits` is not
    monitored for updates (it still counts as empty when it has never had content).
    """

    limits: Mapping[str, str] = field(
        default_factory=lambda: {
            DYNAMIC: "14d",  # §F.2: 动态、要闻类 within 2 weeks
            NOTICE: "6m",  # §F.2: 通知公告、政策文件类 (first-level) within 6 months
            POLICY: "6m",
            PERSONNEL: "12m",  # commonly cited 1 year for 人事、规划计划类 [U]
            PLANNING: "12m",
            INTERACTIVE: "3m",  # §F.2: 政务咨询 unanswered > 3 months
        }
    )
    # (1) stale dynamic + stale first-level notice/policy columns together ≥ this → veto
    veto_core_stale: int = 5
    # (2) all columns overdue (every monitored type) ≥ this → veto
    veto_any_stale: int = 10
    # (3) empty columns (never had content) ≥ this → veto
    veto_empty: int = 5
    # remind owners this many days before a column becomes overdue
    warn_days: int = 3

    @classmethod
    def from_settings(cls, overrides: Mapping[str, Any] | None) -> Thresholds:
        """Defaults with `overrides` applied: column types map to periods ("dynamic": "7d"), the other keys
        (veto_core_stale, veto_any_stale, veto_empty, warn_days) to counts; a nested "limits" dict works too."""
        base = cls()
        if not overrides:
            return base
        limits = dict(base.limits)
        limits.update(overrides.get("limits", {}))
        scalars: dict[str, int] = {}
        for key, value in overrides.items():
            if key == "limits":
                continue
            if key in _SCALARS:
                try:
                    scalars[key] = int(value)
                except (TypeError, ValueError):
                    raise ValueError(f"栏目监测参数 {key} 应为整数，而不是「{value}」") from None
            elif key in _TYPES:
                limits[key] = str(value)
            else:
                raise ValueError(f"未知的栏目监测参数「{key}」")
        for period in limits.values():
            parse_period(period)
        return replace(base, limits=limits, **scalars)


_SCALARS = ("veto_core_stale", "veto_any_stale", "veto_empty", "warn_days")
_TYPES = (DYNAMIC, NOTICE, POLICY, PERSONNEL, PLANNING, INTERACTIVE, REPORT, OTHER)
_PERIOD = re.compile(r"^(\d+)([dm])$")


def parse_period(period: str) -> tuple[int, str]:
    match = _PERIOD.match(period)
    if not match:
        raise ValueError(f"栏目更新期限「{period}」格式不正确，应为如 14d（天）或 6m（月）")
    return int(match.group(1)), match.group(2)


def period_start(at: dt.date, period: str) -> dt.date:
    """The first day of the window of `period` ending at `at`: items on or after it count as updates."""
    amount, unit = parse_period(period)
    if unit == "d":
        return at - dt.timedelta(days=amount)
    month_index = at.year * 12 + at.month - 1 - amount
    year, month = divmod(month_index, 12)
    month += 1
    # clamp the day (31 March minus one month is 28/29 February)
    for day in (at.day, 30, 29, 28):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


@dataclass(frozen=True, slots=True)
class ColumnHistory:
    key: Any  # whatever identifies the column for the caller (a pk)
    name: str
    column_type: str
    top_level: bool
    dates: Sequence[dt.date]  # publication dates of its items (any order; items without date are left out)


OK = "ok"
DUE_SOON = "due_soon"
STALE = "stale"
EMPTY = "empty"
UNMONITORED = "unmonitored"

STATE_LABELS: Mapping[str, str] = {
    OK: "正常",
    DUE_SOON: "即将超期",
    STALE: "超期未更新",
    EMPTY: "空白栏目",
    UNMONITORED: "不监测",
}


@dataclass(frozen=True, slots=True)
class ColumnStatus:
    column: ColumnHistory
    state: str
    last_date: dt.date | None
    period: str | None
    due: dt.date | None  # the last day an item keeps the column up to date (last_date + period)
    overdue_days: int = 0

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]


@dataclass(frozen=True, slots=True)
class Veto:
    code: str  # "core_stale" | "any_stale" | "empty"
    count: int
    limit: int
    message: str


@dataclass(frozen=True, slots=True)
class MonitorResult:
    at: dt.date
    statuses: tuple[ColumnStatus, ...]
    vetoes: tuple[Veto, ...]
    risks: tuple[Veto, ...]  # counts one short of their limit: the next overdue column means a veto

    def count(self, state: str) -> int:
        return sum(1 for s in self.statuses if s.state == state)

    @property
    def count_stale(self) -> int:
        return self.count(STALE)

    @property
    def count_empty(self) -> int:
        return self.count(EMPTY)

    @property
    def needs_attention(self) -> tuple[ColumnStatus, ...]:
        order = {STALE: 0, EMPTY: 1, DUE_SOON: 2}
        return tuple(sorted((s for s in self.statuses if s.state in order), key=lambda s: order[s.state]))


def _due_after(last: dt.date, period: str) -> dt.date:
    """The last day on which the column is still up to date after an item on `last`."""
    amount, unit = parse_period(period)
    if unit == "d":
        return last + dt.timedelta(days=amount)
    month_index = last.year * 12 + last.month - 1 + amount
    year, month = divmod(month_index, 12)
    for day in (last.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def column_status(column: ColumnHistory, at: dt.date, thresholds: Thresholds) -> ColumnStatus:
    dates = [d for d in column.dates if d <= at]
    last = max(dates) if dates else None
    period = thresholds.limits.get(column.column_type)
    if last is None:
        return ColumnStatus(column, EMPTY, None, period, None)
    if period is None:
        return ColumnStatus(column, UNMONITORED, last, None, None)
    due = _due_after(last, period)
    if last < period_start(at, period):
        return ColumnStatus(column, STALE, last, period, due, (at - due).days)
    if (due - at).days <= thresholds.warn_days:
        return ColumnStatus(column, DUE_SOON, last, period, due)
    return ColumnStatus(column, OK, last, period, due)


def evaluate(columns: Iterable[ColumnHistory], at: dt.date, thresholds: Thresholds | None = None) -> MonitorResult:
    """Every column's state at `at`, and the single-veto checks of §F.2 over all of them."""
    t = thresholds or Thresholds()
    statuses = tuple(column_status(c, at, t) for c in columns)
    core = sum(
        1
        for s in statuses
        if s.state == STALE
        and (s.column.column_type == DYNAMIC or (s.column.column_type in (NOTICE, POLICY) and s.column.top_level))
    )
    stale = sum(1 for s in statuses if s.state == STALE)
    empty = sum(1 for s in statuses if s.state == EMPTY)
    checks = (
        Veto(
            "core_stale",
            core,
            t.veto_core_stale,
            f"动态要闻类栏目两周、通知公告与政策文件类栏目半年未更新共 {core} 个"
            f"（达到 {t.veto_core_stale} 个即单项否决）",
        ),
        Veto(
            "any_stale",
            stale,
            t.veto_any_stale,
            f"应更新而长期未更新的栏目共 {stale} 个（达到 {t.veto_any_stale} 个即单项否决）",
        ),
        Veto("empty", empty, t.veto_empty, f"空白栏目共 {empty} 个（达到 {t.veto_empty} 个即单项否决）"),
    )
    vetoes = tuple(v for v in checks if v.count >= v.limit)
    risks = tuple(v for v in checks if v.limit > 1 and v.limit - 1 == v.count)
    return MonitorResult(at=at, statuses=statuses, vetoes=vetoes, risks=risks)
