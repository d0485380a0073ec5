"""Checks on what applicants upload: attachment contents by magic bytes, never by file name.

Pure functions returning a Chinese error message or None, so forms, imports and tests share them. The
identifiers applicants type (公民身份号码, 统一社会信用代码) are checked by `xxgk.identifiers`.
"""

from __future__ import annotations

import io
import zipfile
from typing import IO

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
ATTACHMENT_KINDS = {"pdf": "PDF 文件", "jpeg": "JPEG 图片", "png": "PNG 图片", "docx": "Word（DOCX）文档"}


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
