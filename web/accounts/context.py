"""Template context shared by every page: the user's agency and roles (for the header and navigation)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from web.accounts.permissions import is_supervisor, primary_agency


def current_agency(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"current_agency": primary_agency(user), "is_supervisor": is_supervisor(user)}
