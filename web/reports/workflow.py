"""What happens to a report: compile, edit, override a cell, check, submit, approve, publish, correct.

Every change is logged with `log_change`; the rules run after every change and their error/warning counts
are kept on the row (for the supervisor's board). An error-level finding blocks approval.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from web.accounts.models import Agency, AgencyKind, log_change
from web.reports import cells, compile, narrative, similarity
from web.reports.models import (
    AnnualReport,
    CellOverride,
    ReportOrigin,
    ReportState,
    latest_for,
    previous_published,
)
from xxgk.model import Finding, Report, expected_format
from xxgk.rules import check


def clean_text(text: str) -> str:
    """Typed text as stored: NUL characters (which PostgreSQL text cannot hold) removed, line ends unified."""
    return text.replace("\x00", "").replace("\r\n", "\n")


class WorkflowError(ValidationError):
    """A step that is not allowed in the report's current state (message in Chinese)."""


# --- reading -------------------------------------------------------------------------------------


def previous_report(row: AnnualReport) -> Report | None:
    prev = previous_published(row.agency, row.year)
    return prev.report if prev else None


def copy_comparison(row: AnnualReport) -> similarity.CopiedText:
    others: list[tuple[str, Report]] = []
    prev = previous_report(row)
    if prev is not None:
        others.append(("上年度报告", prev))
    peers = (
        AnnualReport.objects.filter(year=row.year, state=ReportState.PUBLISHED, origin=ReportOrigin.COMPILED)
        .exclude(agency=row.agency)
        .select_related("agency")
    )
    others += [(peer.agency.name, peer.report) for peer in peers]
    from web.reports.sources import part1_lines

    return similarity.copied_text(row.report, others, part1_lines(row.agency, row.year))


def findings(row: AnnualReport) -> list[Finding]:
    """Every rule's findings on the report (cross-year against last year's published report; T2-11 with the
    reports of the agencies below a government), plus the copied-text finding."""
    children: list[Report] = []
    if row.agency.kind == AgencyKind.GOVERNMENT:
        from web.reports.rollup import child_reports_for_check

        children = child_reports_for_check(row.agency, row.year)
        if len(children) == 1:
            children = []  # only its own records: nothing to roll up
    out = check(row.report, previous=previous_report(row), children=children)
    out += placeholders(row.report)
    copied = copy_comparison(row).finding()
    if copied is not None:
        out.append(copied)
    return out


def placeholders(report: Report) -> list[Finding]:
    """Prefilled 「（请填写……）」 left in the text: the report is not finished (blocks approval)."""
    out = []
    for part in report.parts:
        found = narrative.PLACEHOLDER.findall(part.text)
        if found:
            out.append(
                Finding(
                    code="TEXT-01",
                    severity="error",
                    message=f"「{part.heading}」尚有 {len(found)} 处待填写的内容，如{found[0]}",
                    where=f"正文第{part.number}部分",
                    basis="条例第五十条（年度报告应如实、完整报告各项内容）",
                )
            )
    return out


def _recheck(row: AnnualReport) -> list[Finding]:
    found = findings(row)
    row.store_counts(found)
    return found


# --- changes -------------------------------------------------------------------------------------


@transaction.atomic
def start(agency: Agency, year: int, user: Any) -> AnnualReport:
    """Compile version 1 of the `year` report from the records (or return the existing newest version)."""
    existing = latest_for(agency, year)
    if existing is not None:
        return existing
    expected_format(year)  # raises for years before 2019
    prev = previous_published(agency, year)
    row = AnnualReport(agency=agency, year=year, created_by=user)
    row.set_report(compile.compile_report(agency, year, previous=prev.report if prev else None))
    _recheck(row)
    row.save()
    log_change(user, agency, row, "compile", f"由业务记录生成{year}年度报告")
    return row


