from __future__ import annotations

import pytest

from web.conftest import login, screenshot_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_login_shows_workbench(page, owner, agency_a) -> None:
    login(page, owner)
    assert page.get_by_role("heading", name="工作台").is_visible()
    assert page.get_by_text(agency_a.name).first.is_visible()
    page.screenshot(path=str(screenshot_dir() / "accounts-home.png"), full_page=True)


def test_wrong_password_is_explained(page, owner) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill(owner.username)
    page.get_by_label("密码").fill("wrong")
    page.get_by_role("button", name="登录").click()
    assert page.get_by_role("alert").inner_text().startswith("用户名或密码不正确")
