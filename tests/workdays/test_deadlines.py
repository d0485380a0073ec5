"""Statutory deadlines computed by hand from the published holiday arrangements (next-day convention)."""

from __future__ import annotations

import datetime as dt

import pytest

from xxgk.workdays import (
    CO_PRODUCER,
    CORRECTION_NOTICE,
    FEE_PAYMENT,
    REPLY,
    THIRD_PARTY,
    Pause,
    reply_deadline,
)
from xxgk.workdays.deadlines import ExtensionTooLong, check_extension
from xxgk.workdays.seed import from_chinese_calendar

CAL = from_chinese_calendar(range(2019, 2027))
D = dt.date


def test_articles_and_lengths() -> None:
    assert (REPLY.days, EXTENSION_DAYS) == (20, 20)
    assert "第三十三条" in REPLY.article
    assert CORRECTION_NOTICE.days == 7 and "第三十条" in CORRECTION_NOTICE.article
    assert THIRD_PARTY.days == 15 and "第三十二条" in THIRD_PARTY.article
    assert CO_PRODUCER.days == 15 and "第三十四条" in CO_PRODUCER.article
    assert FEE_PAYMENT.days == 20 and "109号" in FEE_PAYMENT.article


EXTENSION_DAYS = 20


def test_reply_across_spring_festival_with_make_up_sundays() -> None:
    # received Thu 2024-02-01: Feb 2 =1, Sun Feb 4 (调休) =2, Feb 5–9 =3..7, 10–17 off, Sun Feb 18 (调休) =8,
    # Feb 19–23 =9..13, Feb 26–Mar 1 =14..18, Mar 4 =19, Mar 5 =20
    assert reply_deadline(CAL, D(2024, 2, 1)) == D(2024, 3, 5)


def test_extension_across_national_day() -> None:
    # received Fri 2025-09-26: Sun Sep 28 (调休) =1, Sep 29–30 =2..3, Oct 1–8 off, Oct 9–10 =4..5,
    # Sat Oct 11 (调休) =6, Oct 13–17 =7..11, Oct 20–24 =12..16, Oct 27–30 =17..20
    assert reply_deadline(CAL, D(2025, 9, 26)) == D(2025, 10, 30)
    # + 20: Oct 31 =21, Nov 3–7 =22..26, Nov 10–14 =27..31, Nov 17–21 =32..36, Nov 24–27 =37..40
    assert reply_deadline(CAL, D(2025, 9, 26), extension_days=20) == D(2025, 11, 27)
    # a shorter extension: 5 → Oct 31, Nov 3, 4, 5, 6
    assert reply_deadline(CAL, D(2025, 9, 26), extension_days=5) == D(2025, 11, 6)


def test_extension_is_capped_at_20() -> None:
    with pytest.raises(ExtensionTooLong, match="最长 20 个工作日"):
        reply_deadline(CAL, D(2025, 9, 26), extension_days=21)
    with pytest.raises(ValueError):
        check_extension(0)


def test_correction_notice_within_7_working_days_over_labour_day() -> None:
    # received Wed 2025-04-30; May 1–5 off: May 6 =1, 7 =2, 8 =3, 9 =4, 12 =5, 13 =6, 14 =7
    assert CORRECTION_NOTICE.end(CAL, D(2025, 4, 30)) == D(2025, 5, 14)


def test_reply_restarts_from_the_corrected_application() -> None:
    # 补正 received Thu 2025-03-20: Mar 21 =1, 24–28 =2..6, 31 =7, Apr 1–3 =8..10, Apr 4–6 off (清明),
    # Apr 7–11 =11..15, Apr 14–18 =16..20
    assert reply_deadline(CAL, D(2025, 3, 20)) == D(2025, 4, 18)


def test_third_party_consultation_pauses_the_reply_clock() -> None:
    # received Tue 2024-09-10: Sep 11–13 =1..3, Sat Sep 14 (调休) =4, 15–17 off (中秋), Sep 18–20 =5..7;
    # letter to the third party on Fri Sep 20, answer received Tue Oct 15 → clock stopped Sep 21–Oct 15;
    # Oct 16–18 =8..10, Oct 21–25 =11..15, Oct 28–31 =16..19, Nov 1 =20
    pause = Pause(D(2024, 9, 20), D(2024, 10, 15))
    assert reply_deadline(CAL, D(2024, 9, 10), paused=[pause]) == D(2024, 11, 1)
    # without the pause: Sep 23–27 =8..12, Sun Sep 29 (调休) =13, Sep 30 =14, Oct 1–7 off, Oct 8–11 =15..18,
    # Sat Oct 12 (调休) =19, Oct 14 =20
    assert reply_deadline(CAL, D(2024, 9, 10)) == D(2024, 10, 14)


def test_third_party_has_15_working_days() -> None:
    # letter Fri 2024-09-20: Sep 23–27 =1..5, Sun Sep 29 =6, Sep 30 =7, Oct 8–11 =8..11, Sat Oct 12 =12,
    # Oct 14 =13, 15 =14, 16 =15
    assert THIRD_PARTY.end(CAL, D(2024, 9, 20)) == D(2024, 10, 16)


def test_agency_consultation_pauses_the_reply_clock() -> None:
    # received Mon 2026-03-02: Mar 3–6 =1..4, Mar 9–13 =5..9; consultation Mar 13 → Mar 27 (stopped Mar 14–27);
    # Mar 30–Apr 3 =10..14, Apr 4–6 off (清明), Apr 7–10 =15..18, Apr 13 =19, Apr 14 =20
    pause = Pause(D(2026, 3, 13), D(2026, 3, 27))
    assert reply_deadline(CAL, D(2026, 3, 2), paused=[pause]) == D(2026, 4, 14)


def test_two_pauses_and_an_extension_combine() -> None:
    # the agency case above plus a second pause Apr 7 → Apr 9 (stops Apr 8–9) and a 3-day extension:
    # Apr 7 =15, Apr 10 =16, Apr 13–17 =17..21, Apr 20–21 =22..23
    pauses = [Pause(D(2026, 3, 13), D(2026, 3, 27)), Pause(D(2026, 4, 7), D(2026, 4, 9))]
    assert reply_deadline(CAL, D(2026, 3, 2), paused=pauses, extension_days=3) == D(2026, 4, 21)


def test_fee_payment_window_over_national_day() -> None:
    # notice Thu 2026-09-24: Sep 25–27 off (中秋), Sep 28–30 =1..3, Oct 1–7 off, Oct 8–9 =4..5,
    # Sat Oct 10 (调休) =6, Oct 12–16 =7..11, Oct 19–23 =12..16, Oct 26–29 =17..20
    assert FEE_PAYMENT.end(CAL, D(2026, 9, 24)) == D(2026, 10, 29)
