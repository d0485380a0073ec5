"""Check digits of the identifiers applicants give: the 18-digit 居民身份证号码 (GB 11643, ISO 7064 MOD 11-2)
and the 统一社会信用代码 (GB 32100, MOD 31), plus the masking used in lists."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

_ID_WEIGHTS: Final = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK: Final = "10X98765432"
_ID_RE: Final = re.compile(r"^\d{17}[\dX]$")

USCC_ALPHABET: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
_USCC_WEIGHTS: Final = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC_RE: Final = re.compile(rf"^[{USCC_ALPHABET}]{{18}}$")


def normalise(value: str) -> str:
    return value.strip().replace(" ", "").upper()


def id_check_digit(first17: str) -> str:
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def id_number_error(value: str) -> str | None:
    """None if `value` is a valid 18-digit ID number, else what is wrong (Chinese)."""
    v = normalise(value)
    if not _ID_RE.match(v):
        return "居民身份证号码应为 18 位，前 17 位为数字，末位为数字或 X"
    try:
        dt.date(int(v[6:10]), int(v[10:12]), int(v[12:14]))
    except ValueError:
        return "居民身份证号码中的出生日期无效"
    if id_check_digit(v[:17]) != v[17]:
        return "居民身份证号码校验位不正确，请核对"
    return None


def uscc_check_char(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def uscc_error(value: str) -> str | None:
    """None if `value` is a valid 统一社会信用代码, else what is wrong (Chinese)."""
    v = normalise(value)
    if not _USCC_RE.match(v):
        return "统一社会信用代码应为 18 位数字或大写字母（不含 I、O、S、V、Z）"
    if uscc_check_char(v[:17]) != v[17]:
        return "统一社会信用代码校验位不正确，请核对"
    return None


def masked_id_number(value: str) -> str:
    """Keep the first 3 and last 4 characters: 320***********1234 (for lists and letters to third parties)."""
    v = normalise(value)
    if len(v) <= 7:
        return "*" * len(v)
    return v[:3] + "*" * (len(v) - 7) + v[-4:]
