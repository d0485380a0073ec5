"""Read rendered files back into plain tables of merged cells, with each format's own reader library
(python-docx and its XML, lxml, openpyxl, pdfplumber), and check them against a report.

The checks find rows by their printed labels (labels.py / formats.py), never by the renderers' layout
code, so a value written into the wrong row or column, or a wrong merge, fails.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from decimal import Decimal

import docx
import lxml.html
import openpyxl
import pdfplumber
from docx.oxml.ns import qn

from xxgk.model import T2_COLUMN_KEYS, format_number, split_table1_key, table1_key
from xxgk.model import labels as L
from xxgk.model.report import Cell, CellState, Report

Span = tuple[int, int, int, int]  # row, col, rowspan, colspan


@dataclass(frozen=True)
class ReadCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    text: str
    value: object = None  # the stored value where the format keeps types (XLSX)


@dataclass
class ReadTable:
    cells: list[ReadCell]
    split_rows: frozenset[int] = frozenset()  # rows where a page break cut the table (PDF)

    @property
    def nrows(self) -> int:
        return max(c.row + c.rowspan for c in self.cells)

    @property
    def ncols(self) -> int:
        return max(c.col + c.colspan for c in self.cells)

    def dense(self) -> list[list[str]]:
        """Text of the cell covering every grid position."""
        grid = [[""] * self.ncols for _ in range(self.nrows)]
        for cell in self.cells:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    grid[r][c] = cell.text
        return grid

    def spans(self) -> set[Span]:
        return {(c.row, c.col, c.rowspan, c.colspan) for c in self.cells if c.rowspan > 1 or c.colspan > 1}

    def at(self, row: int, col: int) -> ReadCell:
        for cell in self.cells:
            if cell.row <= row < cell.row + cell.rowspan and cell.col <= col < cell.col + cell.colspan:
                return cell
        raise KeyError((row, col))


def norm(text: str | None) -> str:
    """Printed text without layout whitespace (line breaks inside narrow cells, padding)."""
    return re.sub(r"\s+", "", text or "").replace("\u3000", "")


# --- readers --------------------------------------------------------------------------------------


def docx_tables(data: bytes) -> list[ReadTable]:
    document = docx.Document(io.BytesIO(data))
    tables = []
    for tbl in document.element.body.iter(qn("w:tbl")):
        entries: list[list[int | str]] = []  # [row, col, rowspan, colspan, text]
        open_merges: dict[int, list[int | str]] = {}  # grid col → the entry a vMerge continues
        for r, tr in enumerate(tbl.findall(qn("w:tr"))):
            col = 0
            for tc in tr.findall(qn("w:tc")):
                props = tc.find(qn("w:tcPr"))
                span_el = props.find(qn("w:gridSpan")) if props is not None else None
                vmerge = props.find(qn("w:vMerge")) if props is not None else None
                span = int(span_el.get(qn("w:val"))) if span_el is not None else 1
                text = norm("".join(t.text or "" for t in tc.iter(qn("w:t"))))
                state = None if vmerge is None else (vmerge.get(qn("w:val")) or "continue")
                if state == "continue":
                    entry = open_merges[col]
                    assert entry[3] == span, f"vMerge continuation at row {r} col {col} has another gridSpan"
                    assert text == "", f"vMerge continuation at row {r} col {col} holds text {text!r}"
                    entry[2] = int(entry[2]) + 1
                else:
                    entry = [r, col, 1, span, text]
                    open_merges[col] = entry
                    entries.append(entry)
                col += span
        tables.append(ReadTable([ReadCell(int(e[0]), int(e[1]), int(e[2]), int(e[3]), str(e[4])) for e in entries]))
    return tables


def html_tables(data: bytes) -> list[ReadTable]:
    root = lxml.html.fromstring(data)
    tables = []
    for table in root.iter("table"):
        cells = []
        taken: set[tuple[int, int]] = set()
        for r, tr in enumerate(table.iter("tr")):
            col = 0
            for td in tr:
                if td.tag not in ("td", "th"):
                    continue
                while (r, col) in taken:
                    col += 1
                rowspan, colspan = int(td.get("rowspan", "1")), int(td.get("colspan", "1"))
                cells.append(ReadCell(r, col, rowspan, colspan, norm(td.text_content())))
                for rr in range(r, r + rowspan):
                    for cc in range(col, col + colspan):
                        taken.add((rr, cc))
                col += colspan
        tables.append(ReadTable(cells))
    return tables


def xlsx_tables(data: bytes, first_row: int) -> dict[str, ReadTable]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    out = {}
    for sheet in book.worksheets:
        merged = {}
        covered = set()
        for rng in sheet.merged_cells.ranges:
            merged[(rng.min_row, rng.min_col)] = (rng.max_row - rng.min_row + 1, rng.max_col - rng.min_col + 1)
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    if (r, c) != (rng.min_row, rng.min_col):
                        covered.add((r, c))
        cells = []
        for row in sheet.iter_rows(min_row=first_row + 1):
            for cell in row:
                key = (cell.row, cell.column)
                if key in covered:
                    continue
                rowspan, colspan = merged.get(key, (1, 1))
                value = cell.value
                cells.append(
                    ReadCell(cell.row - first_row - 1, cell.column - 1, rowspan, colspan, _xlsx_text(value), value)
                )
        out[sheet.title] = ReadTable(cells)
    return out


def _xlsx_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format_number(Decimal(repr(value)))
    return norm(str(value))


def pdf_tables(data: bytes) -> list[ReadTable]:
    """The tables of a PDF, pieces continued on the next page stitched together (the repeated header
    rows of a continuation dropped). Grid columns come from the ruling of all pieces of a table."""
    pieces: list[tuple[str, list[tuple[tuple[float, float, float, float], str]]]] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            for table in page.find_tables():
                texts = table.extract()
                found = []
                for row, row_texts in zip(table.rows, texts, strict=True):
                    for bbox, text in zip(row.cells, row_texts, strict=True):
                        if bbox is not None:
                            found.append((bbox, norm(text)))
                found.sort(key=lambda item: (round(item[0][1]), item[0][0]))
                first = found[0][1]
                kind = (
                    "table1"
                    if first.startswith("第二十条")
                    else "table2"
                    if first == norm(L.T2_HEADER_NOTE)
                    else "table3"
                    if first == L.T3_REVIEW
                    else "continued"
                )
                pieces.append((kind, found))
    grouped: list[list[list[tuple[tuple[float, float, float, float], str]]]] = []
    for kind, found in pieces:
        if kind == "continued" or (grouped and kind != "table1" and grouped[-1][0][0][1] == found[0][1]):
            grouped[-1].append(found)
        else:
            grouped.append([found])
    return [_stitch(group) for group in grouped]


def _stitch(group: list[list[tuple[tuple[float, float, float, float], str]]]) -> ReadTable:
    xs = sorted({round(v) for found in group for bbox, _ in found for v in (bbox[0], bbox[2])})
    xs = _cluster(xs)
    cells: list[ReadCell] = []
    split_rows: set[int] = set()
    offset = 0
    header_texts: list[str] = []
    for index, found in enumerate(group):
        ys = _cluster(sorted({round(v) for bbox, _ in found for v in (bbox[1], bbox[3])}))
        piece = [
            (_index(ys, bbox[1]), _index(xs, bbox[0]), _index(ys, bbox[3]), _index(xs, bbox[2]), text)
            for bbox, text in found
        ]
        drop = 0
        if index == 0:
            header_texts = [text for r0, _, _, _, text in piece if r0 == 0]
        else:
            split_rows.add(offset)
            if header_texts and [t for r0, _, _, _, t in piece if r0 == 0] == header_texts:
                drop = min(r1 for r0, _, r1, _, t in piece if t == header_texts[0] and r0 == 0)
                drop = max(r1 for r0, _, r1, _, _ in piece if r0 < drop)
        for r0, c0, r1, c1, text in piece:
            if r0 < drop:
                continue
            cells.append(ReadCell(offset + r0 - drop, c0, r1 - r0, c1 - c0, text))
        offset += len(ys) - 1 - drop
    return ReadTable(cells, frozenset(split_rows))


def _cluster(values: list[int], tolerance: int = 2) -> list[int]:
    out: list[int] = []
    for v in values:
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def _index(edges: list[int], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


# --- what a report should look like ---------------------------------------------------------------


def display(cell: Cell | None) -> str:
    return norm(cell.display()) if cell is not None else ""


def check_table1(report: Report, table: ReadTable) -> int:
    """Every table-1 value under its block's column header, in the row of its label. Returns the number
    of values checked."""
    grid = table.dense()
    columns: dict[str, int] = {}
    checked = 0
    rows_seen: set[str] = set()
    spec_keys = set(report.spec.table1_keys)
    row_text: dict[str, str] = {}
    for line in grid:
        label = line[0]
        if label.startswith("第二十条") and all(text == label for text in line):
            columns = {}
            continue
        if label == L.T1_CONTENT_HEADER:
            columns = {}
            for c, text in enumerate(line[1:], start=1):
                columns.setdefault(text, c)
            continue
        rows_seen.add(label)
        row_text[label] = "".join(dict.fromkeys(line[1:]))
        for column, c in columns.items():
            key = table1_key(label, column)
            if key in spec_keys:
                expected = display(report.table1.get(key)) if key in report.table1 else ""
                if key in report.table1 or not _has_loose(report, label):
                    assert line[c] == expected or (expected == "" and _has_loose(report, label)), (
                        f"table1 {key}: {line[c]!r} != {expected!r}"
                    )
                    checked += 1
            elif key in report.table1:
                assert line[c] == display(report.table1[key]), f"table1 {key}: {line[c]!r}"
                checked += 1
    for block in report.spec.table1_blocks:
        for label in block.rows:
            assert label in rows_seen, f"table1 row {label} missing"
    for key, cell in report.table1.items():
        if key in spec_keys:
            continue
        row, _ = split_table1_key(key)
        home = max((label for label in rows_seen if row.startswith(label)), key=len, default=None)
        assert home is not None, f"table1 {key}: no row"
        assert display(cell) in row_text[home], f"table1 {key}: {display(cell)!r} not in row {home}"
        checked += 1
    return checked


def _has_loose(report: Report, label: str) -> bool:
    spec = set(report.spec.table1_keys)
    return any(k not in spec and split_table1_key(k)[0].startswith(label) for k in report.table1)


def check_table2(report: Report, table: ReadTable) -> int:
    grid = table.dense()
    assert grid[0][0] == norm(L.T2_HEADER_NOTE)
    assert grid[0][3] == L.T2_APPLICANT_GROUP
    labels = {norm(label): key for key, (label, _) in L.T2_ROW_LABELS.items()}
    seen: dict[str, list[str]] = {}
    for line in grid[3:]:
        key = labels.get(line[2])
        assert key is not None, f"table2: unknown row label {line[2]!r}"
        seen[key] = line[3:10]
    checked = 0
    expected_keys = [k for k in L.T2_ROW_LABELS if k in report.spec.table2_keys or k in report.table2]
    assert list(seen) == expected_keys
    for key in expected_keys:
        for c, col_key in enumerate(T2_COLUMN_KEYS):
            assert seen[key][c] == display(report.t2(key, c)), f"table2 {key}.{col_key}: {seen[key][c]!r}"
            checked += 1
    return checked


def check_table3(report: Report, table: ReadTable) -> int:
    grid = table.dense()
    assert grid[0][0] == L.T3_REVIEW and grid[0][5] == L.T3_LITIGATION
    assert grid[1][5] == L.T3_DIRECT and grid[1][10] == L.T3_AFTER_REVIEW
    assert [grid[2][i] for i in range(15)] == list(L.T3_LEAVES) * 3
    values = grid[3]
    for i, key in enumerate(L.T3_KEYS):
        assert values[i] == display(report.t3(i)), f"table3 {key}: {values[i]!r}"
    return 15


# --- the official merge structure, from the format definitions --------------------------------------


def expected_spans(report: Report) -> list[set[Span]]:
    spans1: set[Span] = set()
    r = 0
    loose_rows = {
        label
        for block in report.spec.table1_blocks
        for label in block.rows
        if _has_loose(report, label)
        and not any(report.table1.get(k, Cell()).is_number for k in block.cell_keys() if k.startswith(label + "/"))
    }
    spec = set(report.spec.table1_keys)
    for block in report.spec.table1_blocks:
        spans1.add((r, 0, 1, 4))
        rows = list(block.rows) + sorted(
            {split_table1_key(k)[0] for k in report.table1 if k not in spec and _extra_row_of(report, k) is block}
        )
        width = len(block.columns)
        for i in range(len(rows) + 1):
            if i > 0 and rows[i - 1] in loose_rows:
                spans1.add((r + 1 + i, 1, 1, 3))
            elif width < 3:
                spans1.add((r + 1 + i, width, 1, 4 - width))
        r += 2 + len(rows)
    spans2: set[Span] = {(0, 0, 3, 3), (0, 3, 1, 7), (1, 3, 2, 1), (1, 4, 1, 5), (1, 9, 2, 1)}
    keys = [k for k in L.T2_ROW_LABELS if k in report.spec.table2_keys or k in report.table2]
    groups = [L.T2_ROW_LABELS[k][1] for k in keys]
    for i, group in enumerate(groups):
        row = 3 + i
        if not group:
            spans2.add((row, 0, 1, 3))
        elif group == L.T2_GROUP_RESULTS:
            spans2.add((row, 1, 1, 2))
        elif i == 0 or groups[i - 1] != group:
            run = next((j for j in range(i, len(keys)) if groups[j] != group), len(keys)) - i
            if run > 1:
                spans2.add((row, 1, run, 1))
        if group and (i == 0 or not groups[i - 1]):
            run = next((j for j in range(i, len(keys)) if not groups[j]), len(keys)) - i
            spans2.add((row, 0, run, 1))
    spans3: set[Span] = {(0, 0, 1, 5), (0, 5, 1, 10), (1, 5, 1, 5), (1, 10, 1, 5)}
    spans3 |= {(1, i, 2, 1) for i in range(5)}
    return [spans1, spans2, spans3]


def _extra_row_of(report: Report, key: str) -> object:
    """The block an entry outside the format is printed in, when it gets a row of its own."""
    row, column = split_table1_key(key)
    labels = [label for block in report.spec.table1_blocks for label in block.rows]
    if any(row.startswith(label) for label in labels):
        return None
    for block in report.spec.table1_blocks:
        if column in {c.label for c in block.columns}:
            return block
    return report.spec.table1_blocks[-1]


def check_spans(report: Report, tables: list[ReadTable]) -> None:
    for index, (table, expected) in enumerate(zip(tables, expected_spans(report), strict=True), start=1):
        found = table.spans()
        if table.split_rows:
            # A page break cuts a row span in two: only the spans no break crosses can be compared.
            def crossed(span: Span, breaks: frozenset[int] = table.split_rows) -> bool:
                return any(span[0] < r < span[0] + span[2] for r in breaks)

            missing = {s for s in expected if not crossed(s)} - found
            assert not missing, f"table {index}: spans missing {sorted(missing)}"
        else:
            assert found == expected, (
                f"table {index}: extra {sorted(found - expected)}, missing {sorted(expected - found)}"
            )


def check_all(report: Report, tables: list[ReadTable]) -> int:
    assert len(tables) == 3, f"{len(tables)} tables"
    checked = check_table1(report, tables[0]) + check_table2(report, tables[1]) + check_table3(report, tables[2])
    check_spans(report, tables)
    return checked


def numeric_cells_are_numbers(report: Report, tables: dict[str, ReadTable]) -> None:
    """In the XLSX every printed number is a number (int or float equal to the Decimal), blank is empty."""
    grid = tables["表二 依申请"]
    labels = {norm(label): key for key, (label, _) in L.T2_ROW_LABELS.items()}
    for r in range(3, grid.nrows):
        key = labels[grid.at(r, 2).text]
        for c in range(7):
            cell = report.t2(key, c)
            value = grid.at(r, 3 + c).value
            if cell.state is CellState.VALUE:
                assert isinstance(value, int | float) and Decimal(repr(value)) == cell.value, (key, c, value)
            elif cell.state is CellState.BLANK:
                assert value is None, (key, c, value)
