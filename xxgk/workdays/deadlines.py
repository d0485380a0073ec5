"""The statutory periods of the 条例 (spec §E.3–§E.7) as data, and the reply-deadline arithmetic.

Every period carries the article it comes from, so that the web system and the letters cite the same
source. Periods are in working days counted from the day after the triggering event (see `calendar`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from xxgk.workdays.calendar import Convention, Pause, WorkdayCalendar


@dataclass(frozen=True, slots=True)
class Period:
    key: str
    days: int  # working days
    article: str  # where the period comes from
    label: str  # what the period is for, in Chinese

    def end(
        self,
        calendar: WorkdayCalendar,
        start: dt.date,
        *,
        paused: Iterable[Pause] = (),
        convention: Convention = Convention.NEXT_DAY,
    ) -> dt.date:
        return calendar.add_working_days(start, self.days, paused=paused, convention=convention)


REPLY: Final = Period("reply", 20, "《政府信息公开条例》第三十三条第二款", "答复期限")
EXTENSION_MAX: Final = Period(
    "extension", 20, "《政府信息公开条例》第三十三条第二款", "延长答复期限（经政府信息公开工作机构负责人同意，最长）"
)
CORRECTION_NOTICE: Final = Period("correction_notice", 7, "《政府信息公开条例》第三十条", "一次性告知补正期限")
THIRD_PARTY: Final = Period("third_party", 15, "《政府信息公开条例》第三十二条", "第三方提出意见期限")
CO_PRODUCER: Final = Period("co_producer", 15, "《政府信息公开条例》第三十四条", "共同制作机关提出意见期限")
FEE_PAYMENT: Final = Period(
    "fee_payment", 20, "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）", "缴纳信息处理费期限"
)
# Time spent consulting third parties or other agencies is not counted (第三十三条第三款).
PAUSE_ARTICLE: Final = "《政府信息公开条例》第三十三条第三款"

PERIODS: Final[dict[str, Period]] = {
    p.key: p for p in (REPLY, EXTENSION_MAX, CORRECTION_NOTICE, THIRD_PARTY, CO_PRODUCER, FEE_PAYMENT)
}


class ExtensionTooLong(ValueError):
    def __init__(self, days: int) -> None:
        self.days = days
        super().__init__(
            f"延长期限为 {days} 个工作日，超过{EXTENSION_MAX.article}规定的最长 {EXTENSION_MAX.days} 个工作日"
        )


def check_extension(days: int) -> None:
    if days < 1:
        raise ValueError(f"延长期限应为 1 至 {EXTENSION_MAX.days} 个工作日，实际为 {days}")
    if days > EXTENSION_MAX.days:
        raise ExtensionTooLong(days)


def reply_deadline(
    calendar: WorkdayCalendar,
    start: dt.date,
    *,
    extension_days: int = 0,
    paused: Iterable[Pause] = (),
    convention: Convention = Convention.NEXT_DAY,
) -> dt.date:
    """The last day to answer: 20 working days after `start` (receipt, or receipt of the 补正), plus an
    approved extension of at most 20, not counting the working days inside `paused` intervals."""
    if extension_days:
        check_extension(extension_days)
    return calendar.add_working_days(start, REPLY.days + extension_days, paused=paused, convention=convention)
