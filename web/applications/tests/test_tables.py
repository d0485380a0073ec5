"""tables_for: year attribution, outcome rows per format, applicant columns, table 3 with T3-03, the
arithmetic rules of the core, and a query count independent of the number of cases."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from web.applications import domain
from web.applications.choices import AgencyRole, ApplicantType, Outcome, ReviewResult, ReviewRoute
from web.applications.models import ReviewCase
from web.applications.tables import fees_for, row_for, tables_for
from web.applications.tests.domain_fixtures import calendar, make_case  # noqa: F401
from xxgk.model import from_dict, get_format
from xxgk.rules import check

D = dt.date
pytestmark = pytest.mark.django_db
ARITHMETIC = {"T2-01", "T2-02", "T2-03", "T3-01"}


def arithmetic_findings(agency: Any, year: int, tables: dict[str, Any]) -> list[str]:
    fmt = "2019" if year <= 2020 else "2021"
    report = from_dict({"year": year, "agency": agency.name, "format": fmt, **tables})
    return [f"{f.code} {f.message}" for f in check(report) if f.code in ARITHMETIC]


def test_year_attribution(agency_a, owner, calendar) -> None:  # noqa: F811
    across = make_case(agency_a, D(2024, 12, 20), n=1)
    domain.decide(across, owner, Outcome.GRANTED, "", D(2025, 1, 6))
    within = make_case(agency_a, D(2024, 3, 1), n=2, applicant_type=ApplicantType.LEGAL_SERVICE)
    domain.decide(within, owner, Outcome.UNABLE_1, "", D(2024, 3, 20))
    still_open = make_case(agency_a, D(2024, 11, 4), n=3, applicant_type=ApplicantType.COMMERCIAL)

    t24 = tables_for(agency_a, 2024)["table2"]
    assert t24["new"] == [1, 1, 0, 0, 1, 0, 3]
    assert t24["carried_over"] == [0] * 7
    assert t24["unable_1"] == [0, 0, 0, 0, 1, 0, 1]
    assert t24["total"] == [0, 0, 0, 0, 1, 0, 1]
    assert t24["carry_forward"] == [1, 1, 0, 0, 0, 0, 2]

    t25 = tables_for(agency_a, 2025)["table2"]
    assert t25["new"] == [0] * 7
    assert t25["carried_over"] == [1, 1, 0, 0, 0, 0, 2]
    assert t25["granted"] == [1, 0, 0, 0, 0, 0, 1]
    assert t25["carry_forward"] == [0, 1, 0, 0, 0, 0, 1]
    for year in (2024, 2025):
        assert arithmetic_findings(agency_a, year, tables_for(agency_a, year)) == []
    assert still_open.state == "in_progress"


def test_2019_layout_puts_every_other_outcome_in_one_row(agency_a, owner, calendar) -> None:  # noqa: F811
    lapsed = make_case(agency_a, D(2020, 5, 6), n=1)
    domain.request_correction(lapsed, owner, ["文号"], D(2020, 5, 7), period_days=5, calendar=calendar)
    domain.lapse_correction(lapsed, owner, D(2020, 5, 20), calendar=calendar)
    withdrawn = make_case(agency_a, D(2020, 6, 1), n=2)
    domain.withdraw(withdrawn, owner, D(2020, 6, 2))
    other = make_case(agency_a, D(2020, 7, 1), n=3)
    domain.decide(other, owner, Outcome.OTHER, "", D(2020, 7, 2))
    t = tables_for(agency_a, 2020)["table2"]
    assert list(t) == list(get_format("2019").table2_keys)
    assert t["other"] == [3, 0, 0, 0, 0, 0, 3]
    assert "other_1" not in t
    assert arithmetic_findings(agency_a, 2020, tables_for(agency_a, 2020)) == []


def test_2021_layout_splits_other(agency_a, owner, calendar) -> None:  # noqa: F811
    lapsed = make_case(agency_a, D(2021, 5, 6), n=1)
    domain.request_correction(lapsed, owner, ["文号"], D(2021, 5, 7), period_days=5, calendar=calendar)
    domain.lapse_correction(lapsed, owner, D(2021, 5, 24), calendar=calendar)
    withdrawn = make_case(agency_a, D(2021, 6, 1), n=2, applicant_type=ApplicantType.RESEARCH)
    domain.withdraw(withdrawn, owner, D(2021, 6, 2))
    t = tables_for(agency_a, 2021)["table2"]
    assert list(t) == list(get_format("2021").table2_keys)
    assert t["other_1"] == [1, 0, 0, 0, 0, 0, 1]
    assert t["other_3"] == [0, 0, 1, 0, 0, 0, 1]
    assert t["other_2"] == [0] * 7


def test_row_mapping() -> None:
    assert row_for("other_2", "2019") == "other"
    assert row_for("other", "2021") == "other_3"
    assert row_for("refused_4", "2019") == "refused_4"


def test_table3_counts_routes_results_and_t3_03(agency_a, agency_b) -> None:
    def review(
        agency: Any, route: str, filed: dt.date, concluded: dt.date | None, result: str, role: str = AgencyRole.ORIGINAL
    ) -> None:
        ReviewCase.objects.create(
            agency=agency, route=route, filed_on=filed, concluded_on=concluded, result=result, agency_role=role
        )

    review(agency_a, ReviewRoute.REVIEW, D(2024, 3, 1), D(2024, 5, 1), ReviewResult.UPHELD)
    review(agency_a, ReviewRoute.REVIEW, D(2024, 9, 1), D(2025, 2, 1), ReviewResult.CORRECTED)  # pending at end 2024
    review(agency_a, ReviewRoute.DIRECT, D(2024, 10, 1), None, ReviewResult.PENDING)
    review(agency_a, ReviewRoute.AFTER_REVIEW, D(2024, 4, 1), D(2024, 8, 1), ReviewResult.OTHER)
    review(
        agency_a,
        ReviewRoute.AFTER_REVIEW,
        D(2024, 4, 1),
        D(2024, 8, 1),
        ReviewResult.UPHELD,
        AgencyRole.REVIEW_BODY_CODEFENDANT,
    )
    review(agency_b, ReviewRoute.REVIEW, D(2024, 4, 1), D(2024, 8, 1), ReviewResult.UPHELD)
    review(agency_a, ReviewRoute.REVIEW, D(2023, 4, 1), D(2023, 8, 1), ReviewResult.UPHELD)  # earlier year
    t24 = tables_for(agency_a, 2024)["table3"]
    assert t24 == [1, 0, 0, 1, 2, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1]
    t25 = tables_for(agency_a, 2025)["table3"]
    assert t25 == [0, 1, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]


def test_query_count_does_not_grow_with_cases(agency_a, owner, calendar, django_assert_max_num_queries) -> None:  # noqa: F811
    for i in range(12):
        case = make_case(agency_a, D(2024, 3, 1) + dt.timedelta(days=i), n=i)
        if i % 2:
            domain.decide(case, owner, Outcome.GRANTED, "", D(2024, 4, 1))
    with django_assert_max_num_queries(6):
        tables_for(agency_a, 2024)


def test_fees_for(agency_a, owner, calendar) -> None:  # noqa: F811
    case = make_case(agency_a, D(2025, 3, 3))
    domain.notify_fee(case, owner, "per_page", D(2025, 3, 5), quantity=150)
    other = make_case(agency_a, D(2025, 3, 3), n=2)
    domain.notify_fee(other, owner, "per_page", D(2025, 3, 5), quantity=40)
    domain.record_fee_paid(case, owner, D(2025, 3, 10))
    assert fees_for(agency_a, 2025) == {"notices": 2, "notified": Decimal(1800), "collected": Decimal(1700)}
