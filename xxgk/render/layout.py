"""The report laid out once, for every renderer: title, sections, and the three tables as grids of merged cells.

The grids follow the official template cell for cell (国办公开办函〔2021〕30号 attachment, and the 2019 layout
of 〔2019〕60号): which header cells span which rows and columns, where the group labels sit, and which cell
holds which value. DOCX, HTML (and through it PDF) and XLSX only translate a grid into their own markup, so
the merge structure is decided here and nowhere else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from xxgk.model import labels as L
from xxgk.model.formats import T2_COLUMN_KEYS, Table1Block, split_table1_key, table1_key
from xxgk.model.report import Cell, Report

Role = Literal["header", "block", "note", "label", "value"]


@dataclass(frozen=True, slots=True)
class GridCell:
    """One visible cell: its top-left grid position, spans, text and what it is.

    `ref` names the model cell a value comes from, in the notation findings use
    (「table1.行政许可/本年处理决定数量」, 「table2.total.other_org」, 「table3.rev_total」).
    """

    row: int
    col: int
    text: str
    role: Role
    rowspan: int = 1
    colspan: int = 1
    ref: str | None = None
    cell: Cell | None = None
    cid: str = ""  # stable id (HTML ids, `headers` attributes)
    headers: tuple[str, ...] = ()  # ids of the header cells that describe this cell
    scope: str | None = None  # row | col | rowgroup | colgroup, for header cells


@dataclass(slots=True)
class Grid:
    """A table as rows of visible cells (positions covered by a span hold no cell)."""

    key: str  # table1 | table2 | table3
    caption: str
    widths: tuple[int, ...]  # relative column widths (twips of the official template)
    header_rows: int  # leading rows that repeat on every page
    rows: list[list[GridCell]] = field(default_factory=list)
    # Row ranges [start, end) that a page break should not cut: a table-1 block, and the rows a merged
    # group label spans (a merged cell cut by a page break leaves its label on one side only).
    keep_together: list[tuple[int, int]] = field(default_factory=list)

    @property
    def ncols(self) -> int:
        return len(self.widths)

    def cells(self) -> list[GridCell]:
        return [cell for row in self.rows for cell in row]

    def values(self) -> list[GridCell]:
        return [cell for cell in self.cells() if cell.role == "value"]


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...]
    placeholder: str | None  # shown when the part has no text
    table: Grid | None


@dataclass(frozen=True, slots=True)
class Layout:
    title: str
    sections: tuple[Section, ...]


# Column widths of the official template (twips), kept as proportions.
T1_WIDTHS = (2435, 2435, 2435, 2435)
T2_WIDTHS = (754, 921, 3271, 685, 685, 685, 685, 685, 685, 685)
T3_WIDTHS = (649,) * 7 + (650,) * 8

T1_CAPTION = L.PART_HEADINGS[1].split("、", 1)[1]
T2_CAPTION = L.PART_HEADINGS[2].split("、", 1)[1]
T3_CAPTION = L.PART_HEADINGS[3].split("、", 1)[1]


# Characters XML 1.0 cannot carry (control characters from parsed documents): DOCX and XLSX would be
# unreadable, so they are dropped from every text the renderers print.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def shown(cell: Cell) -> str:
    """A cell as printed (`Cell.display`): the number, blank, or 「/」."""
    return clean(cell.display())


def report_title(report: Report) -> str:
    if report.title:
        return clean(report.title)
    year = f"{report.year}年" if report.year is not None else ""
    return clean(f"{report.agency or ''}{year}{L.REPORT_TITLE_SUFFIX}")


def paragraphs(text: str) -> tuple[str, ...]:
    """A part's text as paragraphs: one per non-empty line, surrounding whitespace dropped."""
    return tuple(clean(line).strip() for line in text.splitlines() if clean(line).strip())


