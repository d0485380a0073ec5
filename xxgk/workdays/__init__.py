"""Working days under the State Council's holiday arrangements, and the 条例's statutory periods.

- `calendar`: `WorkdayCalendar` over explicit date lists (holidays and make-up workdays per year); dates in a
  year without data raise `CalendarYearMissing` — the calendar never guesses;
- `deadlines`: the statutory periods with their article references and the arithmetic on them (pauses,
  extension);
- `receipt`: the receipt date of an application per channel (条例第三十一条);
- `seed`: a calendar built from the `chinesecalendar` package for the years it knows.
"""

from xxgk.workdays.calendar import (
    CalendarYearMissing,
    Convention,
    Pause,
    WorkdayCalendar,
)
from xxgk.workdays.deadlines import (
    CO_PRODUCER,
    CORRECTION_NOTICE,
    EXTENSION_MAX,
    FEE_PAYMENT,
    PERIODS,
    REPLY,
    THIRD_PARTY,
    Period,
    reply_deadline,
)
from xxgk.workdays.receipt import Channel, ReceiptDateUnknown, receipt_date

__all__ = [
    "CORRECTION_NOTICE",
    "CO_PRODUCER",
    "EXTENSION_MAX",
    "FEE_PAYMENT",
    "PERIODS",
    "REPLY",
    "THIRD_PARTY",
    "CalendarYearMissing",
    "Channel",
    "Convention",
    "Pause",
    "Period",
    "ReceiptDateUnknown",
    "WorkdayCalendar",
    "receipt_date",
    "reply_deadline",
]
