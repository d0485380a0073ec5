"""Applicants' personal data never reaches the logs or the change log.

The main flows run with every logger at DEBUG and captured: an online application by a natural person
(with an ID number, a phone number and a name), a rejected submission of the same person, the status
lookup, a staff member opening the case, a refused access by another agency, and the decision. Neither the
captured log output nor any ChangeLog row may contain the ID number, the phone number or the name.
"""

from __future__ import annotations

import logging

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from web.accounts.models import ChangeLog
from web.applications.models import Application
from web.applications.tests.domain_fixtures import calendar, person_id  # noqa: F401
from web.conftest import client_for

pytestmark = pytest.mark.django_db

NAME = "欧阳晓燕"
PHONE = "13987654321"
ID_NUMBER = person_id(4242)


def application_form(agency_pk: int, **changes: str) -> dict[str, str]:
    data = {
        "agency": str(agency_pk),
        "applicant_type": "natural_person",
        "applicant_name": NAME,
        "id_number": ID_NUMBER,
        "phone": PHONE,
        "email": "ouyang@example.com",
        "address": "江州市清河区幸福路8号",
        "description": "请公开本局2024年度部门预算",
        "delivery_form": "electronic",
        "delivery_channel": "email",
        "confirm": "on",
    }
    data.update(changes)
    return data


def test_the_main_flows_log_no_personal_data(calendar, agency_a, owner, outsider, caplog) -> None:  # noqa: F811
    cache.clear()
    caplog.set_level(logging.DEBUG)
    for name in ("django", "django.request", "django.security", "web", "xxgk"):
        caplog.set_level(logging.DEBUG, logger=name)

    public = Client()
    rejected = public.post(reverse("apply:form"), application_form(agency_a.pk, description=""))
    assert rejected.status_code == 400
    submitted = public.post(reverse("apply:form"), application_form(agency_a.pk))
    assert submitted.status_code == 302, submitted.content.decode()[:500]
    receipt = public.get(reverse("apply:done")).content.decode()
    case = Application.objects.get(id_number=ID_NUMBER)
    assert case.tracking_number in receipt

    lookup = public.post(reverse("apply:status"), {"tracking_number": case.tracking_number, "code": "WRONG123"})
    assert lookup.status_code == 200

    staff = client_for(owner)
    assert staff.get(reverse("applications:detail", args=[case.pk])).status_code == 200
    assert client_for(outsider).get(reverse("applications:detail", args=[case.pk])).status_code == 404
    decided = staff.post(
        reverse("applications:act", args=[case.pk, "decide"]),
        {
            "decide-version": str(case.version),
            "decide-date": case.received_on.isoformat(),
            "decide-outcome": "granted",
            "decide-basis": "",
            "decide-document_ref": "清教公开〔2025〕1号",
            "decide-note": "",
        },
    )
    assert decided.status_code == 302
    case.refresh_from_db()
    assert case.state == "decided" or case.events.filter(kind="decided").exists()

    assert caplog.records, "the flows should have produced some log records (e.g. the 404 warning)"
    output = caplog.text
    summaries = "\n".join(ChangeLog.objects.values_list("summary", flat=True))
    assert ChangeLog.objects.filter(object_id=str(case.pk)).count() >= 2
    for secret in (ID_NUMBER, PHONE, NAME):
        assert secret not in output, f"日志中出现了申请人的个人信息：{secret}"
        assert secret not in summaries, f"变更记录中出现了申请人的个人信息：{secret}"
