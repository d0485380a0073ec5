"""信息处理费: the worked examples of spec §E.7 and the tier boundaries."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xxgk.fees import FeeMethod, fee_amount, per_page_fee, per_request_rate, per_request_total


def test_worked_examples() -> None:
    assert per_request_total(12) == Decimal(200)  # 2 × 100
    assert per_request_total(35) == Decimal(3000)  # 20 × 100 + 5 × 200
    assert per_page_fee(150) == Decimal(1700)  # 70 × 10 + 50 × 20


@pytest.mark.parametrize(
    ("nth", "rate"), [(1, 0), (10, 0), (11, 100), (30, 100), (31, 200), (40, 200), (41, 300), (50, 300), (51, 400)]
)
def test_per_request_tiers(nth: int, rate: int) -> None:
    assert per_request_rate(nth) == Decimal(rate)


@pytest.mark.parametrize(
    ("pages", "fee"), [(0, 0), (30, 0), (31, 10), (100, 700), (101, 720), (200, 2700), (201, 2740), (250, 4700)]
)
def test_per_page_bands(pages: int, fee: int) -> None:
    assert per_page_fee(pages) == Decimal(fee)


@given(st.integers(min_value=1, max_value=500))
def test_per_page_is_marginal(pages: int) -> None:
    step = per_page_fee(pages) - per_page_fee(pages - 1)
    expected = 0 if pages <= 30 else 10 if pages <= 100 else 20 if pages <= 200 else 40
    assert step == Decimal(expected)


@given(st.integers(min_value=0, max_value=200))
def test_total_is_sum_of_rates(count: int) -> None:
    assert per_request_total(count) == sum((per_request_rate(n) for n in range(1, count + 1)), Decimal(0))
    assert isinstance(per_request_total(count), Decimal)


def test_method_dispatch_and_errors() -> None:
    assert fee_amount(FeeMethod.PER_REQUEST, 11) == Decimal(100)
    assert fee_amount(FeeMethod.PER_PAGE, 31) == Decimal(10)
    with pytest.raises(ValueError, match="未知的收费方式"):
        fee_amount("both", 1)
    with pytest.raises(ValueError):
        per_request_rate(0)
    with pytest.raises(ValueError):
        per_page_fee(-1)
