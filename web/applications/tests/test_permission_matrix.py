# ruff: noqa: F811  (pytest fixtures imported from ui_helpers are redefined as test arguments)
"""Every page of the application process against every persona, as one table (design.md §4):

- owner / colleague (staff of agency A), approver (head of A's disclosure office), outsider (staff of B),
  supervisor (政务公开办 above both), anonymous;
- allowed → 200 (or 302 after a successful POST), not his to change → 403, another agency's object → 404,
  wrong method → 405, staff page without login → 302 to the login page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from web.applications import domain
from web.applications.choices import ReviewRoute
from web.applications.models import ReviewCase
from web.applications.tests.ui_helpers import _media, calendar_years, register_case  # noqa: F401
from web.applications.uploads import save_attachment
from web.conftest import client_for

RECEIVED = dt.date(2025, 3, 3)
PERSONAS = ("owner", "colleague", "approver", "outsider", "supervisor", "anonymous")


@dataclass(frozen=True)
class Row:
    name: str
    method: str
    url: Callable[[dict[str, Any]], str]
    expect: dict[str, int]  # persona → status
    data: Callable[[dict[str, Any]], dict[str, Any]] | None = None


def staff_all(ok: int = 200) -> dict[str, int]:
    return {p: ok for p in PERSONAS[:-1]} | {"anonymous": 302}


def case_url(name: str, *extra: Any) -> Callable[[dict[str, Any]], str]:
    return lambda w: reverse(f"applications:{name}", args=[w["case"].pk, *extra])


def action_data(w: dict[str, Any], prefix: str, **fields: Any) -> dict[str, Any]:
    data = {f"{prefix}-version": w["case"].version, f"{prefix}-date": "2025-03-04"}
    return data | {f"{prefix}-{k}": v for k, v in fields.items()}


ACT_OWNERS = {"owner": 302, "colleague": 302, "approver": 302, "outsider": 404, "supervisor": 403, "anonymous": 302}

TABLE = [
    # --- lists and pages without an object
    Row("dashboard", "get", lambda w: reverse("applications:dashboard"), staff_all()),
    Row("dashboard", "post", lambda w: reverse("applications:dashboard"), staff_all(405) | {"anonymous": 302}),
    Row("list", "get", lambda w: reverse("applications:list"), staff_all()),
    Row("list", "post", lambda w: reverse("applications:list"), staff_all(405) | {"anonymous": 302}),
    Row("export csv", "get", lambda w: reverse("applications:export", args=["csv"]), staff_all()),
    Row("export xlsx", "get", lambda w: reverse("applications:export", args=["xlsx"]), staff_all()),
    Row("export", "post", lambda w: reverse("applications:export", args=["csv"]), staff_all(405) | {"anonymous": 302}),
    Row("new", "get", lambda w: reverse("applications:new"), staff_all() | {"supervisor": 403}),
    Row("new", "put", lambda w: reverse("applications:new"), staff_all(405) | {"anonymous": 302}),
    Row("reviews", "get", lambda w: reverse("applications:reviews"), staff_all()),
    Row("reviews", "post", lambda w: reverse("applications:reviews"), staff_all(405) | {"anonymous": 302}),
    Row("reviews export", "get", lambda w: reverse("applications:reviews_export", args=["xlsx"]), staff_all()),
    Row("review_new", "get", lambda w: reverse("applications:review_new"), staff_all() | {"supervisor": 403}),
    # --- one case of agency A
    Row("detail", "get", case_url("detail"), staff_all() | {"outsider": 404}),
    Row("detail", "post", case_url("detail"), staff_all(405) | {"anonymous": 302}),
    Row(
        "act correction",
        "post",
        case_url("act", "request_correction"),
        ACT_OWNERS,
        lambda w: action_data(w, "request_correction", items="请写明年度", period_days=15),
    ),
    Row("act", "get", case_url("act", "decide"), staff_all(405) | {"anonymous": 302}),
    Row(
        "act third party",
        "post",
        case_url("act", "start_third_party"),
        ACT_OWNERS,
        lambda w: action_data(w, "start_third_party", party="某某公司"),
    ),
    Row(
        "act extension (approver only)",
        "post",
        case_url("act", "extend"),
        ACT_OWNERS | {"owner": 403, "colleague": 403},
        lambda w: action_data(w, "extend", days=10),
    ),
    Row(
        "act decide",
        "post",
        case_url("act", "decide"),
        ACT_OWNERS,
        lambda w: action_data(w, "decide", outcome="granted"),
    ),
    Row("act withdraw", "post", case_url("act", "withdraw"), ACT_OWNERS, lambda w: action_data(w, "withdraw")),
    Row(
        "letter",
        "get",
        lambda w: reverse("applications:letter", args=[w["decided"].pk, "reply"]),
        staff_all() | {"outsider": 404, "supervisor": 403},
    ),
    Row(
        "letter not valid for the case",
        "get",
        lambda w: reverse("applications:letter", args=[w["case"].pk, "fee"]),
        staff_all(404) | {"supervisor": 403, "anonymous": 302},
    ),
    Row(
        "letter",
        "post",
        lambda w: reverse("applications:letter", args=[w["decided"].pk, "reply"]),
        staff_all(405) | {"anonymous": 302},
    ),
    Row(
        "attachment",
        "get",
        lambda w: reverse("applications:attachment", args=[w["case"].pk, w["attachment"].pk]),
        staff_all() | {"outsider": 404, "supervisor": 403},
    ),
    Row(
        "attachment",
        "delete",
        lambda w: reverse("applications:attachment", args=[w["case"].pk, w["attachment"].pk]),
        staff_all(405) | {"anonymous": 302},
    ),
    Row(
        "review_edit",
        "get",
        lambda w: reverse("applications:review_edit", args=[w["review"].pk]),
        staff_all() | {"outsider": 404, "supervisor": 403},
    ),
    Row(
        "review_edit",
        "delete",
        lambda w: reverse("applications:review_edit", args=[w["review"].pk]),
        staff_all(405) | {"anonymous": 302},
    ),
    # --- public pages (no login)
    Row("apply", "get", lambda w: reverse("apply:form"), {p: 200 for p in PERSONAS}),
    Row("apply", "put", lambda w: reverse("apply:form"), {p: 405 for p in PERSONAS}),
    Row("apply done", "get", lambda w: reverse("apply:done"), {p: 200 for p in PERSONAS}),
    Row("apply done", "post", lambda w: reverse("apply:done"), {p: 405 for p in PERSONAS}),
    Row("status", "get", lambda w: reverse("apply:status"), {p: 200 for p in PERSONAS}),
    Row("status", "delete", lambda w: reverse("apply:status"), {p: 405 for p in PERSONAS}),
]


@pytest.fixture
def world(calendar_years, agency_a, owner, colleague, approver, outsider, supervisor) -> dict[str, Any]:
    case = register_case(agency_a, RECEIVED, actor=owner, handler=owner)
    decided = register_case(agency_a, RECEIVED, actor=owner, id_number="440300199003071234", name="李四")
    domain.decide(
        decided, owner, "granted", "《政府信息公开条例》第三十六条第（二）项", RECEIVED + dt.timedelta(days=2)
    )
    attachment = save_attachment(case, SimpleUploadedFile("申请表.pdf", b"%PDF-1.4 test"), owner)
    review = ReviewCase.objects.create(agency=agency_a, route=ReviewRoute.REVIEW, filed_on=dt.date(2025, 5, 6))
    users = {
        "owner": owner,
        "colleague": colleague,
        "approver": approver,
        "outsider": outsider,
        "supervisor": supervisor,
    }
    return {"case": case, "decided": decided, "attachment": attachment, "review": review, "users": users}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_permission_matrix(world: dict[str, Any], persona: str) -> None:
    failures = []
    for row in TABLE:
        # Each row starts from a fresh case so that an allowed action does not change what the next row sees.
        fresh = register_case(
            world["case"].agency, RECEIVED, actor=world["users"]["owner"], id_number="440300199003071234"
        )
        w = world | {
            "case": fresh,
            "attachment": save_attachment(fresh, SimpleUploadedFile("a.pdf", b"%PDF-1.4"), None),
        }
        client = Client() if persona == "anonymous" else client_for(world["users"][persona])
        url = row.url(w)
        data = row.data(w) if row.data else {}
        response = getattr(client, row.method)(url, data) if row.method == "post" else getattr(client, row.method)(url)
        expected = row.expect[persona]
        if response.status_code != expected:
            failures.append(f"{row.name} {row.method.upper()} {url}: {response.status_code} ≠ {expected}")
        elif expected == 302 and persona == "anonymous" and "/accounts/login/" not in response["Location"]:
            failures.append(f"{row.name}: anonymous redirected to {response['Location']}, not to the login page")
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_successful_actions_really_changed_the_case(world: dict[str, Any]) -> None:
    """A 302 in the matrix must mean the domain recorded the step (not a silent redirect)."""
    case = world["case"]
    client = client_for(world["users"]["owner"])
    r = client.post(
        reverse("applications:act", args=[case.pk, "request_correction"]),
        action_data(world, "request_correction", items="请写明年度\n请写明文号", period_days=10),
    )
    assert r.status_code == 302
    case.refresh_from_db()
    assert case.state == "awaiting_correction"
    kinds = [e.kind for e in case.events_in_order()]
    assert kinds == ["received", "correction_requested"]
    assert case.events_in_order()[-1].items == ["请写明年度", "请写明文号"]
