"""Reminders to column owners: from the dashboard one at a time, or for every agency by the daily
`remind_columns` command."""

from __future__ import annotations

import datetime as dt
from typing import Any

from web.accounts.models import Agency, log_change
from web.catalogue import columns as monitoring
from web.catalogue.models import Column, Reminder
from web.catalogue.monitor import DUE_SOON, EMPTY, STALE, ColumnStatus


def reminder_text(column: Column, status: ColumnStatus) -> str:
    text = f"栏目「{column.name}」{status.label}"
    if status.last_date:
        text += f"，最近一次更新为 {status.last_date:%Y-%m-%d}"
    if status.state == DUE_SOON and status.due:
        return text + f"，请在 {status.due:%Y-%m-%d} 前更新"
    return text + "，请及时更新"


def remind(column: Column, status: ColumnStatus, sender: Any = None) -> Reminder | None:
    """Create a reminder to the column's owner (None when the column has no owner)."""
    if column.owner is None:
        return None
    text = reminder_text(column, status)
    reminder = Reminder.objects.create(column=column, recipient=column.owner, message=f"{text}。", created_by=sender)
    log_change(sender, column.agency, column, "remind", text)
    return reminder


def remind_all(today: dt.date) -> int:
    """Remind the owners of every overdue, empty or soon-due column that has no open reminder yet."""
    created = 0
    open_ids = set(Reminder.objects.filter(done_at__isnull=True).values_list("column_id", flat=True))
    for agency in Agency.objects.filter(pk__in=Column.objects.values("agency_id")):
        result = monitoring.evaluate(agency, today)
        columns = {c.pk: c for c in Column.objects.filter(agency=agency).select_related("owner", "agency")}
        for status in result.statuses:
            column = columns[status.column.key]
            if status.state in (STALE, EMPTY, DUE_SOON) and column.pk not in open_ids and remind(column, status):
                created += 1
    return created
