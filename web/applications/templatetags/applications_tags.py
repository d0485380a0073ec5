"""Template helpers of the application pages."""

from __future__ import annotations

from typing import Any

from django import template

from web.accounts.permissions import own_agency_ids

register = template.Library()


@register.simple_tag
def may_register(user: Any) -> bool:
    """Does the user act for some agency (and so may register applications and review records)?"""
    return bool(getattr(user, "is_superuser", False) or own_agency_ids(user))
