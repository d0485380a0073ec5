"""Report pages: thin views (permission helper → one domain call → redirect)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from web.accounts.models import Agency, AgencyKind, ChangeLog
from web.accounts.permissions import (
    can_act,
    can_approve,
    can_view,
    get_visible_or_404,
    is_supervisor,
    own_agency_ids,
    require_act,
    require_approve,
    visible_agencies,
)
from web.reports import board as board_mod
from web.reports import cells, rollup, workflow
from web.reports.display import grid_rows, part_paragraphs
from web.reports.forms import CompileForm, CorrectForm, ImportForm, OverrideForm
from web.reports.models import AnnualReport, ReportState, deadline_for
from xxgk.render import FORMAT_NAMES, MEDIA_TYPES
from xxgk.render import render as render_report
from xxgk.render.layout import build_layout

DOWNLOADS = ("docx", "pdf", "html", "xlsx")


def _year(request: HttpRequest) -> int:
    default = timezone.localdate().year - 1
    try:
        year = int(request.GET.get("year", default))
    except ValueError:
        return default
    return year if 2019 <= year <= 2100 else default


def _acting_agencies(user: Any) -> Any:
    if getattr(user, "is_superuser", False):
        return Agency.objects.all()
    return Agency.objects.filter(pk__in=own_agency_ids(user))


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The clerk's start page: this year's report of each own agency, with its deadline and reminder."""
    year = _year(request)
    today = timezone.localdate()
    own = []
    for agency in _acting_agencies(request.user):
        row = AnnualReport.objects.filter(agency=agency, year=year).order_by("-version").first()
        status = board_mod.status_of(agency, year, row, today)
        own.append({"agency": agency, "row": row, "status": status, "deadline": deadline_for(agency, year)})
    reports = (
        AnnualReport.objects.visible_to(request.user)
        .latest_versions()
        .select_related("agency")
        .order_by("-year", "agency__name")
    )
    agency_filter = request.GET.get("agency", "")
    if agency_filter.isdecimal() and len(agency_filter) < 12:
        reports = reports.filter(agency_id=int(agency_filter))
    state_filter = request.GET.get("state", "")
    if state_filter in ReportState.values:
        reports = reports.filter(state=state_filter)
    return render(
        request,
        "reports/index.html",
        {
            "year": year,
            "years": range(today.year, 2018, -1),
            "own": own,
            "reports": reports[:200],
            "agencies": visible_agencies(request.user),
            "states": ReportState.choices,
            "agency_filter": agency_filter,
            "state_filter": state_filter,
            "supervisor": is_supervisor(request.user),
            "compile_form": CompileForm(agencies=_acting_agencies(request.user), initial={"year": year}),
        },
    )


@login_required
@require_POST
def compile_view(request: HttpRequest) -> HttpResponse:
    form = CompileForm(request.POST, agencies=Agency.objects.all())
    if not form.is_valid():
        messages.error(request, "请选择机关并填写 2019 年以后的报告年度。")
        return redirect("reports:index")
    agency = form.cleaned_data["agency"]
    if not can_view(request.user, agency):
        raise Http404("未找到该机关")
    require_act(request.user, agency)
    row = workflow.start(agency, form.cleaned_data["year"], request.user)
    messages.success(request, f"已由业务记录生成{row}。请核对表格、完善正文后提交审核。")
    return redirect("reports:detail", pk=row.pk)


def _row(request: HttpRequest, pk: int) -> AnnualReport:
    row: AnnualReport = get_visible_or_404(AnnualReport.objects.select_related("agency"), request.user, pk=pk)
    return row


@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    row = _row(request, pk)
    report = row.report
    found = workflow.findings(row)
    copied = workflow.copy_comparison(row)
    overrides = list(row.overrides.select_related("by"))
    active = {o.ref: o for o in overrides if o.active}
    flagged = {ref: f for f in found for ref in f.cells}
    layout = build_layout(report)
    editable = row.is_editable and can_act(request.user, row.agency)
    choices = [(ref, cells.ref_label(ref)) for ref in cells.all_refs(report)]
    selected = request.GET.get("cell", "")
    override_form = OverrideForm(
        choices=choices,
        initial={
            "ref": selected,
            "value": cells.get_cell(report, selected).display() if selected in dict(choices) else "",
        },
    )
    sections = [
        {
            "number": number,
            "heading": section.heading,
            "text": report.part(number).text if report.part(number) else "",  # type: ignore[union-attr]
            "paragraphs": part_paragraphs(section),
            "grid": grid_rows(section.table, active, flagged, editable) if section.table else None,
            "caption": section.table.caption if section.table else "",
        }
        for number, section in enumerate(layout.sections, start=1)
    ]
    history = ChangeLog.objects.filter(object_type=row._meta.label_lower, object_id=str(row.pk)).select_related("actor")
    versions = AnnualReport.objects.filter(agency=row.agency, year=row.year).order_by("version")
    today = timezone.localdate()
    return render(
        request,
        "reports/detail.html",
        {
            "row": row,
            "report": report,
            "findings": found,
            "errors": [f for f in found if f.severity == "error"],
            "copied": copied,
            "sections": sections,
            "editable": editable,
            "can_act": can_act(request.user, row.agency),
            "can_approve": can_approve(request.user, row.agency),
            "override_form": override_form,
            "overrides": overrides,
            "history": history[:50],
            "versions": versions,
            "downloads": DOWNLOADS,
            "deadline": row.deadline,
            "days_left": (row.deadline - today).days,
            "correct_form": CorrectForm(),
            "selected_cell": selected,
        },
    )


