"""Forms fuzzed with hypothesis: whatever is posted, the public application form, the staff intake form and
the case actions answer with a page or a redirect, never a server error.

Each field gets either a plausible value or junk (any Unicode including NUL and control characters, very
long strings, numbers, dates in odd forms); the test client re-raises any exception of a view, so a 500 fails
the test with its traceback.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from web.applications.tests.domain_fixtures import calendar, make_case, person_id  # noqa: F401
from web.conftest import client_for

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

junk = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=30),
    st.sampled_from(
        ["", " ", "\x00", "0", "-1", "9" * 40, "2025-02-30", "2025-13-01", "1900-01-01", "明天", "<script>"]
    ),
    st.integers(-(10**12), 10**12).map(str),
)


def field(*plausible: str) -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(plausible), junk) if plausible else junk


def public_data(agency_pk: int) -> st.SearchStrategy[dict[str, str]]:
    return st.fixed_dictionaries(
        {
            "agency": field(str(agency_pk)),
            "applicant_type": field("natural_person", "commercial", "other_org"),
            "applicant_name": field("张三"),
            "id_number": field(person_id(7), "91320100MA1XYZ0000"),
            "legal_representative": field("李四"),
            "phone": field("13800000000"),
            "email": field("a@example.com"),
            "address": field("江州市清河区"),
            "description": field("请公开某文件"),
            "document_number": field("清政发〔2025〕1号"),
            "delivery_form": field("paper", "electronic"),
            "delivery_channel": field("post", "email", "pickup"),
            "confirm": field("on"),
        },
        optional={"channel": field("in_person", "post_signed", "online"), "received_on": field("2025-03-03")},
    )


@pytest.fixture
def anonymous() -> Client:
    return Client()


def test_public_application_form_never_fails(calendar, agency_a, anonymous) -> None:  # noqa: F811
    @FUZZ
    @given(data=public_data(agency_a.pk))
    def post(data: dict[str, str]) -> None:
        cache.clear()  # the rate limits would otherwise answer every later example with 429
        response = anonymous.post(reverse("apply:form"), data)
        assert response.status_code in (200, 302, 400), response.status_code

    post()


def test_staff_intake_form_never_fails(calendar, agency_a, owner) -> None:  # noqa: F811
    client = client_for(owner)

    @FUZZ
    @given(data=public_data(agency_a.pk))
    def post(data: dict[str, str]) -> None:
        response = client.post(reverse("applications:new"), data)
        assert response.status_code in (200, 302, 400), response.status_code

    post()


ACTIONS = (
    "request_correction",
    "receive_correction",
    "lapse_correction",
    "start_third_party",
    "end_third_party",
    "extend",
    "notify_fee",
    "record_fee_paid",
    "decide",
    "close",
    "withdraw",
    "no_such_action",
)


def test_case_actions_never_fail(calendar, agency_a, approver) -> None:  # noqa: F811
    import datetime as dt

    case = make_case(agency_a, dt.date(2025, 3, 3))
    client = client_for(approver)

    @FUZZ
    @given(
        action=st.sampled_from(ACTIONS),
        version=field(str(case.version), "0"),
        date=field("2025-03-10", "2025-03-03"),
        outcome=field("granted", "refused_1", "other_1"),
        text=junk,
        number=field("5", "20", "100"),
    )
    def post(action: str, version: str, date: str, outcome: str, text: str, number: str) -> None:
        prefix = action
        data = {
            f"{prefix}-version": version,
            f"{prefix}-date": date,
            f"{prefix}-outcome": outcome,
            f"{prefix}-basis": text,
            f"{prefix}-items": text,
            f"{prefix}-note": text,
            f"{prefix}-document_ref": text,
            f"{prefix}-days": number,
            f"{prefix}-period_days": number,
            f"{prefix}-pages": number,
            f"{prefix}-amount": number,
            f"{prefix}-method": text,
            f"{prefix}-party": text,
        }
        response = client.post(reverse("applications:act", args=[case.pk, action]), data)
        assert response.status_code in (200, 302, 400, 403, 404, 409), (action, response.status_code)

    post()
