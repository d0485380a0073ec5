from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def person(user: Any, empty: str = "—") -> str:
    """A user's name as staff know it (full name, else user name); `empty` when there is nobody."""
    if user is None:
        return empty
    return user.get_full_name() or user.username


@register.filter
def can_draft(user: Any) -> bool:
    """Whether the user acts for some agency (staff, approver or administrator), so may draft items."""
    from web.accounts.permissions import own_agency_ids

    return bool(getattr(user, "is_superuser", False) or own_agency_ids(user))
