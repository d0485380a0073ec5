"""Fixtures shared by the tests of the application pages: a loaded working-day calendar and cases
registered through the domain API (never by writing rows directly)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from web.accounts.models import Agency
from web.applications import domain
from web.applications.choices import ApplicantType, DeliveryChannel, FormWanted, ReceiptChannel
from web.applications.models import Application
from web.calendar.loader import load_years

PERSON_ID = "11010519491231002X"
PERSON_ID_2 = "440300199003071234"
ORG_CODE = "91110000600037341L"


@pytest.fixture
def calendar_years(db: Any) -> None:
    load_years(range(2019, 2027))


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def register_case(
    agency: Agency,
    received_on: dt.date,
    *,
    actor: Any = None,
    id_number: str = PERSON_ID,
    name: str = "张三",
    applicant_type: str = ApplicantType.NATURAL_PERSON,
    description: str = "请公开2025年度本局部门预算及“三公”经费预算",
    handler: Any = None,
) -> Application:
    case = Application(
        agency=agency,
        applicant_type=applicant_type,
        applicant_name=name,
        id_number=id_number,
        phone="13800138000",
        email="zhang@example.cn",
        address="江州市清河区人民路1号",
        description=description,
        form_wanted=FormWanted.PAPER,
        delivery_wanted=DeliveryChannel.POST,
        channel=ReceiptChannel.IN_PERSON,
        submitted_on=received_on,
        handler=handler,
    )
    domain.register(case, actor)
    return case
