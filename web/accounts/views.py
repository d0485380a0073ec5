from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from web.accounts.permissions import visible_agencies


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The staff start page: the user's agencies and the sections of the system."""
    agencies = visible_agencies(request.user).select_related("parent")
    return render(request, "accounts/home.html", {"agencies": agencies})
