"""The identifiers applicants give: the 18-digit 公民身份号码 (GB 11643-1999, ISO 7064 MOD 11-2) and the
统一社会信用代码 (GB 32100-2015, MOD 31); their check characters, validation with Chinese messages that
say exactly what is wrong, and the masking used in lists."""

from __future__ import annotations

import datetime as dt
from typing import Final

_ID_WEIGHTS: Final = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK: Final = "10X98765432"

USCC_ALPHABET: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100: the letters I, O, S, V, Z are never used
_USCC_WEIGHTS: Final = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

# Full-width digits and letters are what people paste from Word documents.
_FULL_WIDTH: Final = str.maketrans(
    "０１２３４５６７８９ＸｘＡＢＣＤＥＦＧＨＪＫＬＭＮＰＱＲＴＵＷＹ", "0123456789XXABCDEFGHJKLMNPQRTUWY"
)


def normalise(value: str) -> str:
    """Upper-case, without any white space, full-width forms turned into ASCII."""
    return "".join(value.translate(_FULL_WIDTH).split()).upper()


def id_check_digit(first17: str) -> str:
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def id_number_error(value: str, *, today: dt.date | None = None) -> str | None:
    """None if `value` is a valid 18-digit 公民身份号码, else what is wrong (Chinese)."""
    code = normalise(value)
    if len(code) != 18:
        return f"公民身份号码应为18位，当前为{len(code)}位。"
    if not code[:17].isdigit() or not (code[17].isdigit() or code[17] == "X"):
        return "公民身份号码前17位应为数字，最后一位为数字或X。"
    try:
        born = dt.date(int(code[6:10]), int(code[10:12]), int(code[12:14]))
    except ValueError:
        return "公民身份号码中的出生日期（第7至14位）不是有效日期。"
    if born < dt.date(1900, 1, 1) or born > (today or dt.date.today()):
        return "公民身份号码中的出生日期（第7至14位）不在合理范围内。"
    if id_check_digit(code[:17]) != code[17]:
        return "公民身份号码校验位不正确，请核对后重新填写。"
    return None


def uscc_check_char(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def uscc_error(value: str) -> str | None:
    """None if `value` is a valid 统一社会信用代码, else what is wrong (Chinese)."""
    code = normalise(value)
    if len(code) != 18:
        return f"统一社会信用代码应为18位，当前为{len(code)}位。"
    bad = sorted({c for c in code if c not in USCC_ALPHABET})
    if bad:
        return f"统一社会信用代码含有不允许的字符：{'、'.join(bad)}（不使用 I、O、Z、S、V）。"
    if uscc_check_char(code[:17]) != code[17]:
        return "统一社会信用代码校验位不正确，请核对后重新填写。"
    return None


def masked_id_number(value: str) -> str:
    """Keep the first 3 and last 2 characters: 110*************2X (lists, exports, supervisors' views)."""
    v = normalise(value)
    if len(v) <= 5:
        return "*" * len(v)
    return v[:3] + "*" * (len(v) - 5) + v[-2:]
