"""Helpers for the domain tests: a loaded calendar and cases registered through the domain API."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from web.accounts.models import Agency
from web.applications import domain
from web.applications.choices import ApplicantType, ReceiptChannel
from web.applications.models import Application
from web.calendar.adapter import build_calendar
from web.calendar.loader import load_years
from xxgk.identifiers import id_check_digit, uscc_check_char
from xxgk.workdays import WorkdayCalendar


@pytest.fixture
def calendar(db: Any) -> WorkdayCalendar:
    load_years(range(2019, 2027))
    return build_calendar()


def person_id(n: int) -> str:
    body = f"32010219{80 + n % 20:02d}0{1 + n % 9}1{n % 10}{n % 1000:03d}"
    return body + id_check_digit(body)


def org_code(n: int) -> str:
    body = f"91320100MA{n:07d}"[:17]
    return body + uscc_check_char(body)


def make_case(
    agency: Agency,
    received_on: dt.date,
    *,
    applicant_type: str = ApplicantType.NATURAL_PERSON,
    n: int = 1,
    description: str = "请公开2024年度区教育局部门预算",
    actor: Any = None,
) -> Application:
    natural = applicant_type == ApplicantType.NATURAL_PERSON
    case = Application(
        agency=agency,
        applicant_type=applicant_type,
        applicant_name="张三" if natural else "江州某某科技有限公司",
        id_number=person_id(n) if natural else org_code(n),
        description=description,
        channel=ReceiptChannel.IN_PERSON,
        submitted_on=received_on,
    )
    case.full_clean(exclude=["tracking_number", "received_on"])
    domain.register(case, actor)
    return case
