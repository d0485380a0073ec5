"""Checks on what applicants type in and upload: resident ID numbers (GB 11643-1999), unified social credit
codes (GB 32100-2015) and attachment contents (by magic bytes, never by file name).

Pure functions returning a Chinese error message or None, so forms, imports and tests share them.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import IO

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"

# GB 32100-2015: 31 symbols, the letters I, O, Z, S, V are never used.
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
ATTACHMENT_KINDS = {"pdf": "PDF 文件", "jpeg": "JPEG 图片", "png": "PNG 图片", "docx": "Word（DOCX）文档"}


def normalise_code(value: str) -> str:
    """Upper-case, strip spaces and full-width forms people paste from documents."""
    table = str.maketrans(
        "０１２３４５６７８９ＸｘＡＢＣＤＥＦＧＨＪＫＬＭＮＰＱＲＴＵＷＹ", "0123456789XXABCDEFGHJKLMNPQRTUWY"
    )
    return "".join(value.translate(table).split()).upper()


def id_number_error(value: str, *, today: dt.date | None = None) -> str | None:
    """Why an 18-digit resident identity card number is invalid, or None."""
    code = normalise_code(value)
    if len(code) != 18:
        return f"公民身份号码应为18位，当前为{len(code)}位。"
    if not code[:17].isdigit() or not (code[17].isdigit() or code[17] == "X"):
        return "公民身份号码前17位应为数字，最后一位为数字或X。"
    try:
        born = dt.date(int(code[6:10]), int(code[10:12]), int(code[12:14]))
    except ValueError:
        return "公民身份号码中的出生日期（第7至14位）不是有效日期。"
    if born < dt.date(1900, 1, 1) or born > (today or dt.date.today()):
        return "公民身份号码中的出生日期（第7至14位）不在合理范围内。"
    total = sum(int(c) * w for c, w in zip(code[:17], ID_WEIGHTS, strict=True))
    if ID_CHECK[total % 11] != code[17]:
        return "公民身份号码校验位不正确，请核对后重新填写。"
    return None


def uscc_error(value: str) -> str | None:
    """Why an 18-character unified social credit code (统一社会信用代码) is invalid, or None."""
    code = normalise_code(value)
    if len(code) != 18:
        return f"统一社会信用代码应为18位，当前为{len(code)}位。"
    bad = sorted({c for c in code if c not in USCC_CHARS})
    if bad:
        return f"统一社会信用代码含有不允许的字符：{'、'.join(bad)}（不使用 I、O、Z、S、V）。"
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(code[:17], USCC_WEIGHTS, strict=True))
    expected = USCC_CHARS[(31 - total % 31) % 31]
    if code[17] != expected:
        return "统一社会信用代码校验位不正确，请核对后重新填写。"
    return None


def sniff_kind(head: bytes, stream: IO[bytes] | None = None) -> str | None:
    """The attachment kind from its first bytes (and, for ZIP containers, its parts), or None."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"PK\x03\x04") and stream is not None:
        try:
            stream.seek(0)
            with zipfile.ZipFile(stream) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError):
            return None
        finally:
            stream.seek(0)
        if "word/document.xml" in names and "[Content_Types].xml" in names:
            return "docx"
    return None


def attachment_error(name: str, size: int, stream: IO[bytes]) -> str | None:
    """Why an uploaded attachment is refused (size over 10 MB, or content not PDF/JPEG/PNG/DOCX), or None."""
    if size > MAX_ATTACHMENT_BYTES:
        return f"附件“{name}”大小为{size / 1024 / 1024:.1f} MB，超过10 MB的上限。"
    if size == 0:
        return f"附件“{name}”是空文件。"
    stream.seek(0)
    head = stream.read(16)
    stream.seek(0)
    if sniff_kind(head, stream) is None:
        allowed = "、".join(ATTACHMENT_KINDS.values())
        return f"附件“{name}”的内容不是{allowed}之一（按文件内容判断，不看扩展名）。"
    return None


def bytes_kind(data: bytes) -> str | None:
    """`sniff_kind` for data already in memory."""
    return sniff_kind(data[:16], io.BytesIO(data))
