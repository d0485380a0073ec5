"""Parser findings: stable `PARSE-…` codes (listed in docs/parsing.md), Chinese messages, source locations."""

from __future__ import annotations

from xxgk.model.report import Finding, Provenance, Severity
from xxgk.parse.document import Fragment


def where(fragment: Fragment | None) -> str:
    """Where a fragment was read, in Chinese: page (PDF), line (text), table/row/column (HTML, DOCX)."""
    if fragment is None:
        return ""
    parts = []
    if fragment.page is not None:
        parts.append(f"第 {fragment.page} 页")
    if fragment.table is not None:
        parts.append(f"表格 {fragment.table}")
        if fragment.row is not None:
            parts.append(f"第 {fragment.row} 行")
        if fragment.column is not None:
            parts.append(f"第 {fragment.column} 列")
    elif fragment.line is not None:
        parts.append(f"第 {fragment.line} 行")
    return "，".join(parts)


def provenance(fragment: Fragment | None, *, raw: str | None = None, label_status: str | None = None) -> Provenance:
    if fragment is None:
        return Provenance(raw=raw, label_status=label_status)
    return Provenance(
        page=fragment.page,
        line=fragment.line,
        table=fragment.table,
        row=fragment.row,
        column=fragment.column,
        raw=raw,
        label_status=label_status,
    )


def finding(
    code: str,
    severity: Severity,
    message: str,
    fragment: Fragment | None = None,
    *,
    cells: tuple[str, ...] = (),
    at: str | None = None,
) -> Finding:
    place = at if at is not None else where(fragment)
    return Finding(code=code, severity=severity, message=message, where=place, cells=cells)
