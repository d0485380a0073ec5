"""Rate-limit windows on their own (the public form's use of them is tested in test_public_apply)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.test import RequestFactory, override_settings

from web.applications import ratelimit


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    cache.clear()


@override_settings(XXGK_APPLY_PER_IP_PER_HOUR=2)
def test_ip_window_counts_per_hour() -> None:
    request = RequestFactory().post("/apply/", REMOTE_ADDR="203.0.113.7")
    other = RequestFactory().post("/apply/", REMOTE_ADDR="203.0.113.8")
    now = dt.datetime(2025, 3, 3, 10, 5, tzinfo=dt.UTC)
    limit = ratelimit.ip_limit(request, now)
    assert not ratelimit.exceeded(limit)
    ratelimit.hit(limit)
    ratelimit.hit(limit)
    assert ratelimit.exceeded(limit)
    assert "每小时最多在线提交2件" in limit.explanation
    assert not ratelimit.exceeded(ratelimit.ip_limit(other, now))
    assert not ratelimit.exceeded(ratelimit.ip_limit(request, now + dt.timedelta(hours=1)))


@override_settings(XXGK_APPLY_PER_APPLICANT_PER_MONTH=1)
def test_applicant_window_is_the_natural_month_and_hashes_the_id() -> None:
    march = dt.datetime(2025, 3, 31, 12, 0, tzinfo=dt.UTC)
    limit = ratelimit.applicant_limit("11010519491231002X", march)
    assert "11010519491231002X" not in limit.key
    ratelimit.hit(limit)
    assert ratelimit.exceeded(ratelimit.applicant_limit("11010519491231002x", march))
    assert not ratelimit.exceeded(ratelimit.applicant_limit("11010519491231002X", march + dt.timedelta(days=1)))


@override_settings(XXGK_TRUST_X_FORWARDED_FOR=False)
def test_forwarded_header_ignored_unless_trusted() -> None:
    request = RequestFactory().post("/apply/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert ratelimit.client_ip(request) == "10.0.0.1"
    with override_settings(XXGK_TRUST_X_FORWARDED_FOR=True):
        assert ratelimit.client_ip(request) == "1.2.3.4"
