"""HTML front-end: a published web page → `SourceDocument`.

Every data `<table>` becomes rows of kind "table_row" with one fragment per grid cell: rowspan/colspan are
expanded, a covered position is an empty fragment with `continuation=True` (the text stays on the cell
where the span starts), and every fragment carries its table/row/column. A table that holds other tables
is page layout, not data: its content is read like any other block. Text outside tables becomes one text
row per paragraph in reading order; scripts, styles and comments are dropped.

The charset is taken from a byte-order mark, then a `<meta charset>` / `http-equiv` declaration, then
UTF-8 if the bytes decode cleanly, else GB18030 (a superset of GBK and GB2312, which Chinese government
sites still serve).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import lxml.etree
import lxml.html

from xxgk.parse.document import Fragment, Row, SourceDocument, UnreadableDocument

# Named tolerances.
MAX_SPAN: Final = 200  # a rowspan/colspan above this is markup noise, read as 1
SNIFF_BYTES: Final = 4096  # where a <meta charset> must appear

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn"}

_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "ul",
        "tr",
        "td",
        "th",
        "caption",
        "tbody",
        "thead",
        "tfoot",
        "table",
        "option",
    ]
)
_DROPPED_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "iframe", "object", "svg"})


def decode_html(data: bytes) -> tuple[str, str]:
    """The page as text and the encoding used."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    declared = None
    match = _META_CHARSET.search(data[:SNIFF_BYTES])
    if match:
        declared = match.group(1).decode("ascii", errors="ignore").lower()
        if declared in _GB_FAMILY:
            declared = "gb18030"
        try:
            codecs.lookup(declared)
        except LookupError:
            declared = None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared and declared not in {"utf-8", "utf8"}:
        return data.decode(declared, errors="replace"), declared
    return data.decode("gb18030", errors="replace"), "gb18030"


def _clean(text: str) -> str:
    return " ".join(text.split())


def _cell_text(cell: lxml.html.HtmlElement) -> str:
    # Line breaks and paragraphs inside a cell separate words; the text is then collapsed to one line.
    for node in cell.iter("br", "p", "div", "li"):
        if node is not cell:
            node.tail = " " + (node.tail or "")
    return _clean(cell.text_content())


def _drop(node: lxml.etree._Element) -> None:
    """Remove a node from the tree, keeping the text that follows it."""
    parent = node.getparent()
    if parent is None:
        return
    tail = node.tail or ""
    if tail:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(node)


def _span(value: str | None) -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return 1
    return number if 1 <= number <= MAX_SPAN else 1


def _own_rows(table: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    return list(table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr"))


def table_grid(table: lxml.html.HtmlElement, table_index: int) -> list[Row]:
    """The table's rows with spans expanded into a grid of fragments."""
    html_rows = _own_rows(table)
    covered: dict[tuple[int, int], bool] = {}
    placed: dict[tuple[int, int], str] = {}
    last_column: dict[int, int] = {}  # per row, the last grid column any cell covers
    for r, tr in enumerate(html_rows):
        c = 0
        for cell in tr.xpath("./td | ./th"):
            while (r, c) in covered:
                c += 1
            rowspan = min(_span(cell.get("rowspan")), len(html_rows) - r)
            colspan = _span(cell.get("colspan"))
            placed[(r, c)] = _cell_text(cell)
            for dr in range(rowspan):
                for dc in range(colspan):
                    covered[(r + dr, c + dc)] = (dr, dc) != (0, 0)
                last_column[r + dr] = max(last_column.get(r + dr, -1), c + colspan - 1)
            c += colspan
    rows: list[Row] = []
    for r in range(len(html_rows)):
        last = last_column.get(r, -1)
        cells: list[Fragment] = []
        for c in range(last + 1):
            continuation = covered.get((r, c), False)
            cells.append(
                Fragment(
                    "" if continuation else placed.get((r, c), ""),
                    table=table_index,
                    row=r + 1,
                    column=c + 1,
                    continuation=continuation,
                )
            )
        if cells:
            rows.append(Row(cells, kind="table_row"))
    return rows


class _Walker:
    """Reading-order walk: paragraphs of text outside data tables, grids for data tables."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.buffer: list[str] = []
        self.tables = 0

    def flush(self) -> None:
        text = _clean("".join(self.buffer))
        self.buffer.clear()
        if text:
            self.rows.append(Row([Fragment(text)]))

    def walk(self, root: lxml.html.HtmlElement) -> None:
        # Explicit stack instead of recursion: hostile pages nest deeply.
        stack: list[tuple[lxml.html.HtmlElement, bool]] = [(root, False)]
        while stack:
            node, closing = stack.pop()
            if closing:
                if node.tag in _BLOCK_TAGS:
                    self.flush()
                if node.tail:
                    self.buffer.append(node.tail)
                continue
            tag = node.tag if isinstance(node.tag, str) else ""
            if not tag or tag in _DROPPED_TAGS:
                if node.tail:
                    self.buffer.append(node.tail)
                continue
            if tag == "br":
                self.flush()
                if node.tail:
                    self.buffer.append(node.tail)
                continue
            if tag == "table" and not node.xpath(".//table"):
                self.flush()
                for caption in node.findall("caption"):  # a table's title is text before its grid
                    self.buffer.append(caption.text_content())
                    self.flush()
                self.tables += 1
                self.rows.extend(table_grid(node, self.tables))
                if node.tail:
                    self.buffer.append(node.tail)
                continue
            if tag in _BLOCK_TAGS:
                self.flush()
            if node.text:
                self.buffer.append(node.text)
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node))
        self.flush()


def _rows(root: lxml.html.HtmlElement) -> Iterator[Row]:
    walker = _Walker()
    body = root.find("body")
    walker.walk(body if body is not None else root)
    yield from walker.rows


_NOT_XML_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def parse_html_bytes(data: bytes, path: str | None = None) -> SourceDocument:
    """Read an HTML page from bytes (see the module docstring)."""
    if not data.strip():
        raise UnreadableDocument("文件为空，没有可读取的内容")
    text, encoding = decode_html(data)
    # Control characters (other than tab and line breaks) carry no text, and lxml refuses them in any
    # text it is asked to set, which editing the tree below does.
    text = _NOT_XML_TEXT.sub("", _XML_DECLARATION.sub("", text, count=1))
    title = None
    try:
        root = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return SourceDocument(kind="html", rows=[], path=path, meta={"encoding": encoding})
    titles = root.xpath("//title")
    if titles:
        title = _clean(titles[0].text_content()) or None
    for node in root.xpath("//script | //style | //noscript | //template | //comment() | //processing-instruction()"):
        _drop(node)
    rows = list(_rows(root))
    meta: dict[str, object] = {"encoding": encoding}
    if title:
        meta["title"] = title
    return SourceDocument(kind="html", rows=rows, path=path, meta=meta)


def read_html(path: str | Path) -> SourceDocument:
    """Read an HTML file (see the module docstring)."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(f"无法读取文件：{exc.strerror or exc}") from None
    return parse_html_bytes(data, str(file))
