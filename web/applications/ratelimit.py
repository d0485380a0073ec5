"""Fixed-window rate limits for the public application form, kept in Django's cache.

Two windows guard the form (values in settings, with defaults): submissions per client IP per hour and
applications per applicant identity (ID number / credit code) per calendar month. The applicant key is a
salted hash so the cache never holds ID numbers. In production configure a cache shared by every worker
(e.g. the database cache); the default local-memory cache counts per process.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone


@dataclass(frozen=True)
class Limit:
    key: str
    limit: int
    window_seconds: int
    explanation: str  # Chinese sentence shown when the limit is hit


def ip_per_hour() -> int:
    return int(getattr(settings, "XXGK_APPLY_PER_IP_PER_HOUR", 5))


def applicant_per_month() -> int:
    return int(getattr(settings, "XXGK_APPLY_PER_APPLICANT_PER_MONTH", 20))


def client_ip(request: HttpRequest) -> str:
    """The peer address. A proxy's X-Forwarded-For is trusted only when the deployment says so."""
    if getattr(settings, "XXGK_TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return str(request.META.get("REMOTE_ADDR", "unknown"))


def _digest(value: str) -> str:
    return hashlib.sha256((settings.SECRET_KEY + "|" + value).encode()).hexdigest()[:32]


def ip_limit(request: HttpRequest, now: dt.datetime | None = None) -> Limit:
    now = now or timezone.now()
    window = now.strftime("%Y%m%d%H")
    n = ip_per_hour()
    return Limit(
        key=f"xxgk:apply:ip:{_digest(client_ip(request))}:{window}",
        limit=n,
        window_seconds=3600,
        explanation=f"同一网络地址每小时最多在线提交{n}件申请。请一小时后再提交，或通过当面、邮寄方式提出申请。",
    )


def applicant_limit(identity: str, now: dt.datetime | None = None) -> Limit:
    now = timezone.localtime(now or timezone.now())
    n = applicant_per_month()
    return Limit(
        key=f"xxgk:apply:who:{_digest(identity.upper())}:{now:%Y%m}",
        limit=n,
        window_seconds=32 * 24 * 3600,
        explanation=(
            f"同一申请人每个自然月最多在线提交{n}件申请（本月已达上限）。"
            "如确有需要，请说明理由并通过当面或邮寄方式提出（《政府信息公开条例》第三十五条）。"
        ),
    )


def exceeded(limit: Limit) -> bool:
    """Has the window already reached its limit (without counting a new hit)?"""
    return int(cache.get(limit.key, 0)) >= limit.limit


def hit(limit: Limit) -> None:
    """Count one submission in the window."""
    if not cache.add(limit.key, 1, limit.window_seconds):
        try:
            cache.incr(limit.key)
        except ValueError:  # expired between add and incr
            cache.set(limit.key, 1, limit.window_seconds)
