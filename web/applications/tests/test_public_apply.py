# ruff: noqa: F811  (pytest fixtures imported from ui_helpers are redefined as test arguments)
"""The public application pages through the test client: required content, identity checks, attachment
checks by content, rate limits (429 with the reason), CSRF, the code shown once, the status lookup
showing no personal data."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from docx import Document

from web.applications.models import Application
from web.applications.tests.ui_helpers import ORG_CODE, PERSON_ID, _media, calendar_years  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    cache.clear()


def form_data(target: Any, **changes: Any) -> dict[str, Any]:
    data = {
        "agency": target.pk,
        "applicant_type": "natural_person",
        "applicant_name": "王五",
        "id_number": PERSON_ID,
        "phone": "13900139000",
        "email": "wang@example.cn",
        "address": "江州市清河区河西路8号",
        "description": "请公开2025年清河区义务教育阶段学校招生计划",
        "document_number": "",
        "delivery_form": "electronic",
        "delivery_channel": "email",
        "confirm": "on",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def docx_file(name: str = "身份证明.docx") -> SimpleUploadedFile:
    out = io.BytesIO()
    Document().save(out)
    return SimpleUploadedFile(name, out.getvalue(), content_type="application/octet-stream")


def test_submit_acknowledge_once_and_look_up(calendar_years, agency_a) -> None:
    client = Client()
    response = client.post(reverse("apply:form"), form_data(agency_a, attachment=docx_file()))
    assert response.status_code == 302 and response["Location"] == reverse("apply:done")
    case = Application.objects.get()
    assert case.channel == "online" and case.confirmed_on == case.received_on and case.handler is None
    attachment = case.attachments.get()
    assert attachment.content_type.endswith("wordprocessingml.document") and attachment.original_name == "身份证明.docx"

    ack = client.get(reverse("apply:done")).content.decode()
    assert case.tracking_number in ack
    code = ack.split('data-testid="code">')[1].split("<")[0]
    assert len(code) == 8 and case.check_verification_code(code)
    again = client.get(reverse("apply:done")).content.decode()
    assert code not in again and "不再显示" in again

    wrong = client.post(reverse("apply:status"), {"tracking_number": case.tracking_number, "code": "WRONG123"})
    assert "受理编号或查询码不正确" in wrong.content.decode()
    found = client.post(reverse("apply:status"), {"tracking_number": case.tracking_number, "code": code.lower()})
    text = found.content.decode()
    assert "办理中" in text and case.agency.name in text
    for personal in ("王五", PERSON_ID, "13900139000", "wang@example.cn", "河西路", "招生计划"):
        assert personal not in text


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"id_number": "110105194912310021"}, "公民身份号码校验位不正确"),
        ({"id_number": "1101051949123100"}, "应为18位"),
        ({"applicant_type": "commercial", "id_number": "91110000600037341M"}, "统一社会信用代码校验位不正确"),
        ({"applicant_name": ""}, "这个字段是必填项"),
        ({"description": ""}, "这个字段是必填项"),
        ({"agency": ""}, "这个字段是必填项"),
        ({"confirm": None}, "请阅读并勾选确认事项"),
        ({"email": ""}, "请填写电子邮箱"),
        ({"delivery_channel": "post", "address": ""}, "请填写通信地址"),
    ],
)
def test_validation(agency_a, changes: dict[str, Any], message: str) -> None:
    response = Client().post(reverse("apply:form"), form_data(agency_a, **changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Application.objects.count() == 0


def test_organisation_with_valid_credit_code(calendar_years, agency_a) -> None:
    response = Client().post(
        reverse("apply:form"), form_data(agency_a, applicant_type="research", id_number=ORG_CODE.lower())
    )
    assert response.status_code == 302
    assert Application.objects.get().id_number == ORG_CODE


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("scan.pdf", b"this is not a pdf at all"), "内容不是"),
        (SimpleUploadedFile("photo.png", b"%PDF-1.4 renamed"), None),  # content decides: a PDF is fine
        (SimpleUploadedFile("x.exe.jpg", b"MZ\x90\x00\x03"), "内容不是"),
        (SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024)), "超过10 MB"),
    ],
)
def test_attachment_checked_by_content_and_size(calendar_years, agency_a, upload, message) -> None:
    response = Client().post(reverse("apply:form"), form_data(agency_a, attachment=upload))
    if message is None:
        assert response.status_code == 302
        assert Application.objects.get().attachments.get().content_type == "application/pdf"
    else:
        assert response.status_code == 400 and message in response.content.decode()
        assert Application.objects.count() == 0


@override_settings(XXGK_APPLY_PER_IP_PER_HOUR=2)
def test_rate_limit_per_ip(calendar_years, agency_a) -> None:
    client = Client(REMOTE_ADDR="198.51.100.9")
    ids = ["440300199003071234", PERSON_ID, "11010519491231002X"]
    assert client.post(reverse("apply:form"), form_data(agency_a, id_number=ids[0])).status_code == 302
    assert client.post(reverse("apply:form"), form_data(agency_a, id_number=ids[1])).status_code == 302
    third = client.post(reverse("apply:form"), form_data(agency_a, id_number=ids[2]))
    assert third.status_code == 429
    assert "每小时最多在线提交2件申请" in third.content.decode() and third["Retry-After"] == "3600"
    assert Application.objects.count() == 2
    other = Client(REMOTE_ADDR="198.51.100.10")
    assert other.post(reverse("apply:form"), form_data(agency_a)).status_code == 302


@override_settings(XXGK_APPLY_PER_APPLICANT_PER_MONTH=2, XXGK_APPLY_PER_IP_PER_HOUR=100)
def test_rate_limit_per_applicant_counts_the_database(calendar_years, agency_a) -> None:
    for n in range(2):
        r = Client(REMOTE_ADDR=f"192.0.2.{n}").post(reverse("apply:form"), form_data(agency_a))
        assert r.status_code == 302
    cache.clear()  # even with the cache gone (another server process) the database count holds
    third = Client(REMOTE_ADDR="192.0.2.77").post(reverse("apply:form"), form_data(agency_a))
    assert third.status_code == 429 and "同一申请人每个自然月最多在线提交2件申请" in third.content.decode()


def test_csrf_is_enforced(agency_a) -> None:
    client = Client(enforce_csrf_checks=True)
    assert client.post(reverse("apply:form"), form_data(agency_a)).status_code == 403
    assert client.post(reverse("apply:status"), {"tracking_number": "X", "code": "Y"}).status_code == 403


def test_form_preselects_agency_and_has_no_staff_data(agency_a) -> None:
    page = Client().get(reverse("apply:form"), {"agency": agency_a.pk}).content.decode()
    assert f'<option value="{agency_a.pk}" selected>' in page
    assert "申请人类型" in page and "统一社会信用代码" in page and "文号" in page
