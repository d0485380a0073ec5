"""Hints shown when a new application is registered (advice for the clerk, never a decision):

- probable repeats: earlier applications by the same applicant (same ID number) to the same agency with a
  similar description (rapidfuzz) — 条例第三十六条第（六）项 重复申请;
- the applicant's volume this natural month (无正当理由大量反复申请, 第三十五条; and the 按件 fee tier);
- catalogue items that may already answer the request (from `web.catalogue`, when that app offers
  `web.catalogue.search.items_matching(agency, text, limit)`; silently skipped otherwise).
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rapidfuzz import fuzz

from web.applications.models import Application
from xxgk.fees import FREE_REQUESTS_PER_MONTH, per_request_rate

REPEAT_THRESHOLD = 80.0  # rapidfuzz score (0–100) above which two descriptions are "probably the same request"
REPEAT_LOOKBACK_DAYS = 730
VOLUME_WARNING = 30  # requests in one month from one applicant: worth asking for reasons (第三十五条)


@dataclass(frozen=True, slots=True)
class RepeatHint:
    application: Application
    score: float


@dataclass
class IntakeHints:
    repeats: list[RepeatHint] = field(default_factory=list)
    month_count: int = 0  # this applicant's applications (to any agency) in the natural month, this one included
    month_ordinal: int = 0  # this application's place among them
    per_request_fee: Decimal = Decimal(0)  # what 按件 would charge for it
    catalogue: list[Any] = field(default_factory=list)

    @property
    def volume_warning(self) -> bool:
        return self.month_count >= VOLUME_WARNING

    @property
    def beyond_free(self) -> bool:
        return self.month_ordinal > FREE_REQUESTS_PER_MONTH


def similarity(a: str, b: str) -> float:
    """How alike two descriptions are (0–100); character based, which suits Chinese text."""
    a, b = a.strip(), b.strip()
    if not a or not b:
        return 0.0
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b), 0.9 * fuzz.partial_ratio(a, b))


def probable_repeats(application: Application, *, limit: int = 5) -> list[RepeatHint]:
    if not application.id_number:
        return []
    since = application.received_on - dt.timedelta(days=REPEAT_LOOKBACK_DAYS)
    earlier = (
        Application.objects.filter(
            agency_id=application.agency_id,
            id_number=application.id_number,
            received_on__gte=since,
            received_on__lte=application.received_on,
        )
        .exclude(pk=application.pk)
        .only("pk", "tracking_number", "description", "received_on", "agency_id")
    )
    found = [RepeatHint(e, similarity(application.description, e.description)) for e in earlier]
    found = [h for h in found if h.score >= REPEAT_THRESHOLD]
    found.sort(key=lambda h: (-h.score, h.application.received_on))
    return found[:limit]


def month_applications(application: Application) -> Any:
    """The applicant's applications received in the same natural month (all agencies: the fee counts per
    applicant, 国办函〔2020〕109号第四条)."""
    day = application.received_on
    return Application.objects.filter(
        id_number=application.id_number, received_on__year=day.year, received_on__month=day.month
    ).order_by("received_on", "pk")


def month_ordinal(application: Application) -> int:
    """This application's place among the applicant's applications of the month (1-based)."""
    day = application.received_on
    qs = month_applications(application)
    before = qs.filter(received_on__lt=day).count()
    same_day = qs.filter(received_on=day)
    if application.pk is not None:
        same_day = same_day.filter(pk__lt=application.pk)
    return before + same_day.count() + 1


def catalogue_matches(application: Application, *, limit: int = 5) -> list[Any]:
    try:
        module = importlib.import_module("web.catalogue.search")
    except ImportError:
        return []
    finder = getattr(module, "items_matching", None)
    if finder is None:
        return []
    try:
        # the 文号 first: an exact document number is the strongest clue the catalogue can match
        text = " ".join(t for t in (application.document_number.strip(), application.description.strip()) if t)
        return list(finder(application.agency, text, limit=limit))
    except Exception:  # a hint must never stop registration
        return []


def intake_hints(application: Application) -> IntakeHints:
    """All hints for `application` (saved or not; `received_on` must be set)."""
    if application.received_on is None:
        application.received_on = application.derive_received_on()
    ordinal = month_ordinal(application)
    count = month_applications(application).count() + (0 if application.pk else 1)
    return IntakeHints(
        repeats=probable_repeats(application),
        month_count=max(count, ordinal),
        month_ordinal=ordinal,
        per_request_fee=per_request_rate(ordinal),
        catalogue=catalogue_matches(application),
    )
