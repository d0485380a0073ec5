"""Staff pages of the registers: table 1 for a year, each register's list (filter, export, add, edit,
delete) and the bulk import of decisions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from web.accounts.models import Agency, log_change
from web.accounts.permissions import (
    can_act,
    filter_visible,
    get_visible_or_404,
    primary_agency,
    require_act,
    visible_agencies,
)
from web.catalogue.exports import export_response
from web.catalogue.views import acting_agencies
from web.registers.figures import part1_figures
from web.registers.forms import ImportForm, record_form
from web.registers.imports import ImportFileError, import_decisions
from web.registers.registry import REGISTERS, Register
from web.registers.tables import table1_for
from xxgk.model.formats import FIRST_YEAR, FORMATS, expected_format, split_table1_key, table1_key


def _register(slug: str) -> Register:
    try:
        return REGISTERS[slug]
    except KeyError:
        raise Http404("没有这个登记簿") from None


def _chosen_agency(request: HttpRequest) -> Agency | None:
    agencies = visible_agencies(request.user)
    wanted = request.GET.get("agency", "")
    if wanted.isdigit():
        chosen = agencies.filter(pk=int(wanted)).first()
        if chosen is None:
            raise Http404("未找到该机关")
        return chosen
    return primary_agency(request.user) or agencies.first()


def _year(request: HttpRequest, default: int) -> int:
    raw = request.GET.get("year", "")
    year = int(raw) if raw.isdigit() else default
    return min(max(year, FIRST_YEAR), timezone.localdate().year)


def table1_blocks(code: str, table: dict[str, Any]) -> list[dict[str, Any]]:
    """The table laid out as the report prints it: blocks with their column labels and rows of values."""
    blocks = []
    for block in FORMATS[code].table1_blocks:
        rows = [
            {"label": row, "values": [table[table1_key(row, col.label)] for col in block.columns]} for row in block.rows
        ]
        blocks.append({"header": block.header, "columns": [c.label for c in block.columns], "rows": rows})
    return blocks


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    agency = _chosen_agency(request)
    today = timezone.localdate()
    year = _year(request, today.year - 1)
    context: dict[str, Any] = {
        "agency": agency,
        "agencies": visible_agencies(request.user),
        "year": year,
        "years": list(range(today.year, FIRST_YEAR - 1, -1)),
        "registers": REGISTERS.values(),
        "registers_nav": REGISTERS.values(),
    }
    if agency is not None:
        code = expected_format(year)
        table = table1_for(agency, year)
        if request.GET.get("export") in ("csv", "xlsx"):
            rows = [[*split_table1_key(k), v] for k, v in table.items()]
            return export_response(
                f"{agency.name}{year}年表一", ["信息内容", "项目", "数值"], rows, request.GET["export"]
            )
        context.update(
            code=code,
            notice=FORMATS[code].notice,
            blocks=table1_blocks(code, table),
            figures=part1_figures(agency, year),
            can_act=can_act(request.user, agency),
        )
    return render(request, "registers/index.html", context)


@login_required
@require_GET
def record_list(request: HttpRequest, slug: str) -> HttpResponse:
    register = _register(slug)
    agency = _chosen_agency(request)
    model = register.model
    qs = filter_visible(model.objects.all(), request.user).select_related("agency")  # type: ignore[attr-defined]
    if agency is not None:
        qs = qs.filter(agency=agency)
    year_raw = request.GET.get("year", "")
    if year_raw.isdigit():
        lookup = f"{register.year_field}__year" if register.year_is_date else register.year_field
        qs = qs.filter(**{lookup: int(year_raw)})
    if (q := request.GET.get("q", "").strip()) and register.search_fields:
        cond = Q()
        for name in register.search_fields:
            cond |= Q(**{f"{name}__icontains": q})
        qs = qs.filter(cond)
    if (kind := request.GET.get("kind", "")) and "kind" in register.fields:
        qs = qs.filter(kind=kind)
    fields = [model._meta.get_field(name) for name in register.fields]
    headers = [str(f.verbose_name) for f in fields]

    def cells(obj: Any) -> list[Any]:
        return [getattr(obj, f"get_{f.name}_display")() if f.choices else getattr(obj, f.name) for f in fields]

    if (fmt := request.GET.get("export")) in ("csv", "xlsx"):
        return export_response(register.title, ["机关", *headers], ([o.agency.name, *cells(o)] for o in qs), fmt)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    kind_field = model._meta.get_field("kind") if "kind" in register.fields else None
    return render(
        request,
        "registers/record_list.html",
        {
            "register": register,
            "registers_nav": REGISTERS.values(),
            "agency": agency,
            "agencies": visible_agencies(request.user),
            "headers": headers,
            "rows": [(o, cells(o)) for o in page],
            "page": page,
            "query": query.urlencode(),
            "kinds": kind_field.choices if kind_field else None,
            "years": list(range(timezone.localdate().year, FIRST_YEAR - 4, -1)),
            "can_act": agency is not None and can_act(request.user, agency),
        },
    )


def _back(register: Register, agency_id: int) -> str:
    return f"{reverse('registers:list', args=[register.slug])}?agency={agency_id}"


@login_required
@require_http_methods(["GET", "POST"])
def record_form_view(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    register = _register(slug)
    instance = None
    if pk is not None:
        instance = get_visible_or_404(register.model.objects.all(), request.user, pk=pk)  # type: ignore[attr-defined]
        require_act(request.user, instance)
    agencies = [instance.agency] if instance else acting_agencies(request.user)  # type: ignore[attr-defined]
    if not agencies:
        raise PermissionDenied("您没有登记的权限")
    form = record_form(register, agencies, request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        obj = form.save(commit=False)
        require_act(request.user, obj.agency)
        if hasattr(obj, "created_by_id") and not obj.pk:
            obj.created_by = request.user
        obj.save()
        log_change(request.user, obj.agency, obj, "edit" if instance else "create", f"{register.title}：{obj}")
        messages.success(request, "已保存。")
        return redirect(_back(register, obj.agency_id))
    return render(request, "registers/record_form.html", {"register": register, "form": form, "instance": instance})


@login_required
@require_POST
def record_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    register = _register(slug)
    obj = get_visible_or_404(register.model.objects.all(), request.user, pk=pk)  # type: ignore[attr-defined]
    require_act(request.user, obj)
    log_change(request.user, obj.agency, obj, "delete", f"{register.title}：{obj}")
    obj.delete()
    messages.success(request, "已删除。")
    return redirect(_back(register, obj.agency_id))


@login_required
@require_http_methods(["GET", "POST"])
def decision_import(request: HttpRequest) -> HttpResponse:
    agencies = acting_agencies(request.user)
    if not agencies:
        raise PermissionDenied("您没有登记的权限")
    form = ImportForm(request.POST or None, request.FILES or None, agencies=agencies)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        agency = form.cleaned_data["agency"]
        require_act(request.user, agency)
        upload = form.cleaned_data["file"]
        try:
            result = import_decisions(agency, upload.name, upload.read(), actor=request.user)
        except ImportFileError as exc:
            errors = [str(exc)]
        else:
            if result.ok:
                log_change(
                    request.user, agency, agency, "import", f"批量导入处理决定 {result.created} 条（{upload.name}）"
                )
                messages.success(request, f"已导入 {result.created} 条处理决定。")
                return redirect(_back(REGISTERS["decisions"], agency.pk))
            errors = result.errors
    return render(request, "registers/import.html", {"form": form, "errors": errors})
