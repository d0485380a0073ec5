"""Register pages: the permission matrix with the personas and the table-1 page."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from web.conftest import client_for
from web.registers.models import Decision, FeeIncome

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(agency_a):  # type: ignore[no-untyped-def]
    return Decision.objects.create(
        agency=agency_a, kind="penalty", number="罚〔2024〕1号", decided_on=dt.date(2024, 5, 1)
    )


def test_permission_matrix(decision, agency_a, owner, colleague, approver, outsider, supervisor, client) -> None:  # type: ignore[no-untyped-def]
    edit = f"/work/registers/decisions/{decision.pk}/edit/"
    delete = f"/work/registers/decisions/{decision.pk}/delete/"
    assert client.get("/work/registers/").status_code == 302
    for user in (owner, colleague, approver, supervisor):
        assert client_for(user).get(f"/work/registers/decisions/?agency={agency_a.pk}").status_code == 200
    assert client_for(outsider).get(f"/work/registers/decisions/?agency={agency_a.pk}").status_code == 404
    assert client_for(owner).get(edit).status_code == 200
    assert client_for(outsider).get(edit).status_code == 404
    assert client_for(supervisor).get(edit).status_code == 403
    assert client_for(owner).get(delete).status_code == 405
    assert client_for(supervisor).post(delete).status_code == 403
    assert client_for(outsider).post(delete).status_code == 404
    assert client_for(owner).get("/work/registers/unknown/").status_code == 404
    assert client_for(colleague).post(delete).status_code == 302
    assert not Decision.objects.exists()


def test_create_and_list_filters(agency_a, agency_b, owner) -> None:  # type: ignore[no-untyped-def]
    data = {"agency": agency_a.pk, "year": 2024, "item": "计量检定费", "amount": "12.34567"}
    page = client_for(owner).post("/work/registers/fees/new/", data)
    assert page.status_code == 200 and not FeeIncome.objects.exists()  # more than 4 decimal places
    data["amount"] = "12.3456"
    assert client_for(owner).post("/work/registers/fees/new/", data).status_code == 302
    assert FeeIncome.objects.get().amount == Decimal("12.3456")
    assert client_for(owner).post("/work/registers/fees/new/", {**data, "agency": agency_b.pk}).status_code == 200
    assert FeeIncome.objects.count() == 1
    csv = client_for(owner).get("/work/registers/fees/?year=2024&export=csv").content.decode("utf-8-sig")
    assert "计量检定费" in csv and "12.3456" in csv


def test_table1_page_shows_the_format_of_the_year(decision, owner, agency_a) -> None:  # type: ignore[no-untyped-def]
    page = client_for(owner).get(f"/work/registers/?agency={agency_a.pk}&year=2024").content.decode()
    assert "本年处理决定数量" in page and "国办公开办函〔2021〕30号" in page
    page = client_for(owner).get(f"/work/registers/?agency={agency_a.pk}&year=2020").content.decode()
    assert "上一年项目数量" in page and "政府集中采购" in page
    xlsx = client_for(owner).get(f"/work/registers/?agency={agency_a.pk}&year=2024&export=xlsx")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
