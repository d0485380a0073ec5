"""Forms of the report pages fuzzed with hypothesis: cell overrides (any cell reference, any value, any
reason), the narrative text, compile and import parameters. Every answer is a page or a redirect, never a
server error (the test client re-raises a view's exception)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from web.conftest import client_for
from web.reports import cells

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
junk = st.one_of(
    st.text(max_size=200),
    st.sampled_from(["", "/", "-", "—", "0", "-1", "1e9", "1.23456", "9" * 30, "NaN", "\x00", "t2.new.9", "t9.x.0"]),
    st.integers(-(10**15), 10**15).map(str),
)


def test_cell_overrides_never_fail(draft, owner) -> None:
    refs = cells.all_refs(draft.report)
    client = client_for(owner)

    @FUZZ
    @given(ref=st.one_of(st.sampled_from(refs), junk), value=junk, reason=junk)
    def post(ref: str, value: str, reason: str) -> None:
        data = {"ref": ref, "value": value, "reason": reason}
        for name in ("reports:override", "reports:revert_override"):
            response = client.post(reverse(name, args=[draft.pk]), data)
            assert response.status_code in (200, 302, 400, 403, 404), (name, response.status_code)

    post()


def test_text_compile_and_import_never_fail(draft, owner, agency_a) -> None:
    client = client_for(owner)

    @FUZZ
    @given(part=junk, text=junk, agency=st.one_of(st.just(str(agency_a.pk)), junk), year=junk)
    def post(part: str, text: str, agency: str, year: str) -> None:
        answers = [
            client.post(reverse("reports:save_text", args=[draft.pk]), {"part": part, "text": text}),
            client.post(reverse("reports:compile"), {"agency": agency, "year": year}),
            client.post(reverse("reports:import"), {"agency": agency, "year": year}),
            client.get(reverse("reports:index"), {"year": year, "agency": agency}),
            client.get(reverse("reports:detail", args=[draft.pk]), {"cell": text}),
        ]
        for response in answers:
            assert response.status_code in (200, 302, 400, 403, 404), response.status_code

    post()
