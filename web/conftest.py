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


# --- browser tests --------------------------------------------------------------------------------
# Playwright for Python drives Debian's chromium (its own browser download cannot be used here).
# Tests marked `browser` get a logged-in or anonymous page against pytest-django's live server.

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    import os
    import shutil

    if not shutil.which(CHROMIUM):
        pytest.skip("chromium is not installed (bin/setup installs it)")
    # Playwright's sync API runs an event loop in this thread; Django's ORM would refuse to run in the
    # test thread while it exists, although nothing here is asynchronous.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as pw:
            chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser, live_server):  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    pg = context.new_page()
    yield pg
    context.close()


def login(page, user, password: str = PASSWORD) -> None:  # type: ignore[no-untyped-def]
    """Log `user` in through the real login form."""
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill(user.username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/work/**")


def screenshot_dir():  # type: ignore[no-untyped-def]
    """Where browser tests leave their screenshots for a person to look at (XXGK_SCREENSHOTS or build/)."""
    import os
    from pathlib import Path

    folder = Path(os.environ.get("XXGK_SCREENSHOTS", Path(__file__).resolve().parent.parent / "build" / "screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