def build_layout(report: Report) -> Layout:
    tables: dict[int, Grid] = {2: table1_grid(report), 3: table2_grid(report), 4: table3_grid(report)}
    sections = []
    for number, canonical in enumerate(L.PART_HEADINGS, start=1):
        part = report.part(number)
        heading = clean(part.heading) if part is not None and part.heading else canonical
        text = paragraphs(part.text) if part is not None else ()
        sections.append(Section(heading, text, L.PART_PLACEHOLDERS.get(number), tables.get(number)))
    return Layout(report_title(report), tuple(sections))


# --- table 1 --------------------------------------------------------------------------------------


@dataclass(slots=True)
class _T1Row:
    label: str
    block: Table1Block
    cells: dict[str, tuple[str, Cell]]  # column label → (key, cell)
    loose: list[tuple[str, Cell]]  # entries whose column is none of the block's (printed run together)


def _t1_rows(report: Report) -> list[tuple[Table1Block, list[_T1Row]]]:
    """The blocks of the report's format with their rows; entries outside the format are placed where they
    belong (a row printed under an older label becomes an extra row of the block with its columns; cells
    printed run together span the row) so that every value of the report is shown."""
    placed: list[tuple[Table1Block, list[_T1Row]]] = []
    by_row: dict[str, _T1Row] = {}
    for block in report.spec.table1_blocks:
        rows = []
        for label in block.rows:
            row = _T1Row(label, block, {}, [])
            for col in block.columns:
                key = table1_key(label, col.label)
                row.cells[col.label] = (key, report.table1.get(key, Cell.blank()))
            rows.append(row)
            by_row[label] = row
        placed.append((block, rows))
    known = set(report.spec.table1_keys)
    for key, cell in report.table1.items():
        if key in known:
            continue
        row_label, column = split_table1_key(key)
        target = by_row.get(row_label) or _row_by_prefix(by_row, row_label)
        if target is None:
            block, rows = _block_with_column(placed, column) or placed[-1]
            target = _T1Row(row_label, block, {}, [])
            rows.append(target)
            by_row[row_label] = target
        if column in {c.label for c in target.block.columns} and column not in target.cells:
            target.cells[column] = (key, cell)
        else:
            target.loose.append((key, cell))
    return placed


def _row_by_prefix(by_row: dict[str, _T1Row], label: str) -> _T1Row | None:
    matches = [name for name in by_row if label.startswith(name)]
    return by_row[max(matches, key=len)] if matches else None


def _block_with_column(
    placed: list[tuple[Table1Block, list[_T1Row]]], column: str
) -> tuple[Table1Block, list[_T1Row]] | None:
    for entry in placed:
        if column in {c.label for c in entry[0].columns}:
            return entry
    return None


def _spans(count: int, width: int) -> list[int]:
    """Grid columns taken by each of `count` header columns across `width`: the last one takes the rest
    (as the single 本年处理决定数量 column spans three in the template)."""
    return [1] * (count - 1) + [width - count + 1]


