"""Intake hints: probable repeats, the applicant's monthly volume and 按件 fee tier, catalogue look-up."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from web.applications.hints import catalogue_matches, intake_hints, month_ordinal, similarity
from web.applications.models import Application
from web.applications.tests.domain_fixtures import calendar, make_case, person_id  # noqa: F401

D = dt.date
pytestmark = pytest.mark.django_db


def test_similarity_is_character_based() -> None:
    a = "请公开2024年度区教育局部门预算"
    assert similarity(a, "请公开2024年度区教育局部门预算及三公经费") >= 80
    assert similarity(a, "请公开人民路小区加装电梯的审批材料") < 60
    assert similarity("", a) == 0


def test_probable_repeat_of_the_same_applicant(agency_a, agency_b, calendar) -> None:  # noqa: F811
    first = make_case(agency_a, D(2025, 3, 3), n=1, description="请公开2024年度区教育局部门预算")
    make_case(agency_a, D(2025, 3, 4), n=2, description="请公开2024年度区教育局部门预算")  # another person
    make_case(agency_b, D(2025, 3, 4), n=1, description="请公开2024年度区教育局部门预算")  # another agency
    make_case(agency_a, D(2025, 3, 5), n=1, description="请公开人民路小区加装电梯的审批材料")  # other topic
    again = make_case(agency_a, D(2025, 4, 7), n=1, description="请公开2024年度区教育局部门预算。")
    hints = intake_hints(again)
    assert [h.application.pk for h in hints.repeats] == [first.pk]
    assert hints.repeats[0].score >= 90


def test_monthly_volume_and_fee_tier(agency_a, agency_b, calendar) -> None:  # noqa: F811
    # twelve requests from one person in March 2025, across two agencies (the fee counts per applicant)
    cases = [
        make_case(agency_a if i % 2 else agency_b, D(2025, 3, 3 + i), n=7, description=f"事项{i}") for i in range(12)
    ]
    make_case(agency_a, D(2025, 4, 1), n=7, description="四月的申请")
    assert [month_ordinal(c) for c in cases] == list(range(1, 13))
    hints = intake_hints(cases[10])
    assert hints.month_ordinal == 11 and hints.month_count == 12
    assert hints.per_request_fee == Decimal(100) and hints.beyond_free and not hints.volume_warning
    assert intake_hints(cases[9]).per_request_fee == Decimal(0)


def test_hints_for_an_unsaved_application(agency_a, calendar) -> None:  # noqa: F811
    make_case(agency_a, D(2025, 3, 3), n=3, description="请公开2024年度区教育局部门预算")
    new = Application(
        agency=agency_a,
        applicant_type="natural_person",
        applicant_name="张三",
        id_number=person_id(3),
        description="请公开2024年度区教育局部门预算",
        channel="in_person",
        submitted_on=D(2025, 3, 10),
    )
    hints = intake_hints(new)
    assert len(hints.repeats) == 1 and hints.month_ordinal == 2 and hints.month_count == 2


def test_catalogue_lookup_is_tolerant(agency_a, calendar) -> None:  # noqa: F811
    case = make_case(agency_a, D(2025, 3, 3))
    assert catalogue_matches(case) == []  # nothing published: no hint, no error


def test_catalogue_item_with_the_document_number_is_suggested(agency_a, owner, calendar) -> None:  # noqa: F811
    from web.catalogue.models import Item, Status

    item = Item.objects.create(
        agency=agency_a,
        author=owner,
        category="a01",
        title="关于印发2025年区级部门预算的通知",
        doc_no="清教发〔2025〕12号",
        issuer=agency_a.name,
        formed_on=D(2025, 1, 20),
        status=Status.PUBLISHED,
    )
    case = make_case(agency_a, D(2025, 3, 3))
    Application.objects.filter(pk=case.pk).update(document_number="清教发〔2025〕12号")
    case.refresh_from_db()
    assert catalogue_matches(case) == [item]
    assert intake_hints(case).catalogue == [item]
