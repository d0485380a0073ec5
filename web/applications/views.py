"""Staff pages of disclosure-application cases: dashboard, list (+ exports), intake, the case with its
actions and letters, attachments. Every view: permission helper → one domain call → redirect with a
Chinese message. Objects of agencies the user may not see answer 404; visible but not his to change, 403.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from web.accounts.permissions import can_act, get_visible_or_404, own_agency_ids, visible_agencies
from web.applications import exports
from web.applications.choices import ApplicantType, ReceiptChannel
from web.applications.forms import CaseFilterForm, StaffApplicationForm, channel_rule_texts
from web.applications.hints import intake_hints
from web.applications.letter_content import available_letters, build_letter
from web.applications.letters import DOCX_MIME, render_letter
from web.applications.lifecycle import CONCLUDED_STATES, STATE_LABELS
from web.applications.models import Application, Attachment
from web.applications.presentation import (
    SOON_WORKING_DAYS,
    CaseRow,
    applicant_facts,
    case_row,
    outcome_label,
    reasoning,
    timeline,
    user_name,
)
from web.applications.uploads import save_attachment
from web.applications.views_actions import actions_for
from web.calendar.adapter import build_calendar
from xxgk.workdays import CalendarYearMissing, WorkdayCalendar
from xxgk.workdays.receipt import RECEIPT_RULES

PAGE_SIZE = 50


def today() -> dt.date:
    return timezone.localdate()


def acting_agencies(user: Any) -> Any:
    """Agencies whose cases the user may register and handle."""
    ids = own_agency_ids(user)
    qs = visible_agencies(user)
    return qs if getattr(user, "is_superuser", False) else qs.filter(pk__in=ids)


def _cases(user: Any) -> Any:
    return (
        Application.objects.visible_to(user)
        .select_related("agency", "handler")
        .prefetch_related("events")
        .order_by("-received_on", "-id")
    )


def _rows(cases: Any, user: Any, calendar: WorkdayCalendar, day: dt.date) -> list[CaseRow]:
    return [case_row(c, calendar, day, masked=not can_act(user, c.agency_id)) for c in cases]


# --- dashboard -----------------------------------------------------------------------------------------


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    day = today()
    calendar = build_calendar()
    cases = _cases(request.user)
    if request.GET.get("mine"):
        cases = cases.filter(handler=request.user)
    rows = _rows(cases, request.user, calendar, day)
    counter = Counter(r.view.state for r in rows)
    counts = [{"code": code, "label": label, "n": counter.get(code, 0)} for code, label in STATE_LABELS.items()]
    open_rows = [r for r in rows if r.view.state not in CONCLUDED_STATES]
    overdue = sorted((r for r in open_rows if r.due_status == "overdue"), key=lambda r: r.left or 0)
    soon = sorted((r for r in open_rows if r.due_status == "soon"), key=lambda r: r.left or 0)
    paused = [r for r in open_rows if r.deadline is not None and r.deadline.kind != "reply" and r not in overdue]
    return render(
        request,
        "applications/dashboard.html",
        {
            "today": day,
            "counts": counts,
            "overdue": overdue,
            "soon": soon,
            "paused": [r for r in paused if r not in soon],
            "soon_days": SOON_WORKING_DAYS,
            "calendar_errors": sorted({r.calendar_error for r in rows if r.calendar_error}),
            "mine": bool(request.GET.get("mine")),
        },
    )


# --- list and exports ----------------------------------------------------------------------------------


def _handler_choices(user: Any) -> list[tuple[str, str]]:
    ids = Application.objects.visible_to(user).exclude(handler=None).values_list("handler_id", flat=True).distinct()
    users = get_user_model().objects.filter(pk__in=list(ids)).order_by("username")
    return [(str(u.pk), user_name(u)) for u in users]


def filtered_rows(request: HttpRequest) -> tuple[CaseFilterForm, list[CaseRow]]:
    """The list's filters applied: database filters first, then the derived ones (state, due status)."""
    form = CaseFilterForm(request.GET or None, handlers=_handler_choices(request.user))
    cases = _cases(request.user).with_conclusion()
    derived: dict[str, str] = {}
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            cases = cases.filter(Q(tracking_number__icontains=data["q"]) | Q(description__icontains=data["q"]))
        if data["outcome"]:
            cases = cases.filter(outcome=data["outcome"])
        if data["applicant_type"]:
            cases = cases.filter(applicant_type=data["applicant_type"])
        if data["channel"]:
            cases = cases.filter(channel=data["channel"])
        if data["year"]:
            cases = cases.filter(received_on__year=data["year"])
        if data["handler"] == "none":
            cases = cases.filter(handler=None)
        elif data["handler"]:
            cases = cases.filter(handler_id=data["handler"])
        derived = {k: data[k] for k in ("state", "due") if data[k]}
    rows = _rows(cases, request.user, build_calendar(), today())
    if "state" in derived:
        rows = [r for r in rows if r.view.state == derived["state"]]
    if "due" in derived:
        rows = [r for r in rows if r.due_status == derived["due"]]
    return form, rows


