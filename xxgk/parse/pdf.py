"""PDF front-end: a published PDF report → `SourceDocument`, with pypdfium2 only.

Text comes from pdfium's text layer (exact CJK); ruled tables are found from the page's own vector lines
(the path objects pdfium exposes). pdfplumber's `find_tables()` reads the same rulings through pdfminer
and took 27× as long as pdfium's whole text extraction of the corpus report (19× on its three table pages
alone); the rulings are enough for the ruled tables these reports print, and only pages whose text has a
word of the report's tables are searched (`might_hold_table`):

1. every straight axis-aligned segment of a path object (strokes, rectangle edges) becomes a horizontal
   or vertical ruling; rulings are snapped into lines (named tolerances below);
2. lines that cross form a table; the distinct line positions form its grid, and two neighbouring grid
   cells belong to one merged cell when no ruling separates them (this recovers rowspan/colspan);
3. each merged cell's text is read from its rectangle; covered grid positions become empty fragments
   with `continuation=True`;
4. text outside tables is read band by band between the tables, so rows come out in reading order;
   page-number lines (`- 4 -`, `第 4 页`) are dropped;
5. a table that ends a page and a table that starts the next page with the same column structure (or a
   coarser one: a page of rows with merged columns) are one table split by the page break: they are
   stitched (one table index, row numbers continuing, the continuation put back on the first part's
   grid), and an empty cell at the top of the continuation under a label cell continues that merge.

Unreadable files raise `UnreadableDocument` (empty, encrypted, corrupt). A PDF without a text layer (a
scan) reads as a document without rows, with `meta["text_layer"] = False`.
"""

from __future__ import annotations

import bisect
import ctypes
import itertools
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from xxgk.model import labels as L
from xxgk.parse.document import Fragment, Row, SourceDocument, UnreadableDocument

# Named tolerances (PDF points).
AXIS_SLOPE: Final = 1.0  # a segment whose ends differ by less than this in x (or y) is vertical (horizontal)
MIN_RULING: Final = 4.0  # shorter segments are glyph decorations, not rulings
SNAP: Final = 2.5  # rulings closer than this are one line
JOIN: Final = 3.0  # collinear rulings with a gap smaller than this are one line
CROSS: Final = 3.0  # how far a ruling may miss another and still meet it
CELL_INSET: Final = 0.8  # a cell's text is read from its rectangle shrunk by this much
COLUMN_MATCH: Final = 4.0  # column boundaries within this are "the same column structure" across a page break
MIN_TABLE_COLUMNS: Final = 2
MIN_ANCHORS: Final = 3  # distinct table words that make a page worth searching for rulings
MIN_ANCHOR_LENGTH: Final = 4  # shorter table words (其他, 总计, 规章) are common in narrative
OPEN_END: Final = 1e5  # a text band's open edge (far beyond any page)
MAX_SEGMENTS_PER_PAGE: Final = 20_000  # beyond this the page is a drawing, not a ruled table

_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－‐]\s*\d+\s*[-—–－‐]|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)\s*$"
)
_ASCII_WORD = re.compile(r"[0-9A-Za-z.%]")
_NUMBER = re.compile(r"^[+\-]?[\d,，.]+\s*(?:万元|元|件)?$")


@dataclass(slots=True)
class _HLine:
    y: float
    x0: float
    x1: float


@dataclass(slots=True)
class _VLine:
    x: float
    y0: float
    y1: float


class _GridCell(NamedTuple):
    """A grid position before the table's index and row numbers are known (cheaper than a Fragment)."""

    text: str
    page: int
    column: int
    continuation: bool


@dataclass(slots=True)
class _Table:
    top: float
    bottom: float
    xs: list[float]  # the grid's column boundaries
    rows: list[list[_GridCell]] = field(default_factory=list)
    numeric: list[list[bool]] = field(default_factory=list)  # per grid position: its cell's text is a number


# --- rulings ------------------------------------------------------------------------------------------


