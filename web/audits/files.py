"""Uploaded files: what they are (by their bytes, never by their name), unpacking ZIP archives safely, and
parsing one file through the core parsers.

Limits (a batch is many reports, each a few MB at most):
- a single file at most MAX_FILE_BYTES; at most MAX_FILES files per batch;
- a ZIP: at most MAX_FILES members, MAX_UNPACKED_BYTES in total once unpacked and a compression ratio of at
  most MAX_RATIO per member (ZIP bombs), and no member name that climbs out of the archive (path traversal).
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Final

from xxgk.model import Report, loads
from xxgk.parse.sniff import sniff_kind

MAX_FILE_BYTES: Final = 20 * 1024 * 1024
MAX_FILES: Final = 200
MAX_UNPACKED_BYTES: Final = 200 * 1024 * 1024
MAX_RATIO: Final = 100

SUFFIX: Final[dict[str, str]] = {"pdf": ".pdf", "docx": ".docx", "html": ".html", "markdown": ".md", "text": ".txt"}
KIND_LABEL: Final[dict[str, str]] = {
    "pdf": "PDF",
    "docx": "Word 文档",
    "html": "网页",
    "markdown": "Markdown 文本",
    "text": "文本",
    "json": "JSON",
}


class UploadRejected(ValueError):
    """The upload as a whole cannot be accepted (too many files, a ZIP bomb …); message in Chinese."""


@dataclass(frozen=True, slots=True)
class Incoming:
    """One file of an upload: its name, bytes, and kind (None: not a report file → reported and skipped)."""

    name: str
    data: bytes
    kind: str | None
    problem: str = ""


def kind_of(name: str, data: bytes) -> str | None:
    """The kind by content: pdf, docx, html, markdown, text, json (a §J report), or None."""
    kind = sniff_kind(data)
    if kind in ("text", "markdown") and data.lstrip()[:1] == b"{":
        return "json"
    if kind == "text" and name.lower().endswith((".md", ".markdown")):
        return "markdown"
    return kind


def _incoming(name: str, data: bytes) -> Incoming:
    if len(data) > MAX_FILE_BYTES:
        return Incoming(name, b"", None, f"文件超过 {MAX_FILE_BYTES // 1024 // 1024} MB，未审查")
    if not data:
        return Incoming(name, data, None, "文件为空")
    kind = kind_of(name, data)
    if kind is None:
        return Incoming(name, data, None, "不是可识别的年报文件（支持 PDF、DOCX、HTML、TXT、Markdown、JSON）")
    return Incoming(name, data, kind)


def _safe_member_name(name: str) -> str | None:
    """The member's file name, or None when it is a directory, hidden, or tries to leave the archive."""
    path = PurePosixPath(name.replace("\\", "/"))
    if name.endswith("/") or path.is_absolute() or ".." in path.parts or ":" in name:
        return None
    if any(part.startswith(".") or part == "__MACOSX" for part in path.parts):
        return None
    return path.name


def unpack_zip(name: str, data: bytes) -> list[Incoming]:
    """The report files in a ZIP archive, checked against the limits before anything is unpacked."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return [Incoming(name, b"", None, "ZIP 文件已损坏，无法打开")]
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        if len(infos) > MAX_FILES:
            raise UploadRejected(f"{name}：压缩包内有 {len(infos)} 个文件，超过上限 {MAX_FILES} 个")
        if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
            raise UploadRejected(f"{name}：压缩包解压后超过 {MAX_UNPACKED_BYTES // 1024 // 1024} MB，已拒绝")
        out: list[Incoming] = []
        for info in infos:
            member = _safe_member_name(info.filename)
            if member is None:
                if not info.filename.endswith("/") and ".." in info.filename:
                    out.append(Incoming(info.filename, b"", None, "压缩包内的路径越出压缩包（含「..」），已跳过"))
                continue
            if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
                out.append(Incoming(member, b"", None, "压缩比异常（疑似压缩炸弹），已跳过"))
                continue
            if info.file_size > MAX_FILE_BYTES:
                out.append(Incoming(member, b"", None, f"文件超过 {MAX_FILE_BYTES // 1024 // 1024} MB，未审查"))
                continue
            try:
                # Read no more than the declared size (+1 to notice a lying header).
                with archive.open(info) as handle:
                    content = handle.read(info.file_size + 1)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError):
                out.append(Incoming(member, b"", None, "压缩包内的文件已损坏，无法解压"))
                continue
            if len(content) > info.file_size:
                out.append(Incoming(member, b"", None, "压缩包内文件的实际大小与声明不符，已跳过"))
                continue
            out.append(_incoming(member, content))
        return out


def intake(uploads: list[tuple[str, bytes]]) -> list[Incoming]:
    """Every file of an upload, ZIP archives unpacked; raises UploadRejected when over the limits."""
    out: list[Incoming] = []
    for name, data in uploads:
        if data[:4] in (b"PK\x03\x04", b"PK\x05\x06") and kind_of(name, data) != "docx":
            out.extend(unpack_zip(name, data))
        else:
            out.append(_incoming(name, data))
        if len(out) > MAX_FILES:
            raise UploadRejected(f"一次最多上传 {MAX_FILES} 个文件")
    return out


def parse_bytes(name: str, kind: str, data: bytes) -> Report:
    """Parse one report file's bytes through the core parsers (raises UnreadableDocument, ReportDataError)."""
    if kind == "json":
        return loads(data)
    from xxgk.parse import parse_file

    stem = Path(name).stem[:60] or "report"
    with tempfile.TemporaryDirectory(prefix="xxgk-audit-") as folder:
        path = Path(folder) / f"{stem}{SUFFIX.get(kind, '')}"
        path.write_bytes(data)
        report = parse_file(path)
    report.meta["source_file"] = name
    return report


def parser_version() -> str:
    try:
        from xxgk.parse import PARSER_VERSION
    except ImportError:  # pragma: no cover - the parser package always defines it
        from xxgk import __version__

        return f"xxgk {__version__}"
    return str(PARSER_VERSION)
