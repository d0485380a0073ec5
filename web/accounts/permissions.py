"""The one place that decides who may see and change what.

- staff (经办人) and approvers (负责人) act for their own agency;
- a supervisor (监督) at an agency sees every agency below it (read-only);
- superusers (system administrators) see everything.

Views call these helpers first; querysets are filtered with `visible_agency_ids(user)`. An object of an
agency the user may not see answers 404 (its existence is not revealed); a visible object the user may not
change answers 403.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404

from web.accounts.models import Agency, Membership, Role


def _memberships(user: Any) -> list[Membership]:
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_xxgk_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user).select_related("agency"))
        user._xxgk_memberships = cached
    return cached


def own_agency_ids(user: Any, roles: tuple[str, ...] = (Role.STAFF, Role.APPROVER)) -> set[int]:
    """Agencies the user acts for with one of `roles`."""
    return {m.agency_id for m in _memberships(user) if m.role in roles}


def visible_agency_ids(user: Any) -> set[int] | None:
    """Agencies whose records the user may see; None means all (system administrator)."""
    if getattr(user, "is_superuser", False):
        return None
    ids: set[int] = set()
    for m in _memberships(user):
        ids.add(m.agency_id)
        if m.role == Role.SUPERVISOR:
            ids |= m.agency.descendant_ids()
    return ids


def visible_agencies(user: Any) -> QuerySet[Agency]:
    ids = visible_agency_ids(user)
    qs = Agency.objects.all()
    return qs if ids is None else qs.filter(pk__in=ids)


def filter_visible(queryset: QuerySet[Any], user: Any, field: str = "agency") -> QuerySet[Any]:
    """Restrict `queryset` to rows whose `field` (an Agency foreign key) the user may see."""
    ids = visible_agency_ids(user)
    return queryset if ids is None else queryset.filter(**{f"{field}_id__in": ids})


def can_view(user: Any, agency: Agency | int) -> bool:
    ids = visible_agency_ids(user)
    agency_id = agency if isinstance(agency, int) else agency.pk
    return ids is None or agency_id in ids


def can_act(user: Any, agency: Agency | int) -> bool:
    """May the user change records of `agency` (staff or approver there, or an administrator)?"""
    agency_id = agency if isinstance(agency, int) else agency.pk
    return getattr(user, "is_superuser", False) or agency_id in own_agency_ids(user)


def can_approve(user: Any, agency: Agency | int) -> bool:
    agency_id = agency if isinstance(agency, int) else agency.pk
    return getattr(user, "is_superuser", False) or agency_id in own_agency_ids(user, (Role.APPROVER,))


def is_supervisor(user: Any) -> bool:
    return getattr(user, "is_superuser", False) or any(m.role == Role.SUPERVISOR for m in _memberships(user))


def get_visible_or_404(queryset: QuerySet[Any], user: Any, field: str = "agency", **lookup: Any) -> Any:
    """Fetch one object the user may see; 404 for objects of other agencies."""
    try:
        return filter_visible(queryset, user, field).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404("未找到该记录") from None


def require_act(user: Any, obj_or_agency: Model | Agency) -> None:
    agency = obj_or_agency if isinstance(obj_or_agency, Agency) else obj_or_agency.agency  # type: ignore[attr-defined]
    if not can_act(user, agency):
        raise PermissionDenied("您没有办理该机关事项的权限")


def require_approve(user: Any, agency: Agency) -> None:
    if not can_approve(user, agency):
        raise PermissionDenied("只有公开工作机构负责人可以审批")


def primary_agency(user: Any) -> Agency | None:
    """The agency a user works for first (own agency before supervised ones)."""
    members = sorted(_memberships(user), key=lambda m: (m.role == Role.SUPERVISOR, m.agency_id))
    return members[0].agency if members else None
