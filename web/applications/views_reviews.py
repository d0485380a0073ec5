"""Reconsideration (行政复议) and litigation (行政诉讼) records about the agency's disclosure decisions:
a filterable list per agency and a create/edit form (they feed table 3 of the annual report)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from web.accounts.models import log_change
from web.accounts.permissions import can_act, get_visible_or_404, require_act, visible_agencies
from web.applications import exports
from web.applications.choices import ReviewResult, ReviewRoute
from web.applications.forms import ReviewCaseForm
from web.applications.models import Application, ReviewCase
from web.applications.views import acting_agencies


def _filter_form(request: HttpRequest) -> Any:
    from django import forms

    class Filters(forms.Form):
        agency = forms.ModelChoiceField(
            label="机关", required=False, queryset=visible_agencies(request.user), empty_label="全部"
        )
        route = forms.ChoiceField(label="类型", required=False, choices=[("", "全部"), *ReviewRoute.choices])
        result = forms.ChoiceField(label="结果", required=False, choices=[("", "全部"), *ReviewResult.choices])
        year = forms.IntegerField(label="立案年度", required=False, min_value=2008, max_value=2100)

    return Filters(request.GET or None)


HEADERS = ["机关", "类型", "本机关身份", "案号", "复议机关/法院", "所涉申请", "申请/立案日期", "审结日期", "结果"]


def _filtered(request: HttpRequest) -> tuple[Any, Any]:
    filters = _filter_form(request)
    qs = ReviewCase.objects.visible_to(request.user).select_related("agency", "application")
    if filters.is_valid():
        d = filters.cleaned_data
        if d["agency"]:
            qs = qs.filter(agency=d["agency"])
        if d["route"]:
            qs = qs.filter(route=d["route"])
        if d["result"]:
            qs = qs.filter(result=d["result"])
        if d["year"]:
            qs = qs.filter(filed_on__year=d["year"])
    return filters, qs


def _cells(r: ReviewCase) -> list[Any]:
    return [
        r.agency.name,
        r.get_route_display(),
        r.get_agency_role_display(),
        r.case_number,
        r.body,
        r.application.tracking_number if r.application else "",
        r.filed_on,
        r.concluded_on,
        r.get_result_display(),
    ]


@login_required
@require_GET
def reviews(request: HttpRequest) -> HttpResponse:
    filters, qs = _filtered(request)
    query = request.GET.urlencode()
    rows = [
        {
            "cells": [c.isoformat() if isinstance(c, dt.date) else c for c in _cells(r)],
            "edit_url": reverse("applications:review_edit", args=[r.pk]) if can_act(request.user, r.agency_id) else "",
        }
        for r in qs
    ]
    return render(
        request,
        "applications/reviews.html",
        {
            "filters": filters,
            "rows": rows,
            "headers": HEADERS,
            "query": query,
            "can_create": acting_agencies(request.user).exists(),
        },
    )


@login_required
@require_GET
def reviews_export(request: HttpRequest, fmt: str) -> HttpResponse:
    _, qs = _filtered(request)
    return exports.download(fmt, "政府信息公开行政复议和行政诉讼", HEADERS, (_cells(r) for r in qs))


def _form(request: HttpRequest, instance: ReviewCase | None) -> ReviewCaseForm:
    agencies = acting_agencies(request.user)
    applications = Application.objects.filter(agency__in=agencies).order_by("-received_on")
    return ReviewCaseForm(request.POST or None, instance=instance, agencies=agencies, applications=applications)


def _save(request: HttpRequest, form: ReviewCaseForm, created: bool) -> HttpResponse:
    record = form.save()
    action = "review_created" if created else "review_updated"
    log_change(request.user, record.agency, record, action, f"{'登记' if created else '修改'}{record}")
    messages.success(request, "已保存行政复议/行政诉讼案件。")
    return redirect("applications:reviews")


@login_required
@require_http_methods(["GET", "POST"])
def review_new(request: HttpRequest) -> HttpResponse:
    if not acting_agencies(request.user).exists():
        raise PermissionDenied("只有本机关的经办人员可以登记行政复议、行政诉讼案件")
    form = _form(request, None)
    if request.method == "POST" and form.is_valid():
        return _save(request, form, created=True)
    return render(request, "applications/review_form.html", {"form": form, "heading": "登记行政复议或行政诉讼"})


@login_required
@require_http_methods(["GET", "POST"])
def review_edit(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_visible_or_404(ReviewCase.objects.all(), request.user, pk=pk)
    require_act(request.user, record)
    form = _form(request, record)
    if request.method == "POST" and form.is_valid():
        return _save(request, form, created=False)
    return render(request, "applications/review_form.html", {"form": form, "heading": f"编辑：{record}"})