def _require_draft(row: AnnualReport) -> None:
    if row.state == ReportState.PUBLISHED:
        raise WorkflowError("已公开的报告不得修改；如需更正，请新建更正版本并说明理由。")
    if row.state != ReportState.DRAFT:
        raise WorkflowError(f"报告状态为「{row.get_state_display()}」，只有草稿可以修改，请先退回修改。")


def _apply_overrides(row: AnnualReport, report: Report) -> None:
    for o in row.overrides.filter(active=True).order_by("at", "id"):
        cells.set_cell(report, o.ref, cells.parse_for(report, o.ref, o.value))


@transaction.atomic
def recompile(row: AnnualReport, user: Any) -> None:
    """Refresh the tables from the records, keep the text and re-apply every active override."""
    _require_draft(row)
    fresh = compile.compile_report(row.agency, row.year, previous=previous_report(row))
    fresh.parts = row.report.parts
    fresh.title = row.report.title
    _apply_overrides(row, fresh)
    row.set_report(fresh)
    _recheck(row)
    row.save()
    log_change(user, row.agency, row, "recompile", "按业务记录重新统计表格（保留人工修改）")


@transaction.atomic
def save_text(row: AnnualReport, user: Any, texts: dict[int, str], title: str | None = None) -> None:
    _require_draft(row)
    report = row.report
    changed = []
    for part in report.parts:
        new = texts.get(part.number)
        if new is not None and clean_text(new) != part.text:
            part.text = clean_text(new)
            changed.append(part.heading)
    title = clean_text(title or "").strip()
    if title and title != report.title:
        report.title = title[:200]
        changed.append("标题")
    if not changed:
        return
    row.set_report(report)
    _recheck(row)
    row.save()
    log_change(user, row.agency, row, "edit", "修改正文：" + "、".join(changed))


@transaction.atomic
def override(row: AnnualReport, user: Any, ref: str, text: str, reason: str) -> CellOverride:
    """Replace a computed cell by hand; the reason is required and the computed value is kept."""
    _require_draft(row)
    reason = clean_text(reason)[:1000]
    if not reason.strip():
        raise WorkflowError("修改计算得出的单元格必须说明理由。")
    report = row.report
    try:
        current = cells.get_cell(report, ref)
    except KeyError as exc:
        raise WorkflowError(str(exc.args[0])) from None
    try:
        new_cell = cells.parse_for(report, ref, text)
    except cells.BadCellValue as exc:
        raise WorkflowError(f"{cells.ref_label(ref)}：{exc}") from None
    earlier = row.overrides.filter(ref=ref, active=True).order_by("at", "id").first()
    computed = earlier.computed if earlier else current.display()
    row.overrides.filter(ref=ref, active=True).update(active=False)
    record = CellOverride.objects.create(
        report=row, ref=ref, computed=computed, value=new_cell.display(), reason=reason.strip(), by=user
    )
    cells.set_cell(report, ref, new_cell)
    row.set_report(report)
    _recheck(row)
    row.save()
    log_change(
        user,
        row.agency,
        row,
        "override",
        f"人工修改{cells.ref_label(ref)}：{computed or '空'} → {new_cell.display() or '空'}；理由：{reason.strip()}",
    )
    return record


@transaction.atomic
def revert_override(row: AnnualReport, user: Any, ref: str) -> None:
    _require_draft(row)
    earlier = row.overrides.filter(ref=ref, active=True).first()
    if earlier is None:
        raise WorkflowError(f"{cells.ref_label(ref)}没有人工修改。")
    report = row.report
    cells.set_cell(report, ref, cells.parse_for(report, ref, earlier.computed))
    row.overrides.filter(ref=ref, active=True).update(active=False)
    row.set_report(report)
    _recheck(row)
    row.save()
    log_change(user, row.agency, row, "override_revert", f"撤销人工修改{cells.ref_label(ref)}，恢复为计算值")


def _move(row: AnnualReport, user: Any, to: str, action: str, summary: str) -> None:
    row.state = to
    row.save()
    log_change(user, row.agency, row, action, summary)


