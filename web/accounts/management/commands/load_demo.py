"""Load the demo organisation and each app's demo records (idempotent: a second run changes nothing)."""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone

from web.accounts import demo

# Apps whose `demo.load(ctx)` fills in their records, in dependency order.
DEMO_APPS = ("calendar", "catalogue", "registers", "applications", "reports", "audits")


class Command(BaseCommand):
    help = "载入演示数据：清河区人民政府及其部门、街道、人员和业务记录。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help="演示数据的“今天”（YYYY-MM-DD）")

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["today"] or timezone.localdate()
        with transaction.atomic():
            already = demo.Agency.objects.filter(name=demo.DEMO_GOVERNMENT).exists()
            ctx = demo.load(today)
            if already:
                self.stdout.write("演示数据已存在，未重复载入。")
                return
            for app in DEMO_APPS:
                try:
                    module = importlib.import_module(f"web.{app}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"web.{app}.demo":
                        raise
                    continue
                module.load(ctx)
        self.stdout.write(
            self.style.SUCCESS(f"演示数据已载入。登录账号：banli / shenpi / jiandu / jiaoyu，密码 {demo.DEMO_PASSWORD}")
        )
