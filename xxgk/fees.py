"""信息处理费 (条例第四十二条; 国办函〔2020〕109号《政府信息公开信息处理费管理办法》), spec §E.7.

Two progressive (超额累进) methods; per application the agency uses one of them, never both:

- 按件计收 (第四条): per applicant per natural month, cumulatively: requests 1–10 free; the 11th to 30th
  100 元 each; from the 31st on, in tiers of 10 requests, each tier 100 元 per request more than the previous
  (31–40: 200 元, 41–50: 300 元, …; the tier reading is the common one, the text only says
  "每增加一档，收费标准提高100元/件");
- 按量计收 (第五条): per application by pages: 1–30 free; 31–100 10 元/页; 101–200 20 元/页; 201+ 40 元/页.

Amounts are `Decimal` yuan.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Final

FEE_ARTICLE: Final = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
PER_REQUEST_ARTICLE: Final = f"{FEE_ARTICLE}第四条"
PER_PAGE_ARTICLE: Final = f"{FEE_ARTICLE}第五条"

FREE_REQUESTS_PER_MONTH: Final = 10
FIRST_TIER_END: Final = 30
TIER_SIZE: Final = 10
STEP: Final = Decimal(100)

# (first page, last page or None, yuan per page)
PAGE_BANDS: Final[tuple[tuple[int, int | None, Decimal], ...]] = (
    (1, 30, Decimal(0)),
    (31, 100, Decimal(10)),
    (101, 200, Decimal(20)),
    (201, None, Decimal(40)),
)


class FeeMethod(enum.StrEnum):
    PER_REQUEST = "per_request"  # 按件计收
    PER_PAGE = "per_page"  # 按量计收


FEE_METHOD_LABELS: Final[dict[str, str]] = {FeeMethod.PER_REQUEST: "按件计收", FeeMethod.PER_PAGE: "按量计收"}


def per_request_rate(nth: int) -> Decimal:
    """The fee for an applicant's `nth` request in a natural month (1-based)."""
    if nth < 1:
        raise ValueError(f"申请序号应从 1 开始，实际为 {nth}")
    if nth <= FREE_REQUESTS_PER_MONTH:
        return Decimal(0)
    if nth <= FIRST_TIER_END:
        return STEP
    tier = (nth - FIRST_TIER_END - 1) // TIER_SIZE + 1  # 31–40 → 1, 41–50 → 2, …
    return STEP * (tier + 1)


def per_request_total(count: int) -> Decimal:
    """What `count` requests of one applicant in one natural month cost together."""
    if count < 0:
        raise ValueError(f"申请件数不能为负数：{count}")
    return sum((per_request_rate(n) for n in range(1, count + 1)), Decimal(0))


def per_page_fee(pages: int) -> Decimal:
    """The 按量 fee for one application of `pages` pages."""
    if pages < 0:
        raise ValueError(f"页数不能为负数：{pages}")
    total = Decimal(0)
    for first, last, rate in PAGE_BANDS:
        top = pages if last is None else min(pages, last)
        if top >= first:
            total += rate * (top - first + 1)
    return total


def fee_amount(method: str, quantity: int) -> Decimal:
    """The fee by `method`: for 按件, `quantity` is the request's ordinal in the month; for 按量, its pages."""
    if method == FeeMethod.PER_REQUEST:
        return per_request_rate(quantity)
    if method == FeeMethod.PER_PAGE:
        return per_page_fee(quantity)
    raise ValueError(f"未知的收费方式「{method}」（应为按件计收或按量计收）")


def fee_article(method: str) -> str:
    return PER_REQUEST_ARTICLE if method == FeeMethod.PER_REQUEST else PER_PAGE_ARTICLE
