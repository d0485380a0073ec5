from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from web.catalogue.models import Column, ColumnType, Item
from web.catalogue.timeliness import forget_calendar


@pytest.fixture(autouse=True)
def fresh_calendar() -> Any:
    # Test transactions roll back without signals: never reuse a calendar built in another test.
    forget_calendar()
    yield
    forget_calendar()


@pytest.fixture
def workdays(db: Any) -> None:
    from web.calendar.loader import load_years

    load_years([2024, 2025, 2026])
    forget_calendar()


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def column(agency_a: Any, owner: Any) -> Column:
    return Column.objects.create(agency=agency_a, name="通知公告", column_type=ColumnType.NOTICE, owner=owner)


def make_item(agency: Any, author: Any, **extra: Any) -> Item:
    fields: dict[str, Any] = {
        "category": "a01",
        "title": "关于做好防汛工作的通知",
        "issuer": agency.name,
        "formed_on": dt.date(2025, 9, 26),
    }
    fields.update(extra)
    return Item.objects.create(agency=agency, author=author, **fields)
