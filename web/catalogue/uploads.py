"""What an uploaded catalogue attachment really is, judged by its content, never by its name: an
executable renamed .pdf must not reach the public portal."""

from __future__ import annotations

import zipfile
from typing import IO

KIND_LABELS = {
    "pdf": "PDF",
    "ole": "Word/Excel/WPS（旧版）",
    "docx": "Word",
    "xlsx": "Excel",
    "pptx": "PowerPoint",
    "ofd": "OFD 版式文件",
    "jpeg": "JPEG 图片",
    "png": "PNG 图片",
    "text": "纯文本",
}

_ZIP_MARKERS = (("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx"), ("ppt/presentation.xml", "pptx"))


def _zip_kind(stream: IO[bytes]) -> str | None:
    try:
        stream.seek(0)
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return None
    finally:
        stream.seek(0)
    for marker, kind in _ZIP_MARKERS:
        if marker in names and "[Content_Types].xml" in names:
            return kind
    if "OFD.xml" in names:
        return "ofd"
    return None


def _is_text(sample: bytes) -> bool:
    if b"\x00" in sample:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            sample.decode(encoding)
            return True
        except UnicodeDecodeError:
            # the sample may end inside a multi-byte character: retry without the last bytes
            try:
                sample[:-3].decode(encoding)
                return True
            except UnicodeDecodeError:
                continue
    return False


def content_kind(stream: IO[bytes]) -> str | None:
    """The kind of the file in `stream` (a key of KIND_LABELS), or None when it is none of them."""
    stream.seek(0)
    head = stream.read(4096)
    stream.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(stream)
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head and _is_text(head):
        return "text"
    return None


def attachment_error(name: str, stream: IO[bytes]) -> str | None:
    if content_kind(stream) is None:
        allowed = "、".join(KIND_LABELS.values())
        return f"附件“{name}”的内容不是{allowed}之一（按文件内容判断，不看扩展名）"
    return None