def _segments(page: pdfium.PdfPage, height: float) -> tuple[list[_HLine], list[_VLine]]:
    """Axis-aligned segments of the page's path objects, in top-down coordinates."""
    hs: list[_HLine] = []
    vs: list[_VLine] = []
    raw_page = page.raw
    x, y = ctypes.c_float(), ctypes.c_float()
    matrix = pdfium_c.FS_MATRIX()
    total = 0
    for index in range(pdfium_c.FPDFPage_CountObjects(raw_page)):
        obj = pdfium_c.FPDFPage_GetObject(raw_page, index)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        count = pdfium_c.FPDFPath_CountSegments(obj)
        total += max(count, 0)
        if count <= 0 or total > MAX_SEGMENTS_PER_PAGE:
            continue
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
            continue
        a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
        points: list[tuple[float, float, bool]] = []  # (x, y, not joined to the previous point by a line)
        for s in range(count):
            seg = pdfium_c.FPDFPath_GetPathSegment(obj, s)
            if not pdfium_c.FPDFPathSegment_GetPoint(seg, x, y):
                continue
            px, py = a * x.value + c * y.value + e, b * x.value + d * y.value + f
            kind = pdfium_c.FPDFPathSegment_GetType(seg)
            # A curve's control points are no ruling: only straight line segments count.
            points.append((px, height - py, kind != pdfium_c.FPDF_SEGMENT_LINETO))
            if pdfium_c.FPDFPathSegment_GetClose(seg):
                start = next((p for p in reversed(points) if p[2]), points[0])
                if kind == pdfium_c.FPDF_SEGMENT_LINETO:
                    points.append((start[0], start[1], False))
        for (x0, y0, _), (x1, y1, new) in itertools.pairwise(points):
            if new:
                continue
            _add_segment(hs, vs, x0, y0, x1, y1)
        # A thin filled rectangle is a ruling drawn as a shape: its outline gives two close parallel
        # segments, which snapping merges into one line.
    return hs, vs


