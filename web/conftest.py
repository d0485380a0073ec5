"""Shared fixtures for the web tests: three personas and their agencies (design.md §4).

- `agency_a`: a department under `government`; `owner` and `colleague` are its staff, `approver` its head;
- `agency_b`: another department; `outsider` is its staff;
- `supervisor`: 政务公开办 at `government`, sees both departments.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from web.accounts.models import Agency, AgencyKind, Membership, Role

PASSWORD = "pw-for-tests-only"


def make_user(username: str, agency: Agency | None = None, role: str = Role.STAFF):  # type: ignore[no-untyped-def]
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, first_name=username)
    if agency is not None:
        Membership.objects.create(user=user, agency=agency, role=role)
    return user


@pytest.fixture
def government(db) -> Agency:  # type: ignore[no-untyped-def]
    return Agency.objects.create(name="测试区人民政府", kind=AgencyKind.GOVERNMENT)


@pytest.fixture
def agency_a(government: Agency) -> Agency:
    return Agency.objects.create(name="测试区教育局", kind=AgencyKind.DEPARTMENT, parent=government)


@pytest.fixture
def agency_b(government: Agency) -> Agency:
    return Agency.objects.create(name="测试区财政局", kind=AgencyKind.DEPARTMENT, parent=government)


@pytest.fixture
def owner(agency_a: Agency):  # type: ignore[no-untyped-def]
    return make_user("owner", agency_a, Role.STAFF)


@pytest.fixture
def colleague(agency_a: Agency):  # type: ignore[no-untyped-def]
    return make_user("colleague", agency_a, Role.STAFF)


@pytest.fixture
def approver(agency_a: Agency):  # type: ignore[no-untyped-def]
    return make_user("approver", agency_a, Role.APPROVER)


@pytest.fixture
def outsider(agency_b: Agency):  # type: ignore[no-untyped-def]
    return make_user("outsider", agency_b, Role.STAFF)


@pytest.fixture
def supervisor(government: Agency):  # type: ignore[no-untyped-def]
    return make_user("supervisor", government, Role.SUPERVISOR)


def client_for(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client