def _act(
    request: HttpRequest, pk: int, step: Callable[[AnnualReport], object], done: str, *, approve: bool = False
) -> HttpResponse:
    row = _row(request, pk)
    if approve:
        require_approve(request.user, row.agency)
    else:
        require_act(request.user, row)
    try:
        result = step(row)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return redirect("reports:detail", pk=row.pk)
    messages.success(request, done)
    target = result if isinstance(result, AnnualReport) else row
    return redirect("reports:detail", pk=target.pk)


@login_required
@require_POST
def save_text(request: HttpRequest, pk: int) -> HttpResponse:
    texts = {n: request.POST[f"part{n}"] for n in range(1, 7) if f"part{n}" in request.POST}
    title = request.POST.get("title")
    return _act(
        request, pk, lambda row: workflow.save_text(row, request.user, texts, title), "正文已保存，已重新校验。"
    )


@login_required
@require_POST
def override(request: HttpRequest, pk: int) -> HttpResponse:
    ref = workflow.clean_text(request.POST.get("ref", ""))[:120]
    value, reason = request.POST.get("value", ""), request.POST.get("reason", "")
    return _act(
        request,
        pk,
        lambda row: workflow.override(row, request.user, ref, value, reason),
        f"已修改{cells.ref_label(ref)}，修改理由已记录。",
    )


@login_required
@require_POST
def revert_override(request: HttpRequest, pk: int) -> HttpResponse:
    ref = workflow.clean_text(request.POST.get("ref", ""))[:120]
    return _act(request, pk, lambda row: workflow.revert_override(row, request.user, ref), "已恢复为计算值。")


@login_required
@require_POST
def recompile(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, lambda row: workflow.recompile(row, request.user), "已按业务记录重新统计表格。")


@login_required
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, lambda row: workflow.submit(row, request.user), "已提交审核。")


@login_required
@require_POST
def send_back(request: HttpRequest, pk: int) -> HttpResponse:
    note = request.POST.get("note", "")
    return _act(request, pk, lambda row: workflow.send_back(row, request.user, note), "已退回修改。")


@login_required
@require_POST
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, lambda row: workflow.approve(row, request.user), "审批通过，可以公开。", approve=True)


@login_required
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request, pk, lambda row: workflow.publish(row, request.user), "已在门户网站年度报告栏目公开。", approve=True
    )


@login_required
@require_POST
def correct(request: HttpRequest, pk: int) -> HttpResponse:
    reason = request.POST.get("reason", "")
    return _act(
        request, pk, lambda row: workflow.correct(row, request.user, reason), "已建立更正版本（原公开版本保留可查）。"
    )


def _download(row: AnnualReport, fmt: str) -> HttpResponse:
    if fmt not in FORMAT_NAMES:
        raise Http404("没有这种下载格式")
    found = workflow.findings(row) if fmt in ("json", "xlsx") and row.state != ReportState.PUBLISHED else None
    body = render_report(row.report, fmt, found)
    response = HttpResponse(body, content_type=MEDIA_TYPES[fmt])
    name = f"{row.agency.name}{row.year}年政府信息公开工作年度报告"
    if row.version > 1:
        name += f"（第{row.version}版）"
    from urllib.parse import quote

    disposition = "inline" if fmt in ("html", "pdf") else "attachment"
    response["Content-Disposition"] = f"{disposition}; filename*=UTF-8''{quote(name)}.{fmt}"
    if fmt == "html":
        # The rendered page is self-contained with its own inline CSS (no scripts).
        response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return response


@login_required
@require_GET
def download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    return _download(_row(request, pk), fmt)


