from __future__ import annotations

import pytest
from django.core.management import call_command

from web.accounts.models import Agency, AgencyKind
from web.accounts.permissions import can_act, can_approve, can_view, visible_agency_ids
from web.conftest import client_for, make_user

pytestmark = pytest.mark.django_db


def test_staff_see_only_their_agency(owner, agency_a, agency_b, government) -> None:
    assert visible_agency_ids(owner) == {agency_a.pk}
    assert can_view(owner, agency_a) and not can_view(owner, agency_b) and not can_view(owner, government)
    assert can_act(owner, agency_a) and not can_act(owner, agency_b)
    assert not can_approve(owner, agency_a)


def test_supervisor_sees_whole_subtree_but_does_not_act(supervisor, government, agency_a, agency_b) -> None:
    grandchild = Agency.objects.create(name="测试区某街道某社区", kind=AgencyKind.OTHER, parent=agency_a)
    assert visible_agency_ids(supervisor) == {government.pk, agency_a.pk, agency_b.pk, grandchild.pk}
    assert not can_act(supervisor, agency_a)


def test_approver_can_approve_own_agency_only(approver, agency_a, agency_b) -> None:
    assert can_approve(approver, agency_a) and not can_approve(approver, agency_b)


def test_superuser_sees_everything(agency_a, agency_b) -> None:
    admin = make_user("root")
    admin.is_superuser = True
    admin.save()
    assert visible_agency_ids(admin) is None
    assert can_act(admin, agency_b)


def test_home_requires_login_and_lists_visible_agencies(client, owner, agency_a, agency_b) -> None:
    assert client.get("/work/").status_code == 302
    page = client_for(owner).get("/work/").content.decode()
    assert agency_a.name in page and agency_b.name not in page


def test_no_missing_migrations() -> None:
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_demo_loads_idempotently() -> None:
    call_command("load_demo", "--today", "2026-01-15", verbosity=0)
    count = Agency.objects.count()
    call_command("load_demo", "--today", "2026-01-15", verbosity=0)
    assert Agency.objects.count() == count >= 11
