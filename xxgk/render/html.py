"""HTML: a standalone, self-contained page a government portal can publish as it is.

Inline CSS only (no external file, script or font), `lang="zh-CN"`, and accessible tables: a `<caption>`,
header cells as `<th>` with `scope`, every cell linked to its headers through `id`/`headers` (the tables
have two- and three-level headers, which `scope` alone cannot express), and real rowspan/colspan that
follow the official template. The same page, with its print rules (A4, page numbers), is what the PDF
renderer hands to WeasyPrint.
"""

from __future__ import annotations

from html import escape

from xxgk.model.report import Finding, Report
from xxgk.render.layout import Grid, GridCell, Layout, build_layout

STYLE = """
@page { size: A4; margin: 30mm 24mm 28mm 24mm;
  @bottom-center { content: "— " counter(page) " —"; font-family: "宋体", "SimSun", serif; font-size: 12pt; } }
@media screen { html { background: #fff; color: #000; } }
body { margin: 0 auto; max-width: 190mm; padding: 12mm 10mm;
  font-family: "仿宋", "仿宋_GB2312", "FangSong", "STFangsong", serif; font-size: 16pt; line-height: 1.75; }
h1 { font-family: "方正小标宋简体", "小标宋", "方正小标宋_GBK", "宋体", "SimSun", serif; font-weight: normal;
  font-size: 22pt; line-height: 1.5; text-align: center; margin: 0 0 1em; }
h2 { font-family: "黑体", "SimHei", "Heiti SC", sans-serif; font-weight: normal; font-size: 16pt;
  margin: 0.5em 0 0; text-indent: 2em; break-after: avoid; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.placeholder { color: #555; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0.6em 0 1em;
  font-family: "宋体", "SimSun", serif; font-size: 10pt; line-height: 1.35; }
caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
th, td { border: 1px solid #000; padding: 2pt 3pt; text-align: center; vertical-align: middle;
  font-weight: normal; overflow-wrap: anywhere; }
th.block { background: #c6d9f1; text-align: left; }
th.item, th.wide { text-align: left; }
td.note { font-family: "楷体", "楷体_GB2312", "KaiTi", serif; text-align: left; }
tr, tbody.keep { break-inside: avoid; }
@media screen { .table-scroll { overflow-x: auto; } .table-scroll table { min-width: 60em; } }
@media print { body { max-width: none; padding: 0; } caption { display: none; } }
""".strip()


def render(report: Report, findings: list[Finding] | None = None) -> bytes:
    """The report as a standalone HTML page (findings are not part of the published page)."""
    return page(build_layout(report)).encode("utf-8")


def page(layout: Layout, *, for_print: bool = False) -> str:
    """The whole page. `for_print` leaves out what only a screen reader or script uses (ids, `headers`,
    `scope`, data attributes): WeasyPrint's PDF is not tagged, and every id becomes a PDF destination,
    which makes the PDF about a fifth slower to produce."""
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(layout.title)}</title>",
        f"<style>\n{STYLE}\n</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{escape(layout.title)}</h1>",
    ]
    for number, section in enumerate(layout.sections, start=1):
        if for_print:
            out.append(f"<section><h2>{escape(section.heading)}</h2>")
        else:
            out.append(f'<section aria-labelledby="part-{number}">')
            out.append(f'<h2 id="part-{number}">{escape(section.heading)}</h2>')
        if section.paragraphs:
            out.extend(f"<p>{escape(text)}</p>" for text in section.paragraphs)
        elif section.placeholder:
            out.append(f'<p class="placeholder">{escape(section.placeholder)}</p>')
        if section.table is not None:
            out.append(f'<div class="table-scroll">{table(section.table, for_print=for_print)}</div>')
        out.append("</section>")
    out.extend(["</main>", "</body>", "</html>", ""])
    return "\n".join(out)


def table(grid: Grid, *, for_print: bool = False) -> str:
    total = sum(grid.widths)
    opening = "<table>" if for_print else f'<table id="{grid.key}">'
    out = [opening, f"<caption>{escape(grid.caption)}</caption>", "<colgroup>"]
    out.extend(f'<col style="width:{100 * w / total:.2f}%">' for w in grid.widths)
    out.append("</colgroup>")
    if grid.header_rows:
        out.append("<thead>")
        out.extend(_row(row, for_print) for row in grid.rows[: grid.header_rows])
        out.append("</thead>")
    # One <tbody> per stretch of rows; those a page break must not cut are marked to be kept together.
    for start, end, keep in _body_groups(grid):
        out.append('<tbody class="keep">' if keep else "<tbody>")
        out.extend(_row(row, for_print) for row in grid.rows[start:end])
        out.append("</tbody>")
    out.append("</table>")
    # No whitespace between table tags: every text node is one more (anonymous) box for WeasyPrint to lay out.
    return "".join(out)


def _row(row: list[GridCell], for_print: bool) -> str:
    return "<tr>" + "".join(_cell(cell, for_print) for cell in row) + "</tr>"


def _body_groups(grid: Grid) -> list[tuple[int, int, bool]]:
    groups: list[tuple[int, int, bool]] = []
    position = grid.header_rows
    for start, end in sorted(grid.keep_together):
        if start > position:
            groups.append((position, start, False))
        groups.append((start, end, True))
        position = end
    if position < len(grid.rows):
        groups.append((position, len(grid.rows), False))
    return groups


def _cell(cell: GridCell, for_print: bool = False) -> str:
    attrs = []
    if cell.cid and not for_print:
        attrs.append(f'id="{cell.cid}"')
    if cell.rowspan > 1:
        attrs.append(f'rowspan="{cell.rowspan}"')
    if cell.colspan > 1:
        attrs.append(f'colspan="{cell.colspan}"')
    if not for_print:
        if cell.scope:
            attrs.append(f'scope="{cell.scope}"')
        if cell.headers:
            attrs.append(f'headers="{" ".join(cell.headers)}"')
    if cell.role == "value":
        if not for_print:
            attrs.insert(0, 'class="value"')
            if cell.ref:
                attrs.append(f'data-ref="{escape(cell.ref)}"')
        tag = "td"
    elif cell.role == "note":
        attrs.insert(0, 'class="note"')
        tag = "td"
    else:
        css = {"block": "block", "label": "item" if cell.col == 2 or cell.colspan > 1 else ""}.get(cell.role, "")
        if cell.role == "label" and cell.colspan > 1:
            css = "wide"
        if css:
            attrs.insert(0, f'class="{css}"')
        tag = "th"
    return f"<{tag} {' '.join(attrs)}>{escape(cell.text)}</{tag}>" if attrs else f"<{tag}>{escape(cell.text)}</{tag}>"
