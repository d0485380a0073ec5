"""The core's table layout (`xxgk.render.layout`) prepared for a Django template: one dict per visible cell."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from web.reports.cells import ref_label
from xxgk.model import Finding
from xxgk.render.layout import Grid, Section


def grid_rows(
    grid: Grid, overridden: Mapping[str, Any], flagged: Mapping[str, Finding], editable: bool
) -> list[list[dict[str, Any]]]:
    rows = []
    for row in grid.rows:
        out = []
        for cell in row:
            classes = []
            title = ""
            if cell.role == "value":
                classes.append("num")
                if cell.ref in overridden:
                    classes.append("overridden")
                    o = overridden[cell.ref]
                    title = f"人工修改：计算值 {o.computed or '空'}，理由：{o.reason}"
                if cell.ref in flagged:
                    classes.append("flagged")
                    f = flagged[cell.ref]
                    title = (title + "；" if title else "") + f"{f.code}：{f.message}"
                if cell.cell is not None and cell.cell.is_blank:
                    classes.append("blank")
            out.append(
                {
                    "tag": "td" if cell.role in ("value", "note") else "th",
                    "text": cell.text,
                    "rowspan": cell.rowspan,
                    "colspan": cell.colspan,
                    "ref": cell.ref or "",
                    "label": ref_label(cell.ref) if cell.ref else "",
                    "classes": " ".join(classes + ([cell.role] if cell.role != "value" else [])),
                    "title": title,
                    "link": editable and cell.role == "value" and bool(cell.ref),
                }
            )
        rows.append(out)
    return rows


def part_paragraphs(section: Section) -> list[str]:
    return list(section.paragraphs)
