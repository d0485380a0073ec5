"""The public portal (no login): agencies, their disclosure catalogue with search, item pages with
attachments, the disclosure guide, links to the online application, and the annual-reports column.
Only published items are ever shown here."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_GET

from web.accounts.models import Agency
from web.catalogue.categories import CATEGORY_CHOICES, OWN_CATEGORY, category_short
from web.catalogue.models import Attachment, Column, ColumnType, Item
from web.portal.guide import guide_for


def _apply_urls() -> tuple[str, str]:
    """The public application form and status lookup (web.applications.public_views), if mounted."""
    try:
        return reverse("apply:form"), reverse("apply:status")
    except NoReverseMatch:
        return "/apply/", "/apply/status/"


def _published(agency: Agency) -> Any:
    return Item.objects.published().filter(agency=agency)


def _common(agency: Agency) -> dict[str, Any]:
    form, status = _apply_urls()
    return {"agency": agency, "apply_url": f"{form}?agency={agency.pk}", "status_url": status}


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The public start page: the agencies whose disclosure pages this system publishes."""
    agencies = Agency.objects.select_related("parent").order_by("parent_id", "kind", "name")
    form, status = _apply_urls()
    return render(request, "portal/index.html", {"agencies": agencies, "apply_url": form, "status_url": status})


@require_GET
def agency(request: HttpRequest, pk: int) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=pk)
    published = _published(agency)
    counts = dict(published.values_list("category").annotate(n=Count("pk")))
    categories = [(code, label, category_short(code), counts.get(code, 0)) for code, label in CATEGORY_CHOICES]
    columns = Column.objects.filter(agency=agency).annotate(n=Count("items")).exclude(column_type=ColumnType.REPORT)
    return render(
        request,
        "portal/agency.html",
        {
            **_common(agency),
            "categories": categories,
            "columns": [c for c in columns if c.n],
            "latest": published.select_related("column")[:12],
            "total": published.count(),
        },
    )


@require_GET
def catalogue(request: HttpRequest, pk: int) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=pk)
    qs = _published(agency).select_related("column")
    q = request.GET.get("q", "").strip()[:100]
    category = request.GET.get("category", "")
    column_id = request.GET.get("column", "")
    validity = request.GET.get("validity", "")
    if q:
        qs = qs.search(q)
    if category in dict(CATEGORY_CHOICES):
        qs = qs.filter(category=category)
    column = None
    if column_id.isdigit():
        column = Column.objects.filter(agency=agency, pk=int(column_id)).first()
        qs = qs.filter(column=column) if column else qs.none()
    if validity in ("valid", "expired", "repealed"):
        qs = qs.filter(validity=validity)
    page = Paginator(qs, 20).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "portal/catalogue.html",
        {
            **_common(agency),
            "page": page,
            "q": q,
            "category": category,
            "column": column,
            "validity": validity,
            "categories": CATEGORY_CHOICES,
            "own_category": OWN_CATEGORY,
            "query": query.urlencode(),
        },
    )


@require_GET
def item(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=pk)
    obj = get_object_or_404(_published(agency).select_related("column", "interprets"), pk=item_pk)
    return render(
        request,
        "portal/item.html",
        {
            **_common(agency),
            "item": obj,
            "attachments": obj.attachments.all(),
            "interpretations": obj.interpretations.filter(status="published"),
            "interprets": obj.interprets if obj.interprets and obj.interprets.status == "published" else None,
        },
    )


@require_GET
def attachment(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    att = get_object_or_404(
        Attachment.objects.select_related("item"), pk=attachment_pk, item__agency_id=pk, item__status="published"
    )
    return FileResponse(att.file.open("rb"), as_attachment=True, filename=att.name)


@require_GET
def guide(request: HttpRequest, pk: int) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=pk)
    return render(request, "portal/guide.html", {**_common(agency), "sections": guide_for(agency)})


@require_GET
def reports(request: HttpRequest, pk: int) -> HttpResponse:
    """The 年度报告 column: reports published through the reports module, then earlier ones in the catalogue."""
    agency = get_object_or_404(Agency, pk=pk)
    try:
        from web.reports.models import published_for

        compiled = list(published_for(agency))
    except ImportError:  # the reports module is optional for the portal
        compiled = []
    years = {r.year for r in compiled}
    earlier = [
        i
        for i in _published(agency).filter(column__column_type=ColumnType.REPORT).order_by("-published_on")
        if not any(str(y) in i.title for y in years)
    ]
    return render(request, "portal/reports.html", {**_common(agency), "compiled": compiled, "earlier": earlier})
