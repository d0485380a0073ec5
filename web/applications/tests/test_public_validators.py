"""Identity numbers, credit codes and attachment contents as the public form checks them."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from docx import Document

from web.applications import privacy
from web.applications.validators import MAX_ATTACHMENT_BYTES, attachment_error, bytes_kind
from xxgk.identifiers import id_number_error, uscc_error

VALID_ID = "11010519491231002X"
VALID_ID_2 = "440300199003071234"
VALID_USCC = "91110000600037341L"


@pytest.mark.parametrize(
    "value",
    [VALID_ID, VALID_ID.lower(), VALID_ID_2, " 4403 0019 9003 0712 34 ", "４４０３００１９９００３０７１２３４"],
)
def test_valid_id_numbers(value: str) -> None:
    assert id_number_error(value) is None


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("11010519491231002", "18位"),
        ("110105194912310021", "校验位"),
        ("11010519491331002X", "出生日期"),
        ("1101051949123100AX", "前17位"),
        ("110105209912310027", "合理范围"),
    ],
)
def test_invalid_id_numbers(value: str, fragment: str) -> None:
    error = id_number_error(value, today=dt.date(2026, 1, 1))
    assert error is not None and fragment in error


def test_uscc() -> None:
    assert uscc_error(VALID_USCC) is None
    assert uscc_error("91350100M000100Y43") is None
    bad_check = uscc_error("91110000600037341M")
    assert bad_check is not None and "校验位" in bad_check
    assert "不允许的字符" in (uscc_error("9111000060003734IO") or "")
    assert "18位" in (uscc_error("911100006") or "")


def _docx_bytes() -> bytes:
    out = io.BytesIO()
    Document().save(out)
    return out.getvalue()


def test_attachment_kinds_by_content() -> None:
    assert bytes_kind(b"%PDF-1.7\n...") == "pdf"
    assert bytes_kind(b"\xff\xd8\xff\xe0\x00\x10JFIF") == "jpeg"
    assert bytes_kind(b"\x89PNG\r\n\x1a\n\x00\x00") == "png"
    assert bytes_kind(_docx_bytes()) == "docx"
    # A ZIP that is not a Word document, and text renamed to .pdf, are refused.
    plain_zip = io.BytesIO()
    with zipfile.ZipFile(plain_zip, "w") as archive:
        archive.writestr("a.txt", "x")
    assert bytes_kind(plain_zip.getvalue()) is None
    assert bytes_kind(b"MZ\x90\x00 executable") is None


def test_attachment_error_messages() -> None:
    assert attachment_error("a.pdf", 12, io.BytesIO(b"%PDF-1.4 body")) is None
    renamed = attachment_error("申请.pdf", 10, io.BytesIO(b"not a pdf!"))
    assert renamed is not None and "申请.pdf" in renamed and "内容" in renamed
    big = attachment_error("big.pdf", MAX_ATTACHMENT_BYTES + 1, io.BytesIO(b"%PDF-"))
    assert big is not None and "10 MB" in big
    assert "空文件" in (attachment_error("e.png", 0, io.BytesIO(b"")) or "")


def test_masking() -> None:
    assert privacy.mask_id(VALID_ID) == "110*************2X"
    assert VALID_ID[3:16] not in privacy.mask_id(VALID_ID)
    assert privacy.mask_phone("13800138000") == "138****8000"
    assert privacy.mask_email("zhang@example.cn") == "z***@example.cn"
    assert privacy.mask_name("张三丰") == "张**"
