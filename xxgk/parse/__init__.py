"""Parsers that read published annual reports (PDF, DOCX, HTML, text) back into the report model.

    from xxgk.parse import parse_file
    report = parse_file("report.pdf")   # raises UnreadableDocument for files that cannot be read at all

`parse_file` picks a front-end by the document kind (`FRONT_ENDS`, a plain dict: kind → reader of a path
into a `SourceDocument`), runs the extractor (`xxgk.parse.extract.extract`), then the report rules, whose
findings follow the parser's own. A front-end is registered with one line:

    FRONT_ENDS["pdf"] = read_pdf
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from xxgk.model.report import Finding, Report
from xxgk.parse.document import DocumentKind, SourceDocument, UnreadableDocument
from xxgk.parse.extract import PARSER_VERSION, extract
from xxgk.parse.text import read_text_file

FrontEnd = Callable[[Path], SourceDocument]

FRONT_ENDS: dict[str, FrontEnd] = {
    "text": read_text_file,
    "markdown": read_text_file,
}

# Front-ends in their own modules: (kind, module, function). Loaded on first use so that importing the
# package stays cheap and a missing optional module only disables its own kind.
_LAZY_FRONT_ENDS: tuple[tuple[str, str, str], ...] = (
    ("pdf", "xxgk.parse.pdf", "read_pdf"),
    ("docx", "xxgk.parse.docx", "read_docx"),
    ("html", "xxgk.parse.html", "read_html"),
)

_EXTENSIONS: dict[str, DocumentKind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
}

__all__ = ["FRONT_ENDS", "PARSER_VERSION", "UnreadableDocument", "extract", "front_end_for", "parse_file"]


def _front_end(kind: str) -> FrontEnd | None:
    if kind in FRONT_ENDS:
        return FRONT_ENDS[kind]
    for lazy_kind, module_name, function in _LAZY_FRONT_ENDS:
        if lazy_kind != kind:
            continue
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            return None
        reader = getattr(module, function, None)
        if reader is not None:
            FRONT_ENDS[kind] = reader
        return reader
    return None


def detect_kind(path: Path) -> str | None:
    """The document kind: from the bytes when the sniffer is available, else from the extension."""
    try:
        sniff = importlib.import_module("xxgk.parse.sniff")
    except ModuleNotFoundError:
        return _EXTENSIONS.get(path.suffix.lower())
    kind: str | None = sniff.kind_for(path)
    return kind


def front_end_for(path: Path) -> tuple[str, FrontEnd]:
    kind = detect_kind(path)
    if kind is None:
        raise UnreadableDocument(f"{path.name}：无法识别的文件类型（支持 PDF、DOCX、HTML、TXT、Markdown）")
    reader = _front_end(kind)
    if reader is None:
        raise UnreadableDocument(f"{path.name}：暂不支持读取 {kind} 文件")
    return kind, reader


def read_document(path: str | Path) -> SourceDocument:
    """The SourceDocument of a file (raises UnreadableDocument for missing, empty or corrupt files)."""
    file = Path(path)
    if not file.exists():
        raise UnreadableDocument(f"{file}：文件不存在")
    if file.is_dir():
        raise UnreadableDocument(f"{file}：是目录，不是文件")
    try:
        size = file.stat().st_size
    except OSError as exc:
        raise UnreadableDocument(f"{file}：无法读取（{exc.strerror or exc}）") from None
    if size == 0:
        raise UnreadableDocument(f"{file.name}：文件为空")
    kind, reader = front_end_for(file)
    try:
        return reader(file)
    except UnreadableDocument as exc:
        message = str(exc)
        if file.name in message:
            raise
        raise UnreadableDocument(f"{file.name}：{message}") from None  # say which file
    except RecursionError:
        raise UnreadableDocument(f"{file.name}：文件结构嵌套过深，无法读取") from None
    except Exception as exc:
        # a front-end that chokes on a damaged file: the file is unreadable, and the message says how
        raise UnreadableDocument(
            f"{file.name}：按 {kind} 文件无法读取（{type(exc).__name__}：{str(exc)[:120]}）"
        ) from exc


def parse_file(path: str | Path, *, rules: bool = True) -> Report:
    """Parse a published report file into a Report with parser findings, then the rules' findings."""
    file = Path(path)
    document = read_document(file)
    if document.path is None:
        document.path = str(file)
    report = extract(document)
    report.meta.setdefault("source_file", file.name)
    if rules:
        report.findings.extend(_rule_findings(report))
    return report


def _rule_findings(report: Report) -> list[Finding]:
    try:
        rules = importlib.import_module("xxgk.rules")
    except ModuleNotFoundError as exc:
        if exc.name != "xxgk.rules":
            raise
        return []
    try:
        return list(rules.check(report))
    except Exception as exc:  # a failing rule must not lose the parsed report
        return [Finding("PARSE-RULES-FAILED", "error", f"校验规则运行出错（{type(exc).__name__}：{exc}）")]
