"""Template filters of the report pages."""

from __future__ import annotations

from django import template

from web.reports.cells import ref_label

register = template.Library()


@register.filter
def cell_label(ref: str) -> str:
    """「table2.total.total」 → 「表二 （七）总计 · 总计」."""
    return ref_label(ref)
