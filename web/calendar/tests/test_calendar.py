from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from web.calendar.adapter import build_calendar, loaded_years
from web.calendar.models import CalendarDay, DayKind, HolidayYear
from web.conftest import client_for
from xxgk.workdays import CalendarYearMissing

pytestmark = pytest.mark.django_db


def test_load_calendar_command_is_idempotent_and_exact() -> None:
    call_command("load_calendar", verbosity=0)
    years = loaded_years()
    assert years[0] == 2019 and 2026 in years
    count = CalendarDay.objects.count()
    call_command("load_calendar", verbosity=0)
    assert CalendarDay.objects.count() == count
    feb4 = CalendarDay.objects.get(date=dt.date(2024, 2, 4))
    assert feb4.kind == DayKind.MAKEUP_WORKDAY and feb4.name == "春节"
    assert CalendarDay.objects.get(date=dt.date(2024, 10, 1)).name == "国庆节"


def test_unknown_year_is_refused_by_the_command() -> None:
    with pytest.raises(CommandError, match="2099"):
        call_command("load_calendar", "2099", verbosity=0)


def test_adapter_builds_the_core_calendar_and_fails_for_missing_years() -> None:
    call_command("load_calendar", "2024", "2025", verbosity=0)
    cal = build_calendar()
    assert cal.is_workday(dt.date(2024, 2, 18))
    assert not cal.is_workday(dt.date(2024, 2, 12))
    assert cal.add_working_days(dt.date(2024, 2, 1), 20) == dt.date(2024, 3, 5)
    with pytest.raises(CalendarYearMissing, match="2026 年节假日安排尚未录入"):
        cal.is_workday(dt.date(2026, 1, 5))


def test_admin_entered_year_is_used() -> None:
    # an arrangement entered by hand (as an administrator would for a year the package does not know yet)
    year = HolidayYear.objects.create(year=2027, source="国务院办公厅关于2027年部分节假日安排的通知")
    CalendarDay.objects.create(year=year, date=dt.date(2027, 1, 1), kind=DayKind.HOLIDAY, name="元旦")
    CalendarDay.objects.create(year=year, date=dt.date(2027, 2, 7), kind=DayKind.MAKEUP_WORKDAY, name="春节")
    cal = build_calendar()
    assert not cal.is_workday(dt.date(2027, 1, 1))
    assert cal.is_workday(dt.date(2027, 2, 7))  # a Sunday


def test_replace_restores_a_corrupted_year() -> None:
    call_command("load_calendar", "2024", verbosity=0)
    CalendarDay.objects.filter(date=dt.date(2024, 2, 4)).delete()
    assert not build_calendar().is_workday(dt.date(2024, 2, 4))
    call_command("load_calendar", "2024", "--replace", verbosity=0)
    assert build_calendar().is_workday(dt.date(2024, 2, 4))


def test_index_page(owner) -> None:  # type: ignore[no-untyped-def]
    call_command("load_calendar", "2024", verbosity=0)
    client = client_for(owner)
    page = client.get(reverse("calendar:index"), {"year": 2024})
    assert page.status_code == 200
    html = page.content.decode()
    assert "2024 年节假日安排" in html and "春节" in html and "2月4日" in html
    # the current year (machine date) is not loaded here: the warning says so
    assert "节假日安排尚未录入" in html
    calc = client.get(reverse("calendar:index"), {"year": 2024, "from": "2024-02-01", "days": "20"})
    assert "2024年3月5日" in calc.content.decode()
    missing = client.get(reverse("calendar:index"), {"from": "2031-02-01", "days": "20"})
    assert "2031 年节假日安排尚未录入" in missing.content.decode()


def test_index_requires_login_and_get(client, owner) -> None:  # type: ignore[no-untyped-def]
    assert client.get(reverse("calendar:index")).status_code == 302
    assert client_for(owner).post(reverse("calendar:index")).status_code == 405
