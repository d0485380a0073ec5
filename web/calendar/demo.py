"""Demo data: the holiday arrangements 2019 to the last year `chinesecalendar` knows."""

from __future__ import annotations

from typing import Any

from web.calendar.loader import load_years


def load(ctx: Any) -> None:
    load_years()