def table1_grid(report: Report) -> Grid:
    grid = Grid("table1", T1_CAPTION, T1_WIDTHS, header_rows=0)
    value_width = len(T1_WIDTHS) - 1
    for b, (block, rows) in enumerate(_t1_rows(report)):
        r = len(grid.rows)
        block_start = r
        block_id = f"t1-b{b}"
        grid.rows.append(
            [GridCell(r, 0, block.header, "block", colspan=len(T1_WIDTHS), cid=block_id, scope="colgroup")]
        )
        r += 1
        content_id = f"t1-b{b}-h0"
        header = [GridCell(r, 0, L.T1_CONTENT_HEADER, "header", cid=content_id, headers=(block_id,), scope="col")]
        col_ids: dict[str, str] = {}
        spans = _spans(len(block.columns), value_width)
        col = 1
        for c, (column, span) in enumerate(zip(block.columns, spans, strict=True)):
            cid = f"t1-b{b}-h{c + 1}"
            col_ids[column.label] = cid
            header.append(
                GridCell(r, col, column.label, "header", colspan=span, cid=cid, headers=(block_id,), scope="col")
            )
            col += span
        grid.rows.append(header)
        for i, row in enumerate(rows):
            r = len(grid.rows)
            row_id = f"t1-b{b}-r{i}"
            line = [GridCell(r, 0, clean(row.label), "label", cid=row_id, headers=(content_id,), scope="row")]
            if row.loose and not any(c.is_number for _, c in row.cells.values()):
                # Cells printed run together: one value spanning the block's columns.
                text = "；".join(shown(cell) for _, cell in row.loose)
                key, cell = row.loose[0]
                line.append(
                    GridCell(
                        r,
                        1,
                        text,
                        "value",
                        colspan=value_width,
                        ref=f"table1.{key}",
                        cell=cell,
                        headers=(block_id, *col_ids.values(), row_id),
                    )
                )
            else:
                col = 1
                for column, span in zip(block.columns, spans, strict=True):
                    key, cell = row.cells.get(column.label, (table1_key(row.label, column.label), Cell.blank()))
                    if column.label == block.columns[-1].label and row.loose:
                        extra = "；".join(shown(c) for _, c in row.loose)
                        cell_text = "；".join(t for t in (shown(cell), extra) if t)
                    else:
                        cell_text = shown(cell)
                    line.append(
                        GridCell(
                            r,
                            col,
                            cell_text,
                            "value",
                            colspan=span,
                            ref=f"table1.{key}",
                            cell=cell,
                            headers=(block_id, col_ids[column.label], row_id),
                        )
                    )
                    col += span
            grid.rows.append(line)
        grid.keep_together.append((block_start, len(grid.rows)))
    return grid


# --- table 2 --------------------------------------------------------------------------------------


def _t2_keys(report: Report) -> list[str]:
    """Rows in printed order: the format's rows plus any row the report holds outside its format (a
    2021-era report that still prints the single （六）其他处理 row keeps it, in its place)."""
    spec_keys = set(report.spec.table2_keys)
    return [key for key in L.T2_ROW_LABELS if key in spec_keys or key in report.table2]


def table2_grid(report: Report) -> Grid:
    grid = Grid("table2", T2_CAPTION, T2_WIDTHS, header_rows=3)
    applicant = "t2-applicant"
    natural, org, total = "t2-c0", "t2-org", "t2-c6"
    note = "t2-note"
    grid.rows.append(
        [
            GridCell(0, 0, L.T2_HEADER_NOTE, "note", rowspan=3, colspan=3, cid=note),
            GridCell(0, 3, L.T2_APPLICANT_GROUP, "header", colspan=7, cid=applicant, scope="colgroup"),
        ]
    )
    labels = dict(L.T2_COLUMNS)
    grid.rows.append(
        [
            GridCell(
                1, 3, labels["natural_person"], "header", rowspan=2, cid=natural, headers=(applicant,), scope="col"
            ),
            GridCell(1, 4, L.T2_ORG_GROUP, "header", colspan=5, cid=org, headers=(applicant,), scope="colgroup"),
            GridCell(1, 9, labels["total"], "header", rowspan=2, cid=total, headers=(applicant,), scope="col"),
        ]
    )
    col_ids: list[tuple[str, ...]] = [(applicant, natural)]
    sub = []
    for i, key in enumerate(T2_COLUMN_KEYS[1:6], start=1):
        cid = f"t2-c{i}"
        col_ids.append((applicant, org, cid))
        sub.append(GridCell(2, 3 + i, labels[key], "header", cid=cid, headers=(applicant, org), scope="col"))
    col_ids.append((applicant, total))
    grid.rows.append(sub)

    keys = _t2_keys(report)
    groups = [L.T2_ROW_LABELS[k][1] for k in keys]
    first = 3
    for i, key in enumerate(keys):
        r = first + i
        label, group = L.T2_ROW_LABELS[key]
        row_id = f"t2-r-{key}"
        line: list[GridCell] = []
        if not group:
            line.append(GridCell(r, 0, label, "label", colspan=3, cid=row_id, scope="row"))
            row_headers: tuple[str, ...] = (row_id,)
        else:
            outer_id = "t2-results"
            if i == 0 or not groups[i - 1]:
                run = _run_length(groups, i, bool)
                grid.keep_together.append((r, r + run))
                line.append(GridCell(r, 0, L.T2_GROUP_RESULTS, "header", rowspan=run, cid=outer_id, scope="rowgroup"))
            if group == L.T2_GROUP_RESULTS:
                line.append(GridCell(r, 1, label, "label", colspan=2, cid=row_id, headers=(outer_id,), scope="row"))
                row_headers = (outer_id, row_id)
            else:
                group_id = f"t2-g-{key.rsplit('_', 1)[0]}"
                if i == 0 or groups[i - 1] != group:
                    run = _run_length(groups, i, group.__eq__)
                    line.append(
                        GridCell(
                            r, 1, group, "header", rowspan=run, cid=group_id, headers=(outer_id,), scope="rowgroup"
                        )
                    )
                line.append(GridCell(r, 2, label, "label", cid=row_id, headers=(outer_id, group_id), scope="row"))
                row_headers = (outer_id, group_id, row_id)
        for c, col_key in enumerate(T2_COLUMN_KEYS):
            cell = report.t2(key, c)
            line.append(
                GridCell(
                    r,
                    3 + c,
                    shown(cell),
                    "value",
                    ref=f"table2.{key}.{col_key}",
                    cell=cell,
                    headers=(*row_headers, *col_ids[c]),
                )
            )
        grid.rows.append(line)
    return grid


