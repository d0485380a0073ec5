"""What the report is compiled from: the other apps' records, asked through their published functions.

- `web.applications.tables.tables_for(agency, year)` → {"table2": {row: [7]}, "table3": [15]}
- `web.registers.tables.table1_for(agency, year)` → {table-1 key: value}
- `web.applications.tables.fees_for(agency, year)` → {"notices": n, "notified": 元, "collected": 元}
- `web.registers.figures.part1_figures(agency, year).sentences()` → part-1 sentences (catalogue, channels,
  activities)

An app that is not installed (or has no such function) contributes nothing: its cells stay blank (never 0),
which the rules then flag, so a missing source is visible rather than silently counted as zero.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from web.accounts.models import Agency


def _function(module: str, name: str) -> Callable[..., Any] | None:
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name is not None and module.startswith(exc.name):
            return None
        raise
    func = getattr(mod, name, None)
    return func if callable(func) else None


def application_tables(agency: Agency, year: int) -> dict[str, Any] | None:
    func = _function("web.applications.tables", "tables_for")
    return func(agency, year) if func else None


def table1_values(agency: Agency, year: int) -> dict[str, Any] | None:
    func = _function("web.registers.tables", "table1_for")
    return func(agency, year) if func else None


@dataclass(frozen=True, slots=True)
class Fees:
    """信息处理费 of a year (国办函〔2020〕109号): notices issued, amount notified, amount collected (元)."""

    notices: int
    notified: Decimal
    collected: Decimal


def fees(agency: Agency, year: int) -> Fees | None:
    func = _function("web.applications.tables", "fees_for")
    if func is None:
        return None
    raw = func(agency, year)
    if raw is None:
        return None
    if isinstance(raw, Fees):
        return raw
    get = raw.get if isinstance(raw, dict) else lambda k, d=None: getattr(raw, k, d)
    return Fees(
        notices=int(get("notices", 0) or 0),
        notified=Decimal(str(get("notified", 0) or 0)),
        collected=Decimal(str(get("collected", 0) or 0)),
    )


def part1_lines(agency: Agency, year: int) -> list[str]:
    """Sentences quoting the catalogue, channel and activity figures of the year (registers app), or []."""
    func = _function("web.registers.figures", "part1_figures")
    if func is None:
        return []
    return [str(line) for line in func(agency, year).sentences()]
