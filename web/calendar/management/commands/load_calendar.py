"""Load the State Council holiday arrangements from `chinesecalendar` into the calendar tables."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from web.calendar.loader import FIRST_YEAR, load_years
from xxgk.workdays import seed


class Command(BaseCommand):
    help = "从 chinesecalendar 载入 2019 年起的国务院节假日安排（已有年份默认不覆盖）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "years", nargs="*", type=int, help="只载入这些年份（默认：2019 年至 chinesecalendar 已知的最后一年）"
        )
        parser.add_argument("--replace", action="store_true", help="覆盖已录入的年份")

    def handle(self, *args: Any, **options: Any) -> None:
        known = seed.known_years()
        years = options["years"] or [y for y in known if y >= FIRST_YEAR]
        unknown = [y for y in years if y not in known]
        if unknown:
            raise CommandError(f"chinesecalendar 不含 {unknown[0]} 年的节假日安排，请在管理后台手工录入")
        written = load_years(years, replace=options["replace"])
        skipped = sorted(set(years) - set(written))
        self.stdout.write(f"已载入：{'、'.join(map(str, written)) or '无'}")
        if skipped:
            self.stdout.write(f"已存在未覆盖：{'、'.join(map(str, skipped))}（如需覆盖请加 --replace）")
