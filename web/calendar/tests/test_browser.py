"""The calendar page in Chromium: a clerk reads a year's arrangement and computes a deadline."""

from __future__ import annotations

import pytest

from web.calendar.loader import load_years
from web.conftest import login, screenshot_dir


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_calendar_page_computes_a_deadline(page, owner) -> None:  # type: ignore[no-untyped-def]
    load_years(range(2019, 2027))
    login(page, owner)
    page.goto("/work/calendar/?year=2024")
    assert page.get_by_role("heading", name="2024 年节假日安排").is_visible()
    assert page.get_by_role("cell", name="2月4日").first.is_visible()
    page.get_by_label("起算日（收到之日）").fill("2024-02-01")
    page.get_by_label("工作日数").fill("20")
    page.get_by_role("button", name="计算届满日").click()
    page.wait_for_url("**from=2024-02-01**")
    assert "2024年3月5日" in page.get_by_role("status").last.inner_text()
    page.screenshot(path=str(screenshot_dir() / "calendar-index.png"), full_page=True)
