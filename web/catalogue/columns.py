"""The timeliness monitor over the database: column histories of an agency, evaluated at a date."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.conf import settings

from web.accounts.models import Agency
from web.catalogue import monitor
from web.catalogue.models import Column, Item, Status


def thresholds() -> monitor.Thresholds:
    """§F.2 defaults, overridden by the `XXGK_TIMELINESS` setting (a dict) where a deployment sets it."""
    return monitor.Thresholds.from_settings(getattr(settings, "XXGK_TIMELINESS", None))


def histories(agency: Agency) -> list[monitor.ColumnHistory]:
    dates: dict[int, list[dt.date]] = defaultdict(list)
    rows = Item.objects.filter(column__agency=agency, status=Status.PUBLISHED, published_on__isnull=False)
    for column_id, published_on in rows.values_list("column_id", "published_on"):
        dates[column_id].append(published_on)
    return [
        monitor.ColumnHistory(
            key=c.pk, name=c.name, column_type=c.column_type, top_level=c.top_level, dates=dates[c.pk]
        )
        for c in Column.objects.filter(agency=agency)
    ]


def evaluate(agency: Agency, at: dt.date) -> monitor.MonitorResult:
    return monitor.evaluate(histories(agency), at, thresholds())


def histories_for_column(column: Column) -> monitor.ColumnHistory:
    dates = Item.objects.filter(column=column, status=Status.PUBLISHED, published_on__isnull=False).values_list(
        "published_on", flat=True
    )
    return monitor.ColumnHistory(
        key=column.pk, name=column.name, column_type=column.column_type, top_level=column.top_level, dates=list(dates)
    )
