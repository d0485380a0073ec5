"""Staff pages of proactive disclosure: dashboard (timeliness monitor, work queues), items and their
workflow, columns and reminders. Thin views: permission helper → one domain call → redirect."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from web.accounts.models import Agency, log_change
from web.accounts.permissions import (
    can_act,
    can_approve,
    get_visible_or_404,
    is_supervisor,
    own_agency_ids,
    primary_agency,
    require_act,
    require_approve,
    visible_agencies,
)
from web.catalogue import columns as monitoring
from web.catalogue.exports import export_response
from web.catalogue.forms import ColumnForm, ItemFilterForm, ItemForm, ReasonForm, ValidityForm
from web.catalogue.models import Attachment, Column, Item, Reminder, Status, WorkflowError
from web.catalogue.reminders import remind, reminder_text


def acting_agencies(user: Any) -> list[Agency]:
    """Agencies the user may create records for."""
    if getattr(user, "is_superuser", False):
        return list(Agency.objects.all())
    return list(Agency.objects.filter(pk__in=own_agency_ids(user)))


def _chosen_agency(request: HttpRequest) -> Agency | None:
    agencies = visible_agencies(request.user)
    wanted = request.GET.get("agency", "")
    if wanted.isdigit():
        chosen = agencies.filter(pk=int(wanted)).first()
        if chosen is None:
            raise Http404("未找到该机关")
        return chosen
    return primary_agency(request.user) or agencies.first()


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    agency = _chosen_agency(request)
    today = timezone.localdate()
    context: dict[str, Any] = {"agency": agency, "today": today, "agencies": visible_agencies(request.user)}
    if agency is not None:
        items = Item.objects.filter(agency=agency)
        published = items.published()
        result = monitoring.evaluate(agency, today)
        columns = {c.pk: c for c in Column.objects.filter(agency=agency).select_related("owner")}
        context.update(
            result=result,
            rows=[(s, columns[s.column.key]) for s in result.statuses],
            to_review=items.filter(status=Status.REVIEW).exclude(author=request.user).select_related("author")
            if can_act(request.user, agency)
            else items.none(),
            to_approve=items.filter(status=Status.APPROVAL) if can_approve(request.user, agency) else items.none(),
            my_drafts=items.filter(status=Status.DRAFT, author=request.user),
            no_interpretation=items.policies_without_interpretation(),
            late=[i for i in published.filter(published_on__year=today.year) if i.is_late],
            published_this_year=published.filter(published_on__year=today.year).count(),
            can_act=can_act(request.user, agency),
        )
    if is_supervisor(request.user):
        # Every supervised agency with columns: where the single-veto risks are, at a glance.
        ids = Column.objects.values_list("agency_id", flat=True).distinct()
        context["overview"] = [
            (a, monitoring.evaluate(a, today)) for a in visible_agencies(request.user).filter(pk__in=ids)
        ]
    context["my_reminders"] = Reminder.objects.filter(recipient=request.user, done_at__isnull=True).select_related(
        "column", "column__agency"
    )
    return render(request, "catalogue/dashboard.html", context)


def _filtered_items(request: HttpRequest) -> tuple[ItemFilterForm, QuerySet[Item]]:
    form = ItemFilterForm(request.GET or None, agencies=visible_agencies(request.user))
    qs = Item.objects.visible_to(request.user).select_related("agency", "column", "author")
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            qs = qs.search(data["q"])
        if data["agency"]:
            qs = qs.filter(agency=data["agency"])
        if data["category"]:
            qs = qs.filter(category=data["category"])
        if data["status"]:
            qs = qs.filter(status=data["status"])
        if data["flag"] == "no_interpretation":
            qs = qs.policies_without_interpretation()
        elif data["flag"] == "late":
            late_ids = [i.pk for i in qs.published() if i.is_late]
            qs = qs.filter(pk__in=late_ids)
    return form, qs


@login_required
@require_GET
def item_list(request: HttpRequest) -> HttpResponse:
    form, qs = _filtered_items(request)
    fmt = request.GET.get("export")
    if fmt in ("csv", "xlsx"):
        headers = [
            "索引号",
            "标题",
            "文号",
            "发布机构",
            "公开类别",
            "栏目",
            "成文日期",
            "发布日期",
            "有效性",
            "状态",
            "超期发布",
        ]
        rows = (
            [
                i.index_no,
                i.title,
                i.doc_no,
                i.issuer,
                i.category_label,
                i.column.name if i.column else "",
                i.formed_on,
                i.published_on,
                i.get_validity_display(),
                i.get_status_display(),
                {True: "是", False: "否", None: ""}[i.is_late],
            ]
            for i in qs.iterator()
        )
        return export_response("主动公开目录", headers, rows, fmt)
    page = Paginator(qs, 30).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "catalogue/item_list.html", {"form": form, "page": page, "query": query.urlencode()})


def _save_attachment(item: Item, form: ItemForm) -> None:
    upload = form.cleaned_data.get("attachment")
    if upload:
        Attachment.objects.create(item=item, file=upload, name=upload.name)


@login_required
@require_http_methods(["GET", "POST"])
def item_new(request: HttpRequest) -> HttpResponse:
    agencies = acting_agencies(request.user)
    if not agencies:
        raise PermissionDenied("您没有起草主动公开信息的权限")
    initial: dict[str, Any] = {"agency": agencies[0], "issuer": agencies[0].name}
    if request.GET.get("interprets", "").isdigit():
        initial.update(interprets=int(request.GET["interprets"]), category="a01")
    form = ItemForm(request.POST or None, request.FILES or None, agencies=agencies, initial=initial)
    if request.method == "POST" and form.is_valid():
        item = form.save(commit=False)
        require_act(request.user, item.agency)
        item.author = request.user
        item.save()
        _save_attachment(item, form)
        item.record_created(request.user)
        messages.success(request, "已保存为草稿。核对无误后请提交保密审查。")
        return redirect("catalogue:item", pk=item.pk)
    return render(request, "catalogue/item_form.html", {"form": form, "item": None})


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_visible_or_404(Item.objects.all(), request.user, pk=pk)
    require_act(request.user, item)
    if item.status != Status.DRAFT:
        raise PermissionDenied("只有草稿可以修改；已提交的信息须先退回")
    form = ItemForm(request.POST or None, request.FILES or None, instance=item, agencies=[item.agency])
    if request.method == "POST" and form.is_valid():
        item = form.save()
        _save_attachment(item, form)
        item.record_edited(request.user)
        messages.success(request, "已保存修改。")
        return redirect("catalogue:item", pk=item.pk)
    return render(request, "catalogue/item_form.html", {"form": form, "item": item})


@login_required
@require_GET
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_visible_or_404(
        Item.objects.select_related("agency", "column", "author", "reviewer", "approver", "interprets"),
        request.user,
        pk=pk,
    )
    acts = can_act(request.user, item.agency)
    return render(
        request,
        "catalogue/item_detail.html",
        {
            "item": item,
            "events": item.events.select_related("actor"),
            "attachments": item.attachments.all(),
            "interpretations": item.interpretations.all(),
            "can_edit": acts and item.status == Status.DRAFT,
            "can_submit": acts and item.status == Status.DRAFT,
            "can_review": acts and item.status == Status.REVIEW and item.author_id != request.user.pk,
            "review_blocked": acts and item.status == Status.REVIEW and item.author_id == request.user.pk,
            "can_approve": can_approve(request.user, item.agency) and item.status == Status.APPROVAL,
            "can_change_validity": acts and item.status == Status.PUBLISHED,
            "reason_form": ReasonForm(),
            "validity_form": ValidityForm(initial={"validity": item.validity}),
        },
    )


def _transition(request: HttpRequest, item: Item, action: Any, done: str = "已办理。") -> HttpResponse:
    try:
        action()
    except WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done)
    return redirect("catalogue:item", pk=item.pk)


@login_required
@require_POST
def item_submit(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_visible_or_404(Item.objects.all(), request.user, pk=pk)
    require_act(request.user, item)
    return _transition(request, item, lambda: item.submit(request.user), "已提交保密审查。")


@login_required
@require_POST
def item_review(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_visible_or_404(Item.objects.all(), request.user, pk=pk)
    require_act(request.user, item)
    if item.author_id == request.user.pk:
        raise PermissionDenied("保密审查须由起草人以外的工作人员进行")
    passed = request.POST.get("decision") == "pass"
    reason = request.POST.get("reason", "")
    return _transition(
        request,
        item,
        lambda: item.review(request.user, passed=passed, reason=reason),
        "保密审查通过，已送负责人审批。" if passed else "已退回起草人。",
    )


@login_required
@require_POST
def item_approve(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_visible_or_404(Item.objects.all(), request.user, pk=pk)
    require_approve(request.user, item.agency)
    passed = request.POST.get("decision") == "pass"
    reason = request.POST.get("reason", "")
    today = timezone.localdate()
    return _transition(
        request,
        item,
        lambda: item.approve(request.user, passed=passed, reason=reason, today=today),
        "已审批通过并发布。" if passed else "已退回起草人。",
    )


@login_required
@require_POST
def item_validity(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_visible_or_404(Item.objects.all(), request.user, pk=pk)
    require_act(request.user, item)
    form = ValidityForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请选择有效性")
        return redirect("catalogue:item", pk=item.pk)
    data = form.cleaned_data
    return _transition(
        request, item, lambda: item.set_validity(request.user, data["validity"], data["note"]), "有效性已变更。"
    )


@login_required
@require_GET
def attachment(request: HttpRequest, pk: int) -> FileResponse:
    att = get_visible_or_404(Attachment.objects.select_related("item"), request.user, field="item__agency", pk=pk)
    return FileResponse(att.file.open("rb"), as_attachment=True, filename=att.name)


@login_required
@require_GET
def column_list(request: HttpRequest) -> HttpResponse:
    agency = _chosen_agency(request)
    columns = Column.objects.none() if agency is None else Column.objects.filter(agency=agency).select_related("owner")
    return render(
        request,
        "catalogue/column_list.html",
        {
            "agency": agency,
            "columns": columns,
            "agencies": visible_agencies(request.user),
            "can_act": agency is not None and can_act(request.user, agency),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def column_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    column = None
    if pk is not None:
        column = get_visible_or_404(Column.objects.all(), request.user, pk=pk)
        require_act(request.user, column)
    agencies = [column.agency] if column else acting_agencies(request.user)
    if not agencies:
        raise PermissionDenied("您没有管理栏目的权限")
    form = ColumnForm(request.POST or None, instance=column, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        require_act(request.user, saved.agency)
        saved.save()
        log_change(request.user, saved.agency, saved, "edit" if column else "create", f"栏目「{saved.name}」")
        messages.success(request, "栏目已保存。")
        return redirect(f"{_url('catalogue:columns')}?agency={saved.agency_id}")
    return render(request, "catalogue/column_form.html", {"form": form, "column": column})


def _url(name: str) -> str:
    from django.urls import reverse

    return reverse(name)


@login_required
@require_POST
def column_remind(request: HttpRequest, pk: int) -> HttpResponse:
    column = get_visible_or_404(Column.objects.select_related("owner"), request.user, pk=pk)
    if not (can_act(request.user, column.agency) or is_supervisor(request.user)):
        raise PermissionDenied("您没有督促该栏目的权限")
    if column.owner is None:
        messages.error(request, f"栏目「{column.name}」尚未指定责任人，请先在栏目设置中指定。")
        return redirect(f"{_url('catalogue:dashboard')}?agency={column.agency_id}")
    status = monitoring.monitor.column_status(
        monitoring.histories_for_column(column), timezone.localdate(), monitoring.thresholds()
    )
    remind(column, status, request.user)
    name = column.owner.get_full_name() or column.owner.username
    messages.success(request, f"已提醒{name}：{reminder_text(column, status)}。")
    return redirect(f"{_url('catalogue:dashboard')}?agency={column.agency_id}")


@login_required
@require_POST
def reminder_done(request: HttpRequest, pk: int) -> HttpResponse:
    reminder = Reminder.objects.filter(pk=pk, recipient=request.user).first()
    if reminder is None:
        raise Http404("未找到该提醒")
    reminder.done_at = timezone.now()
    reminder.save(update_fields=["done_at"])
    return redirect("catalogue:dashboard")
