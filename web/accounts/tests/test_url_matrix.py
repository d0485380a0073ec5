"""Every URL of the system has a declared access level, and anonymous visitors get exactly that.

The test walks the whole URLconf (`get_resolver()`): a URL pattern missing from `ACCESS` below fails the
test, so a new page cannot ship without someone deciding who may open it. Levels:

- public: answers without login (portal, online application, published reports, login, liveness);
- login: any signed-in user; what the page shows is filtered to the user's agencies;
- agency: an object of one agency (staff of that agency act, its supervisors read; others get 404/403);
- supervisor: supervisors (政务公开监督) only;
- admin: the Django admin site (is_staff accounts only).

Checks: anonymous requests to every non-public URL end at the login page (GET, or POST for POST-only views);
public URLs answer without login; signed-in users of another agency never get a page of a missing or foreign
object; a plain clerk is refused the supervisor pages and the admin site. The object-level matrices per
app (who may change which case, item, report) are in each app's own tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from web.conftest import client_for

pytestmark = pytest.mark.django_db

PUBLIC, LOGIN, AGENCY, SUPERVISOR, ADMIN = "public", "login", "agency", "supervisor", "admin"

ACCESS: dict[str, str] = {
    # public pages
    "portal:index": PUBLIC,
    "portal:agency": PUBLIC,
    "portal:catalogue": PUBLIC,
    "portal:item": PUBLIC,
    "portal:attachment": PUBLIC,
    "portal:guide": PUBLIC,
    "portal:reports": PUBLIC,
    "apply:form": PUBLIC,
    "apply:done": PUBLIC,
    "apply:status": PUBLIC,
    "reports:public": PUBLIC,
    "reports:public_download": PUBLIC,
    "accounts:login": PUBLIC,
    "accounts:logout": PUBLIC,
    "healthz": PUBLIC,
    # staff work pages
    "home": LOGIN,
    "calendar:index": LOGIN,
    "applications:dashboard": LOGIN,
    "applications:list": LOGIN,
    "applications:export": LOGIN,
    "applications:new": LOGIN,
    "applications:detail": AGENCY,
    "applications:act": AGENCY,
    "applications:letter": AGENCY,
    "applications:attachment": AGENCY,
    "applications:reviews": LOGIN,
    "applications:reviews_export": LOGIN,
    "applications:review_new": LOGIN,
    "applications:review_edit": AGENCY,
    "catalogue:dashboard": LOGIN,
    "catalogue:items": LOGIN,
    "catalogue:item_new": LOGIN,
    "catalogue:item": AGENCY,
    "catalogue:item_edit": AGENCY,
    "catalogue:item_submit": AGENCY,
    "catalogue:item_review": AGENCY,
    "catalogue:item_approve": AGENCY,
    "catalogue:item_validity": AGENCY,
    "catalogue:attachment": AGENCY,
    "catalogue:columns": LOGIN,
    "catalogue:column_new": LOGIN,
    "catalogue:column_edit": AGENCY,
    "catalogue:column_remind": AGENCY,
    "catalogue:reminder_done": AGENCY,
    "registers:index": LOGIN,
    "registers:import": LOGIN,
    "registers:list": LOGIN,
    "registers:new": LOGIN,
    "registers:edit": AGENCY,
    "registers:delete": AGENCY,
    "reports:index": LOGIN,
    "reports:compile": LOGIN,
    "reports:import": LOGIN,
    "reports:board": SUPERVISOR,
    "reports:rollup": AGENCY,
    "reports:detail": AGENCY,
    "reports:save_text": AGENCY,
    "reports:override": AGENCY,
    "reports:revert_override": AGENCY,
    "reports:recompile": AGENCY,
    "reports:submit": AGENCY,
    "reports:send_back": AGENCY,
    "reports:approve": AGENCY,
    "reports:publish": AGENCY,
    "reports:correct": AGENCY,
    "reports:download": AGENCY,
    "audits:index": LOGIN,
    "audits:upload": LOGIN,
    "audits:batch": AGENCY,
    "audits:progress": AGENCY,
    "audits:rerun": AGENCY,
    "audits:diff": AGENCY,
    "audits:dashboard": AGENCY,
    "audits:export": AGENCY,
    "audits:result": AGENCY,
    "audits:review": AGENCY,
}
# The admin site's patterns are generated per registered model; all of them sit behind the admin login,
# except the login page and the logout (which ends a session and goes back to the admin index, which then
# asks for the login).
ADMIN_PUBLIC = {"admin:login", "admin:logout"}
# Public URLs whose job is to land on the login page.
LANDS_ON_LOGIN = {"accounts:logout"}
UNNAMED = "(unnamed)"

MISSING = 987654  # an id no object has
ARGUMENTS: dict[str, object] = {
    "pk": MISSING,
    "item_pk": MISSING,
    "attachment_pk": MISSING,
    "agency_id": MISSING,
    "result_id": MISSING,
    "finding_id": MISSING,
    "year": 2025,
    "slug": "decisions",
    "action": "decide",
    "kind": "reply",
    "fmt": "csv",
    "object_id": "1",
    "content_type_id": "1",
    "app_label": "accounts",
    "id": "1",
    "url": "no-such-page/",
}
_ROUTE_PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>")


def url_patterns() -> Iterator[tuple[str, str]]:
    """(name with namespace, route) of every URL pattern, nested includes flattened."""

    def walk(patterns: list[URLPattern | URLResolver], prefix: str, namespace: str) -> Iterator[tuple[str, str]]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}:{pattern.namespace}" if namespace and pattern.namespace else pattern.namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner or namespace)
            elif pattern.name:
                yield (f"{namespace}:{pattern.name}" if namespace else pattern.name), prefix + str(pattern.pattern)
            else:
                # Only the admin site has unnamed patterns (redirects from an object's bare address).
                assert namespace == "admin", f"网址「{prefix}{pattern.pattern}」没有名称，无法在权限表中登记"
                yield f"admin:{UNNAMED}", prefix + str(pattern.pattern)

    yield from walk(get_resolver().url_patterns, "", "")


def url_for(name: str, route: str, **given: object) -> str:
    values = {**ARGUMENTS, **given}
    if name.endswith(UNNAMED):
        return "/" + _ROUTE_PARAMETER.sub(lambda m: str(values[m.group(1) or m.group(2)]), route)
    names = [a or b for a, b in _ROUTE_PARAMETER.findall(route)]
    return reverse(name, kwargs={n: values[n] for n in names})


def login_path() -> str:
    return reverse(settings.LOGIN_URL)


def ends_at_login(response: object, login: str) -> bool:
    status = getattr(response, "status_code", 0)
    location = getattr(response, "headers", {}).get("Location", "")
    return status == 302 and urlparse(location).path == login


def answer(client: Client, url: str) -> object:
    """GET the URL; for a POST-only view, POST it (an empty form) instead."""
    response = client.get(url)
    if response.status_code == 405:
        response = client.post(url)
    return response


def test_every_url_pattern_has_a_declared_access_level() -> None:
    names = {name for name, _ in url_patterns()}
    undeclared = sorted(n for n in names if n not in ACCESS and not n.startswith("admin:"))
    assert not undeclared, f"这些网址没有在权限表中登记访问级别：{undeclared}"
    stale = sorted(set(ACCESS) - names)
    assert not stale, f"权限表中登记的网址已不存在：{stale}"
    assert any(n.startswith("admin:") for n in names)


def test_anonymous_visitors_are_sent_to_login_everywhere_but_public_pages(agency_a) -> None:
    anonymous = Client()
    for name, route in url_patterns():
        if name.startswith("admin:") or name not in ACCESS:  # undeclared ones fail the test above
            continue
        url = url_for(name, route, pk=agency_a.pk) if name.startswith("portal:") else url_for(name, route)
        response = answer(anonymous, url)
        if ACCESS[name] == PUBLIC:
            if name not in LANDS_ON_LOGIN:
                assert not ends_at_login(response, login_path()), f"{name} 应无需登录即可访问：{url}"
            assert response.status_code < 500, (name, url, response.status_code)
        else:
            assert ends_at_login(response, login_path()), (name, url, response.status_code)


def test_public_pages_answer_without_login(agency_a) -> None:
    anonymous = Client()
    for name in ("portal:index", "portal:agency", "portal:catalogue", "portal:guide", "apply:form", "healthz"):
        route = dict(url_patterns())[name]
        response = anonymous.get(url_for(name, route, pk=agency_a.pk))
        assert response.status_code == 200, (name, response.status_code)
    assert Client().get(reverse("healthz")).content == b"ok"
    assert Client().get(reverse("accounts:login")).status_code == 200


def test_the_admin_site_is_behind_its_own_login_for_anonymous_users_and_clerks(owner) -> None:
    admin_login = reverse("admin:login")
    clerk = client_for(owner)
    checked = 0
    for name, route in url_patterns():
        if not name.startswith("admin:") or name in ADMIN_PUBLIC:
            continue
        url = url_for(name, route)
        for client in (Client(), clerk):
            response = client.get(url)
            assert ends_at_login(response, admin_login), (name, url, response.status_code)
        checked += 1
    assert checked > 20


def test_signed_in_users_get_no_page_of_a_missing_or_foreign_object(outsider) -> None:
    client = client_for(outsider)
    for name, route in url_patterns():
        if ACCESS.get(name) != AGENCY:
            continue
        url = url_for(name, route)
        response = answer(client, url)
        assert response.status_code in (403, 404), (name, url, response.status_code)


def test_login_pages_open_for_any_signed_in_clerk_without_errors(owner) -> None:
    client = client_for(owner)
    for name, route in url_patterns():
        if ACCESS.get(name) != LOGIN:
            continue
        url = url_for(name, route)
        response = client.get(url)
        assert response.status_code in (200, 302, 405), (name, url, response.status_code)


def test_supervisor_pages_refuse_a_clerk_and_open_for_a_supervisor(owner, supervisor) -> None:
    for name, route in url_patterns():
        if ACCESS.get(name) != SUPERVISOR:
            continue
        url = url_for(name, route)
        assert client_for(owner).get(url).status_code == 403, name
        assert client_for(supervisor).get(url).status_code == 200, name