@require_GET
def public(request: HttpRequest, pk: int) -> HttpResponse:
    """A published report on the portal: the report as a page, with its downloads (no login)."""
    row = get_object_or_404(AnnualReport.objects.select_related("agency"), pk=pk, state=ReportState.PUBLISHED)
    layout = build_layout(row.report)
    sections = [
        {
            "heading": s.heading,
            "paragraphs": part_paragraphs(s),
            "grid": grid_rows(s.table, {}, {}, False) if s.table else None,
            "caption": s.table.caption if s.table else "",
        }
        for s in layout.sections
    ]
    newer = getattr(row, "superseded_by", None)
    portal: dict[str, Any] = {}
    try:  # the portal's header for this agency (breadcrumbs, its columns), when the portal is installed
        from web.portal.views import _common

        portal = _common(row.agency)
    except ImportError:
        pass
    return render(
        request,
        "reports/public.html",
        {
            **portal,
            "row": row,
            "title": layout.title,
            "sections": sections,
            "downloads": DOWNLOADS,
            "newer": newer,
            "portal_header": bool(portal),
        },
    )


@require_GET
def public_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    row = get_object_or_404(AnnualReport.objects.select_related("agency"), pk=pk, state=ReportState.PUBLISHED)
    if fmt not in DOWNLOADS:
        raise Http404("没有这种下载格式")
    return _download(row, fmt)


# --- supervision -----------------------------------------------------------------------------------


@login_required
@require_GET
def board(request: HttpRequest) -> HttpResponse:
    if not is_supervisor(request.user):
        raise PermissionDenied("只有政务公开监督人员可以查看年报进度")
    year = _year(request)
    today = timezone.localdate()
    lines = board_mod.board(request.user, year, today)
    wanted = request.GET.get("status", "")
    counts = board_mod.count_by_status(lines)
    if wanted:
        lines = [line for line in lines if line.status.code == wanted]
    if request.GET.get("export") == "xlsx":
        return board_mod.export_xlsx(lines, year)
    governments = [a for a in visible_agencies(request.user) if a.kind == AgencyKind.GOVERNMENT and a.children.exists()]
    return render(
        request,
        "reports/board.html",
        {
            "year": year,
            "years": range(today.year, 2018, -1),
            "lines": lines,
            "counts": counts,
            "statuses": board_mod.STATUS_LABELS,
            "wanted": wanted,
            "governments": governments,
            "today": today,
        },
    )


@login_required
@require_GET
def rollup_view(request: HttpRequest, agency_id: int, year: int) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=agency_id)
    if not can_view(request.user, agency):
        raise Http404("未找到该机关")
    if not (is_supervisor(request.user) or can_act(request.user, agency)):
        raise PermissionDenied("只有本级政府或政务公开监督人员可以查看汇总")
    if agency.kind != AgencyKind.GOVERNMENT:
        raise Http404("只有人民政府有汇总报告")
    own, total, children = rollup.rollup(agency, year)
    reports = [c.row.report for c in children if c.row is not None]
    gov_row = AnnualReport.objects.filter(agency=agency, year=year).order_by("-version").first()
    from xxgk.rules import check

    t211 = []
    if gov_row is not None and reports:
        t211 = [f for f in check(gov_row.report, children=[own, *reports]) if f.code == "T2-11"]
    t2 = build_layout(total)
    grids = [
        {"caption": s.table.caption, "grid": grid_rows(s.table, {}, {}, False)}
        for s in t2.sections
        if s.table is not None and s.table.key in ("table2", "table3")
    ]
    return render(
        request,
        "reports/rollup.html",
        {
            "agency": agency,
            "year": year,
            "children": children,
            "grids": grids,
            "gov_row": gov_row,
            "t211": t211,
            "own_new": own.t2("new", 6).display(),
            "total_new": total.t2("new", 6).display(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def import_view(request: HttpRequest) -> HttpResponse:
    """Import last year's published report (a file) so that this year's compile has its figures."""
    agencies = _acting_agencies(request.user)
    form = ImportForm(
        request.POST or None, request.FILES or None, agencies=agencies, initial={"year": timezone.localdate().year - 2}
    )
    if request.method == "POST" and form.is_valid():
        agency = form.cleaned_data["agency"]
        require_act(request.user, agency)
        upload = form.cleaned_data["file"]
        data = upload.read()
        from web.audits.files import kind_of, parse_bytes

        kind = kind_of(upload.name, data)
        try:
            if kind is None:
                raise ValueError("不是可识别的年报文件（支持 PDF、DOCX、HTML、TXT、JSON）")
            parsed = parse_bytes(upload.name, kind, data)
            parsed.year = parsed.year or form.cleaned_data["year"]
            if parsed.year != form.cleaned_data["year"]:
                raise ValueError(f"文件是{parsed.year}年度的报告，与所选年度{form.cleaned_data['year']}不符")
            row = workflow.import_published(agency, form.cleaned_data["year"], parsed, request.user, upload.name)
        except (ValueError, ValidationError) as exc:
            text = "；".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            messages.error(request, f"{upload.name}：无法导入（{text}）")
        else:
            messages.success(request, f"已导入{row}，{row.year + 1}年度报告将以其为上年度数据。")
            return redirect("reports:detail", pk=row.pk)
    return render(request, "reports/import.html", {"form": form})
