"""Uploads are judged by their content, never by their name: a PDF renamed .docx is a PDF, and an executable
renamed .pdf is refused, on every upload path (the public application form, the staff intake form, the
batch audit intake, the report import, and the catalogue's attachments)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from web.applications.models import Application, Attachment
from web.applications.tests.domain_fixtures import calendar, person_id  # noqa: F401
from web.audits.files import intake
from web.catalogue.models import Attachment as CatalogueAttachment
from web.conftest import client_for

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
# The first bytes of a Windows executable (MZ header, DOS stub) and of a Linux one (ELF).
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"This program cannot be run in DOS mode." * 20
ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(200)


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    cache.clear()


def public_form(agency_pk: int, serial: int, upload: SimpleUploadedFile) -> dict[str, object]:
    return {
        "agency": str(agency_pk),
        "applicant_type": "natural_person",
        "applicant_name": "测试申请人",
        "id_number": person_id(serial),
        "phone": "13800000000",
        "email": "a@example.com",
        "address": "测试地址",
        "description": "请公开某文件",
        "delivery_form": "electronic",
        "delivery_channel": "email",
        "confirm": "on",
        "attachment": upload,
    }


def test_public_form_stores_a_pdf_named_docx_as_a_pdf(calendar, agency_a) -> None:  # noqa: F811
    upload = SimpleUploadedFile("身份证明.docx", PDF, "application/msword")
    response = Client().post(reverse("apply:form"), public_form(agency_a.pk, 1, upload))
    assert response.status_code == 302
    stored = Attachment.objects.get()
    assert stored.content_type == "application/pdf"
    assert stored.file.name.endswith(".pdf") and stored.original_name == "身份证明.docx"


@pytest.mark.parametrize("content", [EXE, ELF], ids=["windows-exe", "linux-elf"])
def test_public_form_refuses_an_executable_named_pdf(calendar, agency_a, content) -> None:  # noqa: F811
    upload = SimpleUploadedFile("扫描件.pdf", content, "application/pdf")
    response = Client().post(reverse("apply:form"), public_form(agency_a.pk, 2, upload))
    assert response.status_code == 400
    assert "按文件内容判断" in response.content.decode()
    assert not Application.objects.exists() and not Attachment.objects.exists()


def test_staff_intake_refuses_an_executable_named_pdf(calendar, agency_a, owner) -> None:  # noqa: F811
    data = public_form(agency_a.pk, 3, SimpleUploadedFile("申请表.pdf", EXE, "application/pdf"))
    data.update(channel="in_person", received_on="2025-03-03")
    response = client_for(owner).post(reverse("applications:new"), data)
    assert response.status_code in (200, 400)
    assert "按文件内容判断" in response.content.decode()
    assert not Attachment.objects.exists()


def test_audit_intake_reads_kinds_from_content() -> None:
    renamed_pdf, exe_as_pdf, elf_as_docx = intake([("报告.docx", PDF), ("报告.pdf", EXE), ("报告.docx", ELF)])
    assert renamed_pdf.kind == "pdf" and not renamed_pdf.problem
    assert exe_as_pdf.kind is None and "不是可识别的年报文件" in exe_as_pdf.problem
    assert elf_as_docx.kind is None and elf_as_docx.problem


def test_report_import_refuses_an_executable_named_pdf(owner, agency_a) -> None:
    upload = SimpleUploadedFile("2024年报.pdf", EXE, "application/pdf")
    response = client_for(owner).post(
        reverse("reports:import"), {"agency": agency_a.pk, "year": 2024, "file": upload}, follow=True
    )
    assert "2024年报.pdf：无法导入（不是可识别的年报文件" in response.content.decode()
    from web.reports.models import AnnualReport

    assert not AnnualReport.objects.exists()


def test_catalogue_refuses_an_executable_named_pdf(owner, agency_a) -> None:
    response = client_for(owner).post(
        reverse("catalogue:item_new"),
        {
            "agency": agency_a.pk,
            "title": "关于某事项的通知",
            "category": "a01",
            "issuer": agency_a.name,
            "formed_on": "2025-03-03",
            "body": "正文",
            "attachment": SimpleUploadedFile("通知.pdf", EXE, "application/pdf"),
        },
    )
    assert response.status_code in (200, 400)
    assert not CatalogueAttachment.objects.exists()
