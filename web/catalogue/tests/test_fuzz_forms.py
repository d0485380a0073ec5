"""The catalogue's staff forms fuzzed with hypothesis: new items (any category, dates, titles, links to
columns and policies), column forms and the list filters. Every answer is a page or a redirect, never a
server error (the test client re-raises a view's exception)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from web.conftest import client_for

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
junk = st.one_of(
    st.text(max_size=200),
    st.sampled_from(["", "own", "a01", "a99", "0", "-1", "2025-02-30", "2025-03-03", "9" * 30, "\x00", "on"]),
    st.integers(-(10**12), 10**12).map(str),
)


def test_item_and_column_forms_never_fail(agency_a, owner) -> None:
    client = client_for(owner)

    @FUZZ
    @given(
        agency=st.one_of(st.just(str(agency_a.pk)), junk),
        category=junk,
        title=junk,
        dates=st.tuples(junk, junk),
        links=st.tuples(junk, junk, junk),
        text=junk,
    )
    def post(
        agency: str, category: str, title: str, dates: tuple[str, str], links: tuple[str, str, str], text: str
    ) -> None:
        item = {
            "agency": agency,
            "title": title,
            "category": category,
            "own_category": text,
            "column": links[0],
            "doc_no": text,
            "issuer": title,
            "formed_on": dates[0],
            "changed_on": dates[1],
            "is_policy": links[1],
            "interprets": links[2],
            "body": text,
        }
        answers = [
            client.post(reverse("catalogue:item_new"), item),
            client.post(reverse("catalogue:column_new"), {"agency": agency, "name": title, "column_type": category}),
            client.get(reverse("catalogue:items"), {"q": title, "category": category, "status": text}),
        ]
        for response in answers:
            assert response.status_code in (200, 302, 400, 403, 404), response.status_code

    post()
