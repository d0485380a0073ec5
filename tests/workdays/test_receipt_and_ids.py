"""Receipt date per channel (条例第三十一条) and the identifier check digits."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xxgk.identifiers import (
    USCC_ALPHABET,
    id_check_digit,
    id_number_error,
    masked_id_number,
    uscc_check_char,
    uscc_error,
)
from xxgk.workdays import Channel, ReceiptDateUnknown, receipt_date

D = dt.date(2025, 3, 3)
LATER = dt.date(2025, 3, 5)


@pytest.mark.parametrize(
    ("channel", "kwargs", "expected"),
    [
        (Channel.IN_PERSON, {"submitted_on": D}, D),
        (Channel.ORAL, {"submitted_on": D}, D),
        (Channel.POST_SIGNED, {"submitted_on": D, "signed_on": LATER}, LATER),
        (Channel.POST_UNSIGNED, {"arrived_on": D, "confirmed_on": LATER}, LATER),
        (Channel.ONLINE, {"submitted_on": D, "confirmed_on": LATER}, LATER),
        (Channel.FAX, {"confirmed_on": LATER}, LATER),
        (Channel.EMAIL, {"arrived_on": D, "confirmed_on": LATER}, D),
        (Channel.OTHER, {"confirmed_on": LATER}, LATER),
    ],
)
def test_receipt_date_per_channel(channel: str, kwargs: dict[str, dt.date], expected: dt.date) -> None:
    assert receipt_date(channel, **kwargs) == expected


def test_missing_raw_date_names_the_field() -> None:
    with pytest.raises(ReceiptDateUnknown, match="确认日期") as info:
        receipt_date(Channel.POST_UNSIGNED, arrived_on=D)
    assert info.value.field == "confirmed_on"
    with pytest.raises(ValueError, match="未知的申请渠道"):
        receipt_date("pigeon", submitted_on=D)


def test_known_identifiers() -> None:
    assert id_number_error("11010519491231002X") is None
    assert id_number_error("11010519491231002x") is None  # lower-case x accepted
    assert id_number_error("１１０１０５１９４９１２３１００２Ｘ") is None  # full-width, as pasted from Word
    assert "校验位" in (id_number_error("110105194912310021") or "")
    assert "出生日期" in (id_number_error("110105194913310029") or "")
    assert "18位，当前为16位" in (id_number_error("1101051949123100") or "")
    assert uscc_error("91350100M000100Y43") is None
    assert "校验位" in (uscc_error("91350100M000100Y44") or "")
    assert "不允许的字符：O" in (uscc_error("91350100M000100O43") or "")


@given(st.text(alphabet="0123456789", min_size=17, max_size=17), st.integers(min_value=0, max_value=16))
def test_id_check_digit_catches_any_single_digit_change(body: str, pos: int) -> None:
    value = body + id_check_digit(body)
    changed = body[:pos] + str((int(body[pos]) + 1) % 10) + body[pos + 1 :]
    assert id_check_digit(changed) != value[17]


@given(st.text(alphabet=USCC_ALPHABET, min_size=17, max_size=17), st.integers(min_value=0, max_value=16))
def test_uscc_check_char_catches_any_single_char_change(body: str, pos: int) -> None:
    value = body + uscc_check_char(body)
    assert uscc_error(value) is None
    i = USCC_ALPHABET.index(body[pos])
    changed = body[:pos] + USCC_ALPHABET[(i + 1) % 31] + body[pos + 1 :]
    assert uscc_check_char(changed) != value[17]


def test_masking() -> None:
    assert masked_id_number("320102199001011234") == "320*************34"
    assert masked_id_number("12345") == "*****"
    assert masked_id_number("１１０１０５１９４９１２３１００２Ｘ") == "110*************2X"