def _add_segment(hs: list[_HLine], vs: list[_VLine], x0: float, y0: float, x1: float, y1: float) -> None:
    if abs(y1 - y0) < AXIS_SLOPE and abs(x1 - x0) >= MIN_RULING:
        hs.append(_HLine((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
    elif abs(x1 - x0) < AXIS_SLOPE and abs(y1 - y0) >= MIN_RULING:
        vs.append(_VLine((x0 + x1) / 2, min(y0, y1), max(y0, y1)))


def _merge_h(lines: list[_HLine]) -> list[_HLine]:
    out: list[_HLine] = []
    for line in sorted(lines, key=lambda h: (h.y, h.x0)):
        merged = False
        for other in reversed(out):
            if line.y - other.y > SNAP:
                break
            if line.x0 <= other.x1 + JOIN and other.x0 <= line.x1 + JOIN:
                other.x0, other.x1 = min(other.x0, line.x0), max(other.x1, line.x1)
                merged = True
                break
        if not merged:
            out.append(_HLine(line.y, line.x0, line.x1))
    return out


def _merge_v(lines: list[_VLine]) -> list[_VLine]:
    flipped = _merge_h([_HLine(v.x, v.y0, v.y1) for v in lines])
    return [_VLine(h.y, h.x0, h.x1) for h in flipped]


def _cluster(values: list[float]) -> list[float]:
    out: list[list[float]] = []
    for value in sorted(values):
        if out and value - out[-1][-1] <= SNAP:
            out[-1].append(value)
        else:
            out.append([value])
    return [sum(group) / len(group) for group in out]


def _crosses(h: _HLine, v: _VLine) -> bool:
    return h.x0 - CROSS <= v.x <= h.x1 + CROSS and v.y0 - CROSS <= h.y <= v.y1 + CROSS


def _components(hs: list[_HLine], vs: list[_VLine]) -> list[tuple[list[_HLine], list[_VLine]]]:
    """Groups of rulings that meet one another: one group per table."""
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if _crosses(h, v):
                a, b = find(i), find(len(hs) + j)
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list[_HLine], list[_VLine]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    return [g for g in groups.values() if len(g[0]) >= 2 and len(g[1]) >= 2]


# --- text ----------------------------------------------------------------------------------------------


def _join_lines(text: str) -> str:
    """A cell's wrapped lines as one string: CJK joins directly, Latin/digit words keep a space."""
    out = ""
    for line in text.replace("\r", "\n").split("\n"):
        line = " ".join(line.split())
        if not line:
            continue
        if out and _ASCII_WORD.match(out[-1]) and _ASCII_WORD.match(line[0]):
            out += " "
        out += line
    return out


_TEXT_BUFFER_UNITS: Final = 8192  # UTF-16 units read per rectangle before falling back to the slower wrapper
_buffers = threading.local()  # one reusable buffer per thread


def _text_buffer() -> ctypes.Array[ctypes.c_ushort]:
    buffer: ctypes.Array[ctypes.c_ushort] | None = getattr(_buffers, "text", None)
    if buffer is None:
        buffer = (ctypes.c_ushort * _TEXT_BUFFER_UNITS)()
        _buffers.text = buffer
    return buffer


def _bounded(textpage: pdfium.PdfTextPage, height: float, x0: float, top: float, x1: float, bottom: float) -> str:
    """The text inside a rectangle given in top-down coordinates.

    Calls pdfium directly into a reused buffer: a table means hundreds of cells, and the wrapper's
    allocation per call costs more than pdfium's own work.
    """
    if x1 <= x0 or bottom <= top:
        return ""
    buffer = _text_buffer()
    units = pdfium_c.FPDFText_GetBoundedText(textpage.raw, x0, height - top, x1, height - bottom, buffer, len(buffer))
    if units >= _TEXT_BUFFER_UNITS - 1:  # possibly cut short: let the wrapper size its buffer
        return str(textpage.get_text_bounded(left=x0, bottom=height - bottom, right=x1, top=height - top))
    text = ctypes.string_at(buffer, max(units, 0) * 2).decode("utf-16-le", errors="ignore")
    return text.rstrip("\x00")


def _text_lines(text: str) -> list[str]:
    lines = []
    for line in text.replace("\r", "\n").split("\n"):
        line = " ".join(line.split())
        if line and not _PAGE_NUMBER.match(line):
            lines.append(line)
    return lines


# --- tables ----------------------------------------------------------------------------------------------


def _nearest(positions: list[float], value: float) -> int:
    """Index of the sorted grid position closest to `value`."""
    k = bisect.bisect_left(positions, value)
    if k == len(positions) or (k > 0 and value - positions[k - 1] < positions[k] - value):
        return k - 1
    return k


def _build_table(
    hs: list[_HLine], vs: list[_VLine], textpage: pdfium.PdfTextPage, height: float, page_number: int
) -> _Table | None:
    ys = _cluster([h.y for h in hs])
    xs = _cluster([v.x for v in vs])
    if len(ys) < 2 or len(xs) < MIN_TABLE_COLUMNS + 1:
        return None  # a ruled box around text (one column) is a frame, read as text
    rows, cols = len(ys) - 1, len(xs) - 1

    # Rulings by grid line: the spans each grid line is drawn over.
    v_spans: list[list[tuple[float, float]]] = [[] for _ in xs]
    for v in vs:
        k = _nearest(xs, v.x)
        v_spans[k].append((v.y0 - SNAP, v.y1 + SNAP))
    h_spans: list[list[tuple[float, float]]] = [[] for _ in ys]
    for h in hs:
        k = _nearest(ys, h.y)
        h_spans[k].append((h.x0 - SNAP, h.x1 + SNAP))

    def vertical_at(k: int, y_mid: float) -> bool:
        return any(a <= y_mid <= b for a, b in v_spans[k])

    def horizontal_at(k: int, x_mid: float) -> bool:
        return any(a <= x_mid <= b for a, b in h_spans[k])

    parent = list(range(rows * cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(rows):
        y_mid = (ys[r] + ys[r + 1]) / 2
        for c in range(cols):
            x_mid = (xs[c] + xs[c + 1]) / 2
            if c + 1 < cols and not vertical_at(c + 1, y_mid):
                parent[find(r * cols + c)] = find(r * cols + c + 1)
            if r + 1 < rows and not horizontal_at(r + 1, x_mid):
                parent[find(r * cols + c)] = find((r + 1) * cols + c)
    regions: dict[int, list[int]] = {}
    for i in range(rows * cols):
        regions.setdefault(find(i), []).append(i)
    origin_of: dict[int, int] = {}
    text_of: dict[int, str] = {}
    for members in regions.values():
        origin = min(members)
        r0, r1 = min(m // cols for m in members), max(m // cols for m in members)
        c0, c1 = min(m % cols for m in members), max(m % cols for m in members)
        for m in members:
            origin_of[m] = origin
        text_of[origin] = _join_lines(
            _bounded(
                textpage,
                height,
                xs[c0] + CELL_INSET,
                ys[r0] + CELL_INSET,
                xs[c1 + 1] - CELL_INSET,
                ys[r1 + 1] - CELL_INSET,
            )
        )
    table = _Table(top=ys[0], bottom=ys[-1], xs=xs)
    for r in range(rows):
        fragments = []
        numeric = []
        for c in range(cols):
            i = r * cols + c
            origin = origin_of[i]
            numeric.append(bool(_NUMBER.match(text_of[origin])))
            fragments.append(_GridCell(text_of[origin] if origin == i else "", page_number, c + 1, origin != i))
        table.rows.append(fragments)
        table.numeric.append(numeric)
    return table


def _table_anchors() -> tuple[str, ...]:
    """Words of the report's tables specific enough to say a page holds one (generic 其他/总计/规章 left out)."""
    item_number = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)")
    words = {
        "第二十条",
        L.T1_CONTENT_HEADER,
        L.T2_APPLICANT_GROUP,
        L.T3_REVIEW,
        L.T3_LITIGATION,
        *L.T3_LEAVES,
        L.T2_ORG_GROUP,
        *(label for label, _ in L.T2_COLUMNS),
        L.T1_ROW_RULES,
        L.T1_ROW_NORMATIVE_2019,
        L.T1_ROW_LICENSING,
        L.T1_ROW_OTHER_SERVICES,
        L.T1_ROW_PENALTY,
        L.T1_ROW_COERCION,
        L.T1_ROW_FEES,
        L.T1_ROW_PROCUREMENT,
    }
    words.update(item_number.sub("", label) for label, _ in L.T2_ROW_LABELS.values())
    return tuple(sorted(w for w in words if len(w) >= MIN_ANCHOR_LENGTH))


_ANCHORS: Final = _table_anchors()


def might_hold_table(page_text: str) -> bool:
    """A cheap test on the page's text: only such pages (and pages right after a table) are searched.

    A page qualifies with MIN_ANCHORS distinct table words; narrative that mentions one or two of them
    (「行政许可」, 「予以公开」) does not. NFKC (for this test only) folds the Kangxi radicals some PDF
    text layers use back into ideographs.
    """
    flat = "".join(unicodedata.normalize("NFKC", page_text).split())
    found = 0
    for word in _ANCHORS:
        if word in flat:
            found += 1
            if found >= MIN_ANCHORS:
                return True
    return False


def _page_tables(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, height: float, number: int) -> list[_Table]:
    hs, vs = _segments(page, height)
    if not hs or not vs:
        return []
    tables = []
    for group_h, group_v in _components(_merge_h(hs), _merge_v(vs)):
        table = _build_table(group_h, group_v, textpage, height, number)
        if table is not None and table.rows:
            tables.append(table)
    tables.sort(key=lambda t: t.top)
    # A table inside another table's box (a ruled box within a cell) is read as part of the outer one.
    kept: list[_Table] = []
    for table in tables:
        if kept and table.top < kept[-1].bottom:
            continue
        kept.append(table)
    return kept


# --- the document ----------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Block:
    page: int
    lines: list[str] | None = None  # a text band
    table: _Table | None = None


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise UnreadableDocument("PDF 文件已加密，需要密码才能读取") from None
        raise UnreadableDocument("PDF 文件已损坏，无法打开") from None


def _column_map(previous: _Table, table: _Table) -> list[tuple[int, int]] | None:
    """How `table`'s columns sit on `previous`'s grid when it continues it on the next page.

    Returns, per column of `table`, the range of `previous` columns it covers, or None when the column
    structures differ. The continuation may be coarser (a page holding only rows with merged columns).
    """
    offset = table.xs[0] - previous.xs[0]
    positions: list[int] = []
    for x in table.xs:
        match = next((k for k, old in enumerate(previous.xs) if abs(old - (x - offset)) <= COLUMN_MATCH), None)
        if match is None:
            return None
        positions.append(match)
    if positions[0] != 0 or positions[-1] != len(previous.xs) - 1:
        return None
    if any(b <= a for a, b in itertools.pairwise(positions)):
        return None
    return list(itertools.pairwise(positions))


def _regrid(table: _Table, columns: list[tuple[int, int]]) -> None:
    """Re-express a coarser continuation on the grid of the table it continues."""
    rows: list[list[_GridCell]] = []
    numeric: list[list[bool]] = []
    for fragments, flags in zip(table.rows, table.numeric, strict=True):
        out: list[_GridCell] = []
        out_flags: list[bool] = []
        for fragment, flag, (start, end) in zip(fragments, flags, columns, strict=True):
            for k in range(start, end):
                out.append(
                    _GridCell(
                        fragment.text if k == start else "",
                        fragment.page,
                        k + 1,
                        fragment.continuation or k > start,
                    )
                )
                out_flags.append(flag)
        rows.append(out)
        numeric.append(out_flags)
    table.rows, table.numeric = rows, numeric


def _continue_spans(previous: _Table, table: _Table) -> None:
    """An empty cell at the top of the continuation, under a label cell, is that label's merge continued."""
    if not previous.rows or not table.rows:
        return
    last, first = previous.rows[-1], table.rows[0]
    for c, fragment in enumerate(first):
        if fragment.continuation or fragment.text or c >= len(last):
            continue
        # Walk up to the cell that covers the previous table's last row at this column.
        r = len(previous.rows) - 1
        while r > 0 and previous.rows[r][c].continuation and c < len(previous.rows[r - 1]):
            if not previous.rows[r - 1][c].continuation:
                r -= 1
                break
            r -= 1
        origin = previous.rows[r][c]
        if origin.text and not previous.numeric[r][c]:
            first[c] = _GridCell("", fragment.page, fragment.column, True)


def parse_pdf_bytes(data: bytes, path: str | None = None, *, every_page: bool = False) -> SourceDocument:
    """Read a PDF from bytes (see the module docstring).

    Ruled tables are looked for only on pages whose text has a word of the report's tables, unless
    `every_page` is set (for tables that are not the report's own).
    """
    if not data.strip():
        raise UnreadableDocument("文件为空，没有可读取的内容")
    if b"%PDF" not in data[:1024]:
        raise UnreadableDocument("不是 PDF 文件：缺少 %PDF 文件头")
    document = _open(data)
    blocks: list[_Block] = []
    chars = 0
    try:
        page_count = len(document)
        ended_in_table = False
        for index in range(page_count):
            try:
                page = document[index]
            except pdfium.PdfiumError:
                blocks.append(_Block(index + 1, lines=[]))
                continue
            try:
                _, height = page.get_size()
                textpage = page.get_textpage()
                try:
                    chars += max(textpage.count_chars(), 0)
                    page_text = str(textpage.get_text_bounded())
                    # A page right after one that ended in a table may hold only the table's tail.
                    search = every_page or ended_in_table or might_hold_table(page_text)
                    tables = _page_tables(page, textpage, height, index + 1) if search else []
                    ended_in_table = False
                    if not tables:
                        blocks.append(_Block(index + 1, lines=_text_lines(page_text)))
                        continue
                    # Bands reach beyond the page size: a media box need not start at the origin.
                    top = -OPEN_END
                    for table in tables:
                        band = _bounded(textpage, height, -OPEN_END, top, OPEN_END, table.top)
                        blocks.append(_Block(index + 1, lines=_text_lines(band)))
                        blocks.append(_Block(index + 1, table=table))
                        top = table.bottom
                    band = _bounded(textpage, height, -OPEN_END, top, OPEN_END, OPEN_END)
                    blocks.append(_Block(index + 1, lines=_text_lines(band)))
                    ended_in_table = not blocks[-1].lines
                finally:
                    textpage.close()
            finally:
                page.close()
    except pdfium.PdfiumError as exc:
        raise UnreadableDocument(f"PDF 文件已损坏，无法读取页面（{exc}）") from None
    finally:
        document.close()
    rows = _assemble(blocks)
    return SourceDocument(kind="pdf", rows=rows, path=path, pages=page_count, meta={"text_layer": chars > 0})


def _assemble(blocks: list[_Block]) -> list[Row]:
    """Rows in reading order; a table continued on the next page keeps its index and row numbering."""
    rows: list[Row] = []
    table_index = 0
    last_table: _Table | None = None
    last_page = 0
    last_row_number = 0
    open_at_page_end = False  # the last table is followed by no text on its page
    text_seen_on_page: dict[int, bool] = {}
    for block in blocks:
        if block.lines is not None:
            if block.lines:
                open_at_page_end = False
                text_seen_on_page[block.page] = True
            for line in block.lines:
                rows.append(Row([Fragment(line, page=block.page)]))
            continue
        table = block.table
        assert table is not None
        columns = None
        if (
            last_table is not None
            and open_at_page_end
            and last_page == block.page - 1
            and not text_seen_on_page.get(block.page, False)
        ):
            columns = _column_map(last_table, table)
        if columns is None:
            table_index += 1
            last_row_number = 0
        else:
            assert last_table is not None
            _regrid(table, columns)
            _continue_spans(last_table, table)
        for fragments in table.rows:
            last_row_number += 1
            rows.append(
                Row(
                    [
                        Fragment(
                            f.text,
                            page=f.page,
                            table=table_index,
                            row=last_row_number,
                            column=f.column,
                            continuation=f.continuation,
                        )
                        for f in fragments
                    ],
                    kind="table_row",
                )
            )
        last_table, last_page = table, block.page
        open_at_page_end = True
        text_seen_on_page[block.page] = True  # a second table on the same page is not a continuation
    return rows


def read_pdf(path: str | Path) -> SourceDocument:
    """Read a PDF file (see the module docstring)."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(f"无法读取文件：{exc.strerror or exc}") from None
    return parse_pdf_bytes(data, str(file))
