from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from web.accounts.models import Agency


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The public start page: the agencies whose disclosure pages this system publishes."""
    agencies = Agency.objects.select_related("parent").order_by("parent_id", "kind", "name")
    return render(request, "portal/index.html", {"agencies": agencies})
