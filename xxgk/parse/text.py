"""Front-end for plain text and markdown (`.txt`, `.md`): decode, then one row per line.

Markdown pipe-table lines become rows of one fragment per cell (separator lines `|---|` dropped); lines
with tabs become one fragment per tab-separated cell; every other line is one fragment. Markdown heading
markers are removed. Each fragment carries its 1-based line number.
"""

from __future__ import annotations

import re
from pathlib import Path

from xxgk.parse.document import DocumentKind, Fragment, Row, SourceDocument, UnreadableDocument

ENCODINGS = ("utf-8-sig", "gb18030")  # utf-8-sig also reads UTF-8 without a BOM
_TABLE_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HEADING_MARK = re.compile(r"^\s{0,3}#{1,6}\s+")
MAX_CONTROL_SHARE = 0.01  # more control characters than this means the file is not text


def decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise UnreadableDocument(f"{name}：文件为空")
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f")
        if controls > MAX_CONTROL_SHARE * len(text):
            break
        return text
    raise UnreadableDocument(f"{name}：不是可识别的文本文件（既非 UTF-8 也非 GB18030 编码的文本）")


def split_pipe_row(line: str) -> list[str]:
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|"):
        body = body[:-1]
    return body.split("|")


def text_to_document(text: str, *, kind: DocumentKind = "text", path: str | None = None) -> SourceDocument:
    rows: list[Row] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("|") and stripped.count("|") >= 2:
            if _TABLE_SEPARATOR.match(stripped):
                continue
            cells = split_pipe_row(stripped)
            rows.append(Row([Fragment(c, line=number, column=i + 1) for i, c in enumerate(cells)]))
        elif "\t" in line:
            cells = line.split("\t")
            rows.append(Row([Fragment(c, line=number, column=i + 1) for i, c in enumerate(cells)]))
        else:
            rows.append(Row([Fragment(_HEADING_MARK.sub("", line), line=number)]))
    return SourceDocument(kind=kind, rows=rows, path=path)


def read_text_file(path: Path) -> SourceDocument:
    """Read a `.txt` or `.md` file into a SourceDocument (raises UnreadableDocument when it is not text)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(f"{path.name}：无法读取（{exc.strerror or exc}）") from None
    kind: DocumentKind = "markdown" if path.suffix.lower() in (".md", ".markdown") else "text"
    return text_to_document(decode(data, path.name), kind=kind, path=str(path))