@login_required
@require_GET
def case_list(request: HttpRequest) -> HttpResponse:
    form, rows = filtered_rows(request)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "applications/list.html",
        {"filters": form, "rows": list(page.object_list), "page_obj": page, "query": query.urlencode()},
    )


EXPORT_HEADERS = [
    "受理编号",
    "受理机关",
    "申请人类型",
    "申请人",
    "证件号码（已隐去）",
    "提交方式",
    "收到申请之日",
    "所需信息",
    "办理状态",
    "办理结果",
    "当前期限",
    "剩余工作日",
    "经办人",
]


@login_required
@require_GET
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    _, rows = filtered_rows(request)
    data = (
        [
            r.case.tracking_number,
            r.agency_name,
            r.applicant_type,
            r.applicant,
            r.masked_id,
            r.case.get_channel_display(),
            r.received,
            r.description,
            r.state,
            r.outcome,
            r.due,
            r.left,
            user_name(r.case.handler),
        ]
        for r in rows
    )
    return exports.download(fmt, f"政府信息公开申请-{today():%Y%m%d}", EXPORT_HEADERS, data)


# --- intake --------------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def new(request: HttpRequest) -> HttpResponse:
    agencies = acting_agencies(request.user)
    if not agencies.exists():
        raise PermissionDenied("只有受理机关的经办人员可以登记申请")
    form = StaffApplicationForm(request.POST or None, request.FILES or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        from web.applications import domain

        data = form.cleaned_data
        case = Application(
            agency=data["agency"],
            applicant_type=data["applicant_type"],
            applicant_name=data["applicant_name"].strip(),
            id_number=data["id_number"],
            legal_representative=data["legal_representative"]
            if data["applicant_type"] != ApplicantType.NATURAL_PERSON
            else "",
            phone=data["phone"],
            email=data["email"],
            address=data["address"],
            description=data["description"].strip(),
            document_number=data["document_number"],
            form_wanted=data["delivery_form"],
            delivery_wanted=data["delivery_channel"],
            channel=data["channel"],
            handler=request.user,
            **form.receipt_dates(),
        )
        try:
            domain.register(case, request.user, today=today())
        except domain.TransitionError as exc:
            form.add_error(None, str(exc))
        else:
            if data.get("attachment"):
                save_attachment(case, data["attachment"], request.user, "申请材料")
            messages.success(request, f"已登记申请，受理编号 {case.tracking_number}。请查看下方的受理提示。")
            return redirect(reverse("applications:detail", args=[case.pk]) + "?hints=1")
    rules = channel_rule_texts()
    return render(
        request,
        "applications/new.html",
        {
            "form": form,
            "channel_rules_json": json.dumps(rules, ensure_ascii=False),
            "channel_rules": [(ReceiptChannel(c).label, rule) for c, (_, rule) in RECEIPT_RULES.items()],
            "default_rule": rules.get(str(form["channel"].value() or ""), rules[ReceiptChannel.IN_PERSON]),
        },
    )


# --- the case ------------------------------------------------------------------------------------------


def _hints(case: Application) -> list[dict[str, Any]]:
    h = intake_hints(case)
    out: list[dict[str, Any]] = []
    for r in h.repeats:
        out.append(
            {
                "level": "warn",
                "tag": "可能重复",
                "text": f"该申请人曾于 {r.application.received_on:%Y-%m-%d} 提出相似申请"
                f"（{r.application.tracking_number}，相似度 {r.score:.0f}%）。"
                "如确属重复申请，可依条例第三十六条第（六）项告知不予重复处理。",
                "url": reverse("applications:detail", args=[r.application.pk]),
            }
        )
    level = "err" if h.volume_warning else ("warn" if h.beyond_free else "muted")
    fee = f"；按件计收时本件应收信息处理费 {h.per_request_fee} 元（国办函〔2020〕109号第四条）" if h.beyond_free else ""
    out.append(
        {
            "level": level,
            "tag": "本月申请量",
            "text": f"该申请人本自然月共提出 {h.month_count} 件申请，本件为第 {h.month_ordinal} 件{fee}。"
            + ("数量明显偏多，可要求其说明理由（条例第三十五条）。" if h.volume_warning else ""),
        }
    )
    for item in h.catalogue:
        title = getattr(item, "title", str(item))
        doc_no = getattr(item, "doc_no", "")
        try:
            url = reverse("portal:item", args=[item.agency_id, item.pk])
        except (NoReverseMatch, AttributeError):
            url = ""
        out.append(
            {
                "level": "ok",
                "tag": "已主动公开",
                "text": f"主动公开目录中可能已有：{title}{f'（{doc_no}）' if doc_no else ''}。"
                "如确已主动公开，可依条例第三十六条第（一）项告知获取方式。",
                "url": url,
            }
        )
    return out


def _attachments(case: Application, may_act: bool) -> list[dict[str, str]]:
    out = []
    for a in case.attachments.all():
        out.append(
            {
                "name": a.original_name if may_act else "附件",
                "size": f"{a.size / 1024:.0f} KB",
                "url": reverse("applications:attachment", args=[case.pk, a.pk]) if may_act else "",
            }
        )
    return out


def render_detail(request: HttpRequest, case: Application, bound: dict[str, Any] | None = None) -> HttpResponse:
    """The case page; `bound` carries an action form with errors to show again (status 400)."""
    day = today()
    may_act = can_act(request.user, case.agency_id)
    calendar_error = ""
    lines: list[str] = []
    row = None
    try:
        calendar = build_calendar()
        row = case_row(case, calendar, day, masked=not may_act)
        lines = reasoning(case, calendar, day)
    except CalendarYearMissing as exc:
        calendar = None
        calendar_error = str(exc)
    view = case.view()
    actions = actions_for(request, case, view, day, bound=bound) if may_act else []
    context = {
        "case": case,
        "state_label": STATE_LABELS[view.state],
        "outcome_label": outcome_label(view.outcome),
        "due_row": row,
        "channel_label": case.get_channel_display(),
        "received": case.received_on,
        "applicant": applicant_facts(case, masked=not may_act),
        "masked": not may_act,
        "case_doc_number": case.document_number,
        "delivery": f"{case.get_form_wanted_display()}，{case.get_delivery_wanted_display()}",
        "handler_name": user_name(case.handler),
        "attachments": _attachments(case, may_act),
        "reasoning": lines,
        "calendar_error": calendar_error,
        "hints": _hints(case) if may_act and view.state not in CONCLUDED_STATES else [],
        "events": timeline(case),
        "letters": [
            {"label": title, "url": reverse("applications:letter", args=[case.pk, kind])}
            for kind, title in available_letters(case)
        ]
        if may_act
        else [],
        "actions": actions,
        "can_act": may_act,
        "show_hints": request.GET.get("hints") == "1",
    }
    return render(request, "applications/detail.html", context, status=400 if bound else 200)


def visible_case(request: HttpRequest, pk: int) -> Application:
    return get_visible_or_404(
        Application.objects.select_related("agency", "handler").prefetch_related(
            "events__actor", "events__approver", "attachments"
        ),
        request.user,
        pk=pk,
    )


@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render_detail(request, visible_case(request, pk))


@login_required
@require_GET
def letter(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    case = visible_case(request, pk)
    if not can_act(request.user, case.agency_id):
        raise PermissionDenied("文书含申请人个人信息，只有受理机关的经办人员可以下载")
    if kind not in dict(available_letters(case)):
        raise Http404("该申请当前没有这种文书")
    try:
        calendar: WorkdayCalendar | None = build_calendar()
    except CalendarYearMissing:
        calendar = None
    content = build_letter(case, kind, calendar)
    from urllib.parse import quote

    response = HttpResponse(render_letter(content), content_type=DOCX_MIME)
    filename = f"{case.tracking_number}-{content.title}.docx"
    response["Content-Disposition"] = (
        f"attachment; filename=\"{case.tracking_number}-{kind}.docx\"; filename*=UTF-8''{quote(filename)}"
    )
    return response


@login_required
@require_GET
def attachment(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    case = visible_case(request, pk)
    if not can_act(request.user, case.agency_id):
        raise PermissionDenied("附件含申请人个人信息，只有受理机关的经办人员可以查看")
    try:
        item = case.attachments.get(pk=attachment_pk)
    except Attachment.DoesNotExist:
        raise Http404("未找到该附件") from None
    return FileResponse(
        item.file.open("rb"), as_attachment=True, filename=item.original_name, content_type=item.content_type
    )