@transaction.atomic
def submit(row: AnnualReport, user: Any) -> None:
    if row.state != ReportState.DRAFT:
        raise WorkflowError("只有草稿可以提交审核。")
    _recheck(row)
    _move(row, user, ReportState.REVIEW, "submit", "提交审核")


@transaction.atomic
def send_back(row: AnnualReport, user: Any, note: str = "") -> None:
    if row.state not in (ReportState.REVIEW, ReportState.APPROVED):
        raise WorkflowError("只有待审核或已审批（未公开）的报告可以退回修改。")
    row.approved_by, row.approved_at = None, None
    note = clean_text(note)[:500]
    _move(row, user, ReportState.DRAFT, "send_back", "退回修改" + (f"：{note}" if note else ""))


@transaction.atomic
def approve(row: AnnualReport, user: Any) -> None:
    if row.state != ReportState.REVIEW:
        raise WorkflowError("只有待审核的报告可以审批。")
    found = _recheck(row)
    errors = [f for f in found if f.severity == "error"]
    if errors:
        row.save()
        raise WorkflowError(
            f"报告仍有 {len(errors)} 个错误（如 {errors[0].code}：{errors[0].message}），改正后方可审批。"
        )
    row.approved_by, row.approved_at = user, timezone.now()
    _move(row, user, ReportState.APPROVED, "approve", "审批通过")


@transaction.atomic
def publish(row: AnnualReport, user: Any) -> None:
    if row.state != ReportState.APPROVED:
        raise WorkflowError("只有已审批的报告可以公开。")
    row.published_at = timezone.now()
    late = "（已超过法定公开期限）" if row.published_late() else ""
    _move(row, user, ReportState.PUBLISHED, "publish", f"在门户网站年度报告栏目公开{late}")


@transaction.atomic
def correct(row: AnnualReport, user: Any, reason: str) -> AnnualReport:
    """Start a correction of a published report: a new draft version naming its reason."""
    if row.state != ReportState.PUBLISHED:
        raise WorkflowError("只有已公开的报告需要以新版本更正；未公开的报告可直接退回修改。")
    if not reason.strip():
        raise WorkflowError("更正已公开的报告必须说明更正理由。")
    reason = clean_text(reason)[:2000]
    if hasattr(row, "superseded_by"):
        raise WorkflowError("该版本已有更正版本，请在最新版本上更正。")
    new = AnnualReport(
        agency=row.agency,
        year=row.year,
        version=row.version + 1,
        data=row.data,
        origin=row.origin,
        supersedes=row,
        correction_reason=reason.strip(),
        created_by=user,
    )
    _recheck(new)
    new.save()
    for o in row.overrides.filter(active=True):
        CellOverride.objects.create(report=new, ref=o.ref, computed=o.computed, value=o.value, reason=o.reason, by=o.by)
    log_change(user, row.agency, new, "correct", f"更正第{row.version}版，理由：{reason.strip()}")
    return new


@transaction.atomic
def import_published(agency: Agency, year: int, report: Report, user: Any, filename: str) -> AnnualReport:
    """Keep a report the agency published elsewhere (parsed from its file) as its published `year` report,
    so that next year's compile has last year's figures (T2-06) and problems to carry in."""
    existing = AnnualReport.objects.filter(agency=agency, year=year)
    if existing.filter(origin=ReportOrigin.COMPILED).exists():
        raise WorkflowError(f"{year}年度报告已在本系统编制，无需导入。")
    version = (existing.order_by("-version").values_list("version", flat=True).first() or 0) + 1
    report.agency = report.agency or agency.name
    row = AnnualReport(
        agency=agency,
        year=year,
        version=version,
        state=ReportState.PUBLISHED,
        origin=ReportOrigin.IMPORTED,
        source_name=filename[:200],
        created_by=user,
        published_at=timezone.now(),
    )
    row.set_report(report)
    row.store_counts(check(report))
    row.save()
    log_change(user, agency, row, "import", f"导入已发布的{year}年度报告（{filename}）")
    return row
