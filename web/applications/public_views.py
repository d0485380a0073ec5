"""The public pages of the application process (no login): the online application form (条例第二十九条),
the acknowledgement with the tracking number and the verification code (shown once), and the status
lookup, which shows no personal data at all.

Abuse guards: CSRF (Django's middleware), rate limits per client IP and per applicant identity (HTTP 429
with the reason in Chinese), attachment checks by content and size (forms.ApplicantForm).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from web.accounts.models import Agency
from web.applications import domain, ratelimit
from web.applications.choices import ApplicantType, ReceiptChannel
from web.applications.forms import PublicApplicationForm
from web.applications.lifecycle import CONCLUDED_STATES, STATE_LABELS
from web.applications.models import Application
from web.applications.presentation import outcome_label
from web.applications.uploads import save_attachment
from web.calendar.adapter import build_calendar
from xxgk.workdays import CalendarYearMissing

SESSION_RECEIPT = "xxgk_apply_receipt"
LOOKUPS_PER_HOUR = 30  # status lookups per IP: the verification code must not be guessable by trying


def _limited(request: HttpRequest, explanation: str) -> HttpResponse:
    response = render(request, "applications/public_limited.html", {"explanation": explanation}, status=429)
    response["Retry-After"] = "3600"
    return response


def _applicant_month_count(identity: str) -> int:
    """Online applications by this identity since the start of the natural month (the database is the
    authority across server processes; the cache window below catches bursts)."""
    now = timezone.localtime()
    start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return Application.objects.filter(id_number=identity, channel=ReceiptChannel.ONLINE, created_at__gte=start).count()


@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest) -> HttpResponse:
    agencies = Agency.objects.order_by("parent_id", "kind", "name")
    if request.method == "POST":
        by_ip = ratelimit.ip_limit(request)
        if ratelimit.exceeded(by_ip):
            return _limited(request, by_ip.explanation)
    initial = {"agency": request.GET.get("agency")} if request.GET.get("agency", "").isdigit() else {}
    form = PublicApplicationForm(request.POST or None, request.FILES or None, agencies=agencies, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        by_who = ratelimit.applicant_limit(data["id_number"])
        if ratelimit.exceeded(by_who) or _applicant_month_count(data["id_number"]) >= ratelimit.applicant_per_month():
            return _limited(request, by_who.explanation)
        today = timezone.localdate()
        case = Application(
            agency=data["agency"],
            applicant_type=data["applicant_type"],
            applicant_name=data["applicant_name"].strip(),
            id_number=data["id_number"],
            legal_representative=(
                data["legal_representative"] if data["applicant_type"] != ApplicantType.NATURAL_PERSON else ""
            ),
            phone=data["phone"],
            email=data["email"],
            address=data["address"],
            description=data["description"].strip(),
            document_number=data["document_number"],
            form_wanted=data["delivery_form"],
            delivery_wanted=data["delivery_channel"],
            channel=ReceiptChannel.ONLINE,
            # The platform confirms receipt to the applicant at once (the acknowledgement below): both sides
            # have confirmed on the day of submission (第三十一条第三项).
            confirmed_on=today,
        )
        with transaction.atomic():
            code = domain.register(case, None, today=today)
            if data.get("attachment"):
                save_attachment(case, data["attachment"], None, "申请人上传")
        ratelimit.hit(ratelimit.ip_limit(request))
        ratelimit.hit(by_who)
        request.session[SESSION_RECEIPT] = {
            "tracking_number": case.tracking_number,
            "code": code,
            "agency": case.agency.name,
            "submitted": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
        }
        return redirect("apply:done")
    return render(request, "applications/public_form.html", {"form": form}, status=400 if form.is_bound else 200)


@require_GET
def done(request: HttpRequest) -> HttpResponse:
    """The acknowledgement: the verification code is taken out of the session, so it shows only once."""
    receipt = request.session.pop(SESSION_RECEIPT, None)
    response = render(request, "applications/public_done.html", {"receipt": receipt})
    response["Cache-Control"] = "no-store"
    return response


class StatusForm(forms.Form):
    tracking_number = forms.CharField(label="受理编号", max_length=32)
    code = forms.CharField(
        label="查询码",
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        help_text="提交申请时显示的8位查询码。",
    )


NOT_FOUND = "受理编号或查询码不正确，请核对后重新输入。"


def public_status(case: Application) -> dict[str, Any]:
    """What anyone holding the tracking number and code may see: no name, no ID, no contact, no content."""
    view = case.view()
    status: dict[str, Any] = {
        "tracking_number": case.tracking_number,
        "agency": case.agency.name,
        "state": STATE_LABELS[view.state],
        "received": case.received_on,
        "due": None,
        "due_note": "",
        "outcome": outcome_label(view.outcome) if view.state in CONCLUDED_STATES else "",
        "decided": view.concluded_on if view.state in CONCLUDED_STATES else None,
    }
    if view.state in CONCLUDED_STATES:
        status["due_note"] = "已办结"
        return status
    try:
        status["due"] = view.due_date(build_calendar(), timezone.localdate())
    except CalendarYearMissing:
        status["due"] = None
    if status["due"] is None:
        status["due_note"] = "期限暂停计算（等待补正、征求意见或缴费）"
    return status


@require_http_methods(["GET", "POST"])
def status(request: HttpRequest) -> HttpResponse:
    form = StatusForm(request.POST or None)
    found = None
    if request.method == "POST":
        guard = ratelimit.Limit(
            key=ratelimit.ip_limit(request).key.replace(":ip:", ":lookup:"),
            limit=LOOKUPS_PER_HOUR,
            window_seconds=3600,
            explanation=f"同一网络地址每小时最多查询{LOOKUPS_PER_HOUR}次，请稍后再试。",
        )
        if ratelimit.exceeded(guard):
            return _limited(request, guard.explanation)
        ratelimit.hit(guard)
        if form.is_valid():
            number = form.cleaned_data["tracking_number"].strip().upper()
            case = Application.objects.select_related("agency").filter(tracking_number=number).first()
            if case is None or not case.check_verification_code(form.cleaned_data["code"]):
                form.add_error(None, NOT_FOUND)
            else:
                found = public_status(case)
    response = render(request, "applications/public_status.html", {"form": form, "status": found})
    response["Cache-Control"] = "no-store"
    return response
