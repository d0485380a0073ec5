"""What a file really is, from its bytes: for files with a wrong or missing extension.

`sniff_kind(data)` answers "pdf", "docx", "html", "markdown" or "text", or None for bytes that are none of
these (binary data, a ZIP that is not a Word document, an unknown legacy format). `sniff_path(path)`
reads only the head of the file, except for ZIP archives, whose directory is at the end.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Final

from xxgk.parse.document import DocumentKind

HEAD_BYTES: Final = 8192  # how much of a file is looked at
PDF_HEAD_WINDOW: Final = 1024  # "%PDF" may follow some junk bytes, as readers tolerate
TEXT_CONTROL_RATIO: Final = 0.02  # more control characters than this and the bytes are not text

_HTML_MARKERS = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<table[\s>]|<meta\s", re.IGNORECASE)
_MARKDOWN_MARKERS = re.compile(r"^(?:#{1,6}\s|\|.*\|\s*$|[-*]\s)", re.MULTILINE)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

EXTENSION_KINDS: Final[dict[str, DocumentKind]] = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
}


def _decode_text(data: bytes) -> str | None:
    for encoding in ("utf-8-sig", "gb18030", "utf-16"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f\x0b")
        if text and controls / len(text) <= TEXT_CONTROL_RATIO:
            return text
    return None


def _zip_is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False


def sniff_kind(data: bytes) -> DocumentKind | None:
    """The document kind the bytes hold, or None."""
    head = data[:HEAD_BYTES]
    if b"%PDF" in head[:PDF_HEAD_WINDOW]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "docx" if _zip_is_docx(data) else None
    if head.startswith(_OLE_MAGIC):
        return None
    if _HTML_MARKERS.search(head):
        return "html"
    # A multibyte character cut at the head's end must not make text look binary.
    text = _decode_text(head)
    for cut in range(1, 4):
        if text is not None or len(head) <= cut:
            break
        text = _decode_text(head[:-cut])
    if text is None:
        return None
    if len(_MARKDOWN_MARKERS.findall(text)) >= 3:
        return "markdown"
    return "text"


def sniff_path(path: str | Path) -> DocumentKind | None:
    """The document kind of a file, read from its bytes (None for unknown or unreadable files)."""
    file = Path(path)
    try:
        with file.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
            if head.startswith(b"PK"):
                head = head + handle.read()
    except OSError:
        return None
    return sniff_kind(head)


def kind_for(path: str | Path) -> DocumentKind | None:
    """The kind to read a file as: its extension when the bytes agree or are plain text, else the bytes.

    Text and markdown share their bytes, so the extension decides between them; for the binary kinds the
    bytes win (a `.pdf` that is really a Word file is read as Word).
    """
    file = Path(path)
    by_extension = EXTENSION_KINDS.get(file.suffix.lower())
    by_bytes = sniff_path(file)
    if by_bytes is None:
        return by_extension
    if by_bytes in ("text", "markdown") and by_extension in ("text", "markdown"):
        return by_extension
    return by_bytes
