"""Daily: remind column owners of overdue, empty or soon-due columns (run from cron or a scheduler)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from web.catalogue.reminders import remind_all


class Command(BaseCommand):
    help = "提醒栏目责任人更新超期、空白或即将超期的栏目（已有未处理提醒的栏目不重复提醒）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help="监测日期（YYYY-MM-DD）")

    def handle(self, *args: Any, **options: Any) -> None:
        created = remind_all(options["today"] or timezone.localdate())
        self.stdout.write(f"已发出 {created} 条栏目更新提醒。")
