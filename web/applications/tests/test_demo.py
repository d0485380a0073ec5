"""The demo cases: tables_for equals a count made here directly over the cases and their events, the
arithmetic rules hold, and the demo has what the dashboard needs (open, due soon, overdue)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.db import transaction

from web.accounts import demo as accounts_demo
from web.accounts.models import ChangeLog
from web.applications import demo, domain
from web.applications.models import Application, ReviewCase
from web.applications.tables import tables_for
from web.calendar import demo as calendar_demo
from web.calendar.adapter import build_calendar
from xxgk.model import from_dict
from xxgk.rules import check

TODAY = dt.date(2026, 11, 22)
COLUMNS = ("natural_person", "commercial", "research", "public_welfare", "legal_service", "other_org")
ENDINGS = {"decided", "correction_lapsed", "fee_lapsed", "withdrawn"}
T3_GROUP = {"review": 0, "direct": 5, "after_review": 10}
T3_LEAF = {"upheld": 0, "corrected": 1, "other": 2, "pending": 3}


def hand_count(cases: list[Application], year: int) -> dict[str, list[int]]:
    """Table 2 counted one case at a time from the event log (independent of tables.py)."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    rows: dict[str, Counter[str]] = {}

    def add(row: str, column: str) -> None:
        rows.setdefault(row, Counter())[column] += 1

    for case in cases:
        ending = next((e for e in case.events.all() if e.kind in ENDINGS), None)
        done_on = ending.date if ending else None
        if start <= case.received_on <= end:
            add("new", case.applicant_type)
        if case.received_on < start and (done_on is None or done_on >= start):
            add("carried_over", case.applicant_type)
        if case.received_on <= end and (done_on is None or done_on > end):
            add("carry_forward", case.applicant_type)
        if ending is not None and start <= done_on <= end:  # type: ignore[operator]
            row = ending.outcome
            if year <= 2020 and row.startswith("other"):
                row = "other"
            add(row, case.applicant_type)
            add("total", case.applicant_type)
    out = {}
    for row, counts in rows.items():
        values = [counts[c] for c in COLUMNS]
        out[row] = [*values, sum(values)]
    return out


def hand_table3(reviews: list[ReviewCase], year: int) -> list[int]:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    cells = [0] * 15
    for r in reviews:
        if r.agency_role != "original" or r.filed_on > end:
            continue
        if r.concluded_on is not None and r.concluded_on < start:
            continue
        leaf = r.result if r.concluded_on is not None and r.concluded_on <= end else "pending"
        cells[T3_GROUP[r.route] + T3_LEAF[leaf]] += 1
        cells[T3_GROUP[r.route] + 4] += 1
    return cells


def fingerprint() -> list[tuple[Any, ...]]:
    """What the demo produced, without database ids (which differ between runs)."""
    cases = Application.objects.select_related("agency").prefetch_related("events")
    return sorted(
        (
            c.agency.name,
            c.received_on,
            c.applicant_type,
            c.id_number,
            c.description,
            tuple((e.kind, e.date, e.outcome) for e in c.events_in_order()),
        )
        for c in cases
    )


def test_demo(db: Any) -> None:
    """One test, two loads: the second must equal the first (deterministic), then every check on it."""
    with transaction.atomic():
        ctx = accounts_demo.load(TODAY)
        calendar_demo.load(ctx)
        demo.load(ctx)
        first = fingerprint()
        transaction.set_rollback(True)
    ctx = accounts_demo.load(TODAY)
    calendar_demo.load(ctx)
    demo.load(ctx)
    assert fingerprint() == first
    check_tables_match_a_hand_count(ctx)
    check_mix_and_dashboard()


def check_tables_match_a_hand_count(ctx: Any) -> None:
    checked = 0
    for agency in ctx.agencies:
        cases = list(Application.objects.filter(agency=agency).prefetch_related("events"))
        reviews = list(ReviewCase.objects.filter(agency=agency))
        for year in (2024, 2025):
            computed = tables_for(agency, year)
            expected = hand_count(cases, year)
            for row, values in computed["table2"].items():
                assert values == expected.get(row, [0] * 7), (agency.name, year, row)
            assert computed["table3"] == hand_table3(reviews, year), (agency.name, year)
            report = from_dict({"year": year, "agency": agency.name, "format": "2021", **computed})
            bad = [f for f in check(report) if f.code in {"T2-01", "T2-02", "T2-03", "T3-01"}]
            assert bad == [], (agency.name, year, [f.message for f in bad])
            checked += 1
    assert checked == 2 * len(ctx.agencies)
    gov = tables_for(ctx.government, 2025)
    assert gov["table2"]["new"][6] > 50  # the district government carries most of the load
    assert gov["table3"][4] >= 1  # and has reconsideration cases


def check_mix_and_dashboard() -> None:
    cases = list(Application.objects.prefetch_related("events"))
    assert 300 <= len(cases) <= 700
    years = Counter(c.received_on.year for c in cases)
    assert years[2024] > 100 and years[2025] > 100 and years[2026] > 50
    outcomes = Counter(e.outcome for c in cases for e in c.events.all() if e.kind in ENDINGS)
    total = sum(outcomes.values())
    share = {k: v / total for k, v in outcomes.items()}
    assert 0.33 <= share["granted"] <= 0.50
    assert 0.10 <= share["partial"] <= 0.20
    assert 0.15 <= share.get("unable_1", 0) + share.get("unable_2", 0) + share.get("unable_3", 0) <= 0.28
    assert 0.04 <= sum(v for k, v in share.items() if k.startswith("refused")) <= 0.12
    assert 0.02 <= sum(v for k, v in share.items() if k.startswith("not_processed")) <= 0.08
    assert 0.04 <= sum(v for k, v in share.items() if k.startswith("other")) <= 0.11
    kinds = Counter(e.kind for c in cases for e in c.events.all())
    for kind in (
        "correction_requested",
        "correction_lapsed",
        "third_party_consultation_started",
        "agency_consultation_started",
        "extension_approved",
        "fee_notified",
        "fee_paid",
        "fee_lapsed",
        "withdrawn",
    ):
        assert kinds[kind] >= 1, kind

    cal = build_calendar()
    qs = Application.objects.all()
    assert len(domain.due_within(qs, cal, TODAY, 3)) >= 3
    assert len(domain.overdue(qs, cal, TODAY)) >= 2
    assert Application.objects.open_on(TODAY).count() >= 6
    assert ReviewCase.objects.count() >= 8

    # personal data never reaches the change log
    summaries = " ".join(ChangeLog.objects.values_list("summary", flat=True))
    assert ChangeLog.objects.count() >= len(cases)
    for case in cases:
        assert case.id_number not in summaries and case.phone not in summaries
        assert case.applicant_name not in summaries, case.applicant_name
