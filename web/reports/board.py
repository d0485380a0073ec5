"""The supervisor's status board: every agency's report for a year, and whether it is late.

Lateness is derived from the deadline (条例第四十九条: departments 31 January, governments 31 March of the
next year) and `today`; it is never stored.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from django.http import HttpResponse
from django.utils import timezone

from web.accounts.models import Agency
from web.accounts.permissions import visible_agencies
from web.reports.models import AnnualReport, ReportState, deadline_for

STATUS_LABELS: dict[str, str] = {
    "not_started": "未编制",
    "draft": "草稿",
    "review": "待审核",
    "approved": "已审批",
    "published": "已公开",
    "late": "逾期未公开",
}
BADGE = {"not_started": "muted", "draft": "warn", "review": "warn", "approved": "ok", "published": "ok", "late": "err"}
REMIND_DAYS = 30  # reminders start a month before the deadline


@dataclass(frozen=True, slots=True)
class Status:
    code: str
    deadline: dt.date
    days_left: int
    published_late: bool = False

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.code]

    @property
    def badge(self) -> str:
        return BADGE[self.code]

    @property
    def reminder(self) -> str:
        """A reminder sentence for pages, or "" when none is due."""
        if self.code == "published":
            return "已逾期公开" if self.published_late else ""
        if self.days_left < 0:
            return f"已超过公开期限 {-self.days_left} 天（期限 {self.deadline:%Y年%m月%d日}）"
        if self.days_left <= REMIND_DAYS:
            return f"距公开期限还有 {self.days_left} 天（{self.deadline:%Y年%m月%d日}）"
        return ""


def status_of(agency: Agency, year: int, row: AnnualReport | None, today: dt.date) -> Status:
    deadline = deadline_for(agency, year)
    days = (deadline - today).days
    if row is not None and (row.state == ReportState.PUBLISHED or (row.supersedes_id and _ever_published(row))):
        first = (
            AnnualReport.objects.filter(agency=agency, year=year, state=ReportState.PUBLISHED)
            .order_by("version")
            .first()
        )
        late = bool(first and first.published_at and timezone.localdate(first.published_at) > deadline)
        return Status("published", deadline, days, late)
    if days < 0:
        return Status("late", deadline, days)
    return Status(row.state if row is not None else "not_started", deadline, days)


def _ever_published(row: AnnualReport) -> bool:
    return AnnualReport.objects.filter(agency=row.agency, year=row.year, state=ReportState.PUBLISHED).exists()


@dataclass(frozen=True, slots=True)
class Line:
    agency: Agency
    row: AnnualReport | None
    status: Status
    draft_state: str  # the newest version's state label ("" when not started)


def board(user: Any, year: int, today: dt.date) -> list[Line]:
    agencies = list(visible_agencies(user).select_related("parent").order_by("parent_id", "kind", "name"))
    newest: dict[int, AnnualReport] = {}
    for r in AnnualReport.objects.filter(agency__in=agencies, year=year).order_by("agency_id", "version"):
        newest[r.agency_id] = r
    lines = []
    for agency in agencies:
        row = newest.get(agency.pk)
        lines.append(Line(agency, row, status_of(agency, year, row, today), row.get_state_display() if row else ""))
    return lines


def count_by_status(lines: list[Line]) -> list[tuple[str, str, int]]:
    return [
        (code, label, sum(1 for line in lines if line.status.code == code)) for code, label in STATUS_LABELS.items()
    ]


def export_xlsx(lines: list[Line], year: int) -> HttpResponse:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet(f"{year}年度报告进度")
    bold = book.add_format({"bold": True})
    head = ["机关", "类型", "状态", "当前版本状态", "公开期限", "错误", "警告", "公开时间"]
    sheet.write_row(0, 0, head, bold)
    for i, line in enumerate(lines, start=1):
        row = line.row
        sheet.write_row(
            i,
            0,
            [
                line.agency.name,
                line.agency.get_kind_display(),
                line.status.label + ("（逾期公开）" if line.status.published_late else ""),
                line.draft_state,
                f"{line.status.deadline:%Y-%m-%d}",
                row.error_count if row else "",
                row.warning_count if row else "",
                f"{timezone.localtime(row.published_at):%Y-%m-%d %H:%M}" if row and row.published_at else "",
            ],
        )
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 7, 14)
    book.close()
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f"attachment; filename=board-{year}.xlsx"
    return response
