"""DOCX front-end: a Word report → `SourceDocument`.

The document body is walked in order straight from `word/document.xml` (paragraphs and tables
interleaved, content controls unwrapped). A table becomes rows of kind "table_row" on its grid: a cell
with `w:gridSpan` covers several grid columns and a `w:vMerge` continuation covers the cell above; every
covered position is an empty fragment with `continuation=True`, the text stays on the cell where the
merge starts. A cell's paragraphs are joined with a space. Blank cells stay blank (an empty fragment),
never zero. A table nested in a cell is read after its row, as its own table.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Final

import lxml.etree

from xxgk.parse.document import Fragment, Row, SourceDocument, UnreadableDocument

W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOCUMENT_PART: Final = "word/document.xml"
MAX_DOCUMENT_BYTES: Final = 256 * 1024 * 1024  # an uncompressed body beyond this is a zip bomb, not a report
MAX_SPAN: Final = 64  # a gridSpan beyond this is corrupt markup, read as 1
OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted OOXML and legacy .doc files

_P, _TBL, _TR, _TC, _SDT = W + "p", W + "tbl", W + "tr", W + "tc", W + "sdt"
_SDT_CONTENT, _TC_PR, _TR_PR = W + "sdtContent", W + "tcPr", W + "trPr"
_TEXT_TAGS = {W + "t": None, W + "tab": "\t", W + "br": " ", W + "cr": " ", W + "noBreakHyphen": "-"}


def _val(element: lxml.etree._Element | None) -> str | None:
    return None if element is None else element.get(W + "val")


def _int(value: str | None, default: int = 1) -> int:
    try:
        number = int(value) if value is not None else default
    except ValueError:
        return default
    return number if 0 <= number <= MAX_SPAN else default


def paragraph_text(paragraph: lxml.etree._Element) -> str:
    """Visible text of a paragraph (deleted runs and field codes are not `w:t`, so they are skipped)."""
    parts: list[str] = []
    for node in paragraph.iter(*_TEXT_TAGS):
        replacement = _TEXT_TAGS[str(node.tag)]
        parts.append((node.text or "") if replacement is None else replacement)
    return "".join(parts)


def _clean(text: str) -> str:
    return " ".join(text.split())


def _block_children(parent: lxml.etree._Element) -> list[lxml.etree._Element]:
    """Paragraphs and tables of a container in order, looking through content controls."""
    out: list[lxml.etree._Element] = []
    for child in parent:
        if child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                out.extend(_block_children(content))
        elif child.tag in (_P, _TBL):
            out.append(child)
    return out


def _row_cells(tr: lxml.etree._Element) -> list[lxml.etree._Element]:
    cells: list[lxml.etree._Element] = []
    for child in tr:
        if child.tag == _TC:
            cells.append(child)
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                cells.extend(c for c in content if c.tag == _TC)
    return cells


class _Reader:
    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.tables = 0

    def block(self, container: lxml.etree._Element) -> None:
        for child in _block_children(container):
            if child.tag == _P:
                text = _clean(paragraph_text(child))
                if text:
                    self.rows.append(Row([Fragment(text)]))
            else:
                self.table(child)

    def table(self, tbl: lxml.etree._Element) -> None:
        self.tables += 1
        index = self.tables
        nested: list[lxml.etree._Element] = []
        above: dict[int, bool] = {}  # grid column → a cell occupies it in the previous row (vMerge target)
        row_number = 0
        for tr in tbl:
            if tr.tag != _TR:
                continue
            row_number += 1
            tr_pr = tr.find(_TR_PR)
            column = _int(_val(tr_pr.find(W + "gridBefore")) if tr_pr is not None else None, 0)
            cells: list[Fragment] = [Fragment("", table=index, row=row_number, column=c + 1) for c in range(column)]
            occupied: dict[int, bool] = {}
            for tc in _row_cells(tr):
                pr = tc.find(_TC_PR)
                span = max(1, _int(_val(pr.find(W + "gridSpan")) if pr is not None else None))
                merge = pr.find(W + "vMerge") if pr is not None else None
                continues = merge is not None and _val(merge) in (None, "continue") and column in above
                paragraphs = [p for p in tc.iter(_P) if not _inside_nested_table(p, tc)]
                text = "" if continues else _clean(" ".join(paragraph_text(p) for p in paragraphs))
                nested.extend(t for t in tc if t.tag == _TBL)
                for offset in range(span):
                    cells.append(
                        Fragment(
                            text if offset == 0 else "",
                            table=index,
                            row=row_number,
                            column=column + offset + 1,
                            continuation=continues or offset > 0,
                        )
                    )
                    occupied[column + offset] = True
                column += span
            above = occupied
            if cells:
                self.rows.append(Row(cells, kind="table_row"))
        for inner in nested:
            self.table(inner)


def _inside_nested_table(paragraph: lxml.etree._Element, cell: lxml.etree._Element) -> bool:
    node = paragraph.getparent()
    while node is not None and node is not cell:
        if node.tag == _TBL:
            return True
        node = node.getparent()
    return False


def parse_docx_bytes(data: bytes, path: str | None = None) -> SourceDocument:
    """Read a DOCX file from bytes (see the module docstring)."""
    import io

    if not data.strip():
        raise UnreadableDocument("文件为空，没有可读取的内容")
    if data.startswith(OLE_MAGIC):
        raise UnreadableDocument("Word 文件已加密或为旧版 .doc 格式，无法读取")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo(DOCUMENT_PART)
            if info.file_size > MAX_DOCUMENT_BYTES:
                raise UnreadableDocument("DOCX 文件正文过大，疑似损坏")
            xml = archive.read(info)
    except UnreadableDocument:
        raise
    except KeyError:
        raise UnreadableDocument("DOCX 文件已损坏：缺少正文 word/document.xml") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise UnreadableDocument(f"DOCX 文件已损坏，无法解压（{type(exc).__name__}）") from None
    except Exception as exc:  # zlib and other decompressor errors on damaged archives
        raise UnreadableDocument(f"DOCX 文件已损坏，无法解压（{type(exc).__name__}）") from None
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = lxml.etree.fromstring(xml, parser)
    except lxml.etree.XMLSyntaxError as exc:
        raise UnreadableDocument(f"DOCX 文件已损坏：正文 XML 无法解析（第 {exc.lineno} 行）") from None
    body = root.find(W + "body")
    reader = _Reader()
    if body is not None:
        reader.block(body)
    return SourceDocument(kind="docx", rows=reader.rows, path=path, meta={"tables": reader.tables})


def read_docx(path: str | Path) -> SourceDocument:
    """Read a DOCX file (see the module docstring)."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(f"无法读取文件：{exc.strerror or exc}") from None
    return parse_docx_bytes(data, str(file))