def _run_length(groups: list[str], start: int, same: Callable[[str], bool]) -> int:
    """How many consecutive rows from `start` belong to the same merged group label."""
    n = 0
    for group in groups[start:]:
        if not same(group):
            break
        n += 1
    return n


# --- table 3 --------------------------------------------------------------------------------------


def table3_grid(report: Report) -> Grid:
    grid = Grid("table3", T3_CAPTION, T3_WIDTHS, header_rows=3)
    review, litigation = "t3-rev", "t3-lit"
    grid.rows.append(
        [
            GridCell(0, 0, L.T3_REVIEW, "header", colspan=5, cid=review, scope="colgroup"),
            GridCell(0, 5, L.T3_LITIGATION, "header", colspan=10, cid=litigation, scope="colgroup"),
        ]
    )
    leaf_ids: list[tuple[str, ...]] = []
    second: list[GridCell] = []
    for i, leaf in enumerate(L.T3_LEAVES):
        cid = f"t3-rev-{L.T3_LEAF_KEYS[i]}"
        second.append(GridCell(1, i, leaf, "header", rowspan=2, cid=cid, headers=(review,), scope="col"))
        leaf_ids.append((review, cid))
    third: list[GridCell] = []
    for g, (group_key, group_label) in enumerate(L.T3_GROUPS[1:], start=1):
        gid = f"t3-{group_key}"
        second.append(
            GridCell(1, 5 * g, group_label, "header", colspan=5, cid=gid, headers=(litigation,), scope="colgroup")
        )
        for i, leaf in enumerate(L.T3_LEAVES):
            cid = f"t3-{group_key}-{L.T3_LEAF_KEYS[i]}"
            third.append(GridCell(2, 5 * g + i, leaf, "header", cid=cid, headers=(litigation, gid), scope="col"))
            leaf_ids.append((litigation, gid, cid))
    grid.rows.append(second)
    grid.rows.append(third)
    values = []
    for i, key in enumerate(L.T3_KEYS):
        cell = report.t3(i)
        values.append(GridCell(3, i, shown(cell), "value", ref=f"table3.{key}", cell=cell, headers=leaf_ids[i]))
    grid.rows.append(values)
    return grid
