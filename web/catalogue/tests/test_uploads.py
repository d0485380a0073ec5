"""Catalogue attachments are judged by content: an executable named .pdf never reaches the portal."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from web.catalogue.models import Attachment, Item
from web.catalogue.uploads import content_kind
from web.conftest import client_for

EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"This program cannot be run in DOS mode." * 10
ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(200)


def xlsx_bytes() -> bytes:
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n", "pdf"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "ole"),
        (b"\x89PNG\r\n\x1a\n" + bytes(20), "png"),
        ("附件一：名单说明\n".encode("gb18030"), "text"),
        (EXE, None),
        (ELF, None),
        (b"PK\x03\x04not really a zip", None),
    ],
)
def test_content_kind(data: bytes, kind: str | None) -> None:
    assert content_kind(io.BytesIO(data)) == kind


def test_content_kind_of_office_files() -> None:
    assert content_kind(io.BytesIO(xlsx_bytes())) == "xlsx"


@pytest.mark.django_db
def test_executable_named_pdf_is_refused_and_nothing_saved(owner, agency_a, settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    data = {
        "agency": agency_a.pk,
        "title": "通知",
        "category": "a01",
        "issuer": agency_a.name,
        "formed_on": "2025-03-03",
    }
    page = client_for(owner).post(
        "/work/catalogue/items/new/", {**data, "attachment": SimpleUploadedFile("通知.pdf", EXE, "application/pdf")}
    )
    assert page.status_code == 200 and "按文件内容判断" in page.content.decode()
    assert not Item.objects.exists() and not Attachment.objects.exists()
    renamed = SimpleUploadedFile("名单.pdf", xlsx_bytes(), "application/pdf")  # an Excel file with a wrong name is fine
    assert client_for(owner).post("/work/catalogue/items/new/", {**data, "attachment": renamed}).status_code == 302
