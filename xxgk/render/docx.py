"""DOCX in the official look: A4, 小标宋 title, 黑体 part headings, 仿宋 body, and the three tables with the
merged-cell structure of the official template.

python-docx never writes the East-Asian font (`w:eastAsia`), which is the one Word uses for Chinese text,
so every run goes through `set_run_fonts`. The tables are written as WordprocessingML directly from the
layout grids in one pass: going through python-docx's cell API (a cell lookup and a merge per span) is
several times slower, and one pass writes exactly the template's cells (gridSpan for column spans, a
vMerge restart cell and its continuation cells, carrying the same gridSpan, for row spans).
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.styles import CT_Style
from docx.oxml.text.run import CT_R
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph
from lxml import etree

from xxgk.model import labels as L
from xxgk.model.report import Finding, Report
from xxgk.render.layout import Grid, GridCell, build_layout, clean

# Customary fonts of government documents (GB/T 9704), each with the name Word should try when the first
# is not installed (written to the font table as w:altName).
FONT_TITLE = "方正小标宋简体"
FONT_TITLE_ALT = "宋体"
FONT_HEADING = "黑体"
FONT_BODY = "仿宋"
FONT_BODY_ALT = "仿宋_GB2312"
FONT_TABLE = "宋体"
FONT_LATIN = "Times New Roman"

SIZE_TITLE = Pt(22)  # 二号
SIZE_BODY = Pt(16)  # 三号
SIZE_TABLE_HALF_POINTS = 20  # 10 pt, as in the template's tables
LINE_EXACT = Pt(28)
BLOCK_SHADING = "C6D9F1"  # the template's fill of the 第二十条第（X）项 rows

PAGE_WIDTH, PAGE_HEIGHT = Cm(21), Cm(29.7)
MARGIN_TOP, MARGIN_BOTTOM = Cm(3.7), Cm(3.5)
MARGIN_LEFT, MARGIN_RIGHT = Cm(2.8), Cm(2.6)
TEXT_WIDTH_TWIPS = round((PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT) / 635)  # EMU → twips


def set_run_fonts(element: CT_R | CT_Style, east_asia: str, latin: str = FONT_LATIN) -> None:
    """Set the fonts of a run (or of a style's run properties) including `w:eastAsia`, which python-docx
    leaves unset so that Word would fall back to the theme's East-Asian font."""
    # CT_Style generates get_or_add_rPr at runtime (python-docx's metaclass); the stubs don't show it.
    rpr = element.get_or_add_rPr()  # type: ignore[union-attr]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:hint"), "eastAsia")


def render(report: Report, findings: list[Finding] | None = None) -> bytes:
    """The report as a DOCX file (findings are not part of the published document)."""
    layout = build_layout(report)
    doc = Document()
    _page_setup(doc)
    _base_styles(doc)
    _font_table(doc)
    # python-docx's template would otherwise name itself as author and give a stale date.
    props = doc.core_properties
    agency = clean(report.agency or "")
    props.title, props.author, props.last_modified_by = layout.title, agency, agency
    props.subject, props.keywords, props.comments = L.REPORT_TITLE_SUFFIX, "", ""
    props.created = props.modified = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    # python-docx adds paragraphs before the section properties; tables go there too.
    sect_pr = doc.element.body.find(qn("w:sectPr"))

    _paragraph(doc, layout.title, FONT_TITLE, SIZE_TITLE, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=Pt(28))
    for section in layout.sections:
        _paragraph(doc, section.heading, FONT_HEADING, SIZE_BODY, indent=True, outline=0, keep_next=True)
        texts = section.paragraphs or ((section.placeholder,) if section.placeholder else ())
        for text in texts:
            _paragraph(doc, text, FONT_BODY, SIZE_BODY, indent=True)
        if section.table is not None:
            sect_pr.addprevious(parse_xml(_table_xml(section.table)))
            # A table must not be the last thing before the next heading without a paragraph between.
            _paragraph(doc, "", FONT_BODY, Pt(10))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _page_setup(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:rFonts w:ascii="{FONT_TABLE}" w:hAnsi="{FONT_TABLE}" '
            f'w:eastAsia="{FONT_TABLE}"/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">— </w:t></w:r>'
        )
    )
    footer._p.append(
        parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="28"/></w:rPr>'
            "<w:t>1</w:t></w:r></w:fldSimple>"
        )
    )
    footer._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:rFonts w:ascii="{FONT_TABLE}" w:hAnsi="{FONT_TABLE}" '
            f'w:eastAsia="{FONT_TABLE}"/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve"> —</w:t></w:r>'
        )
    )


def _base_styles(doc: DocxDocument) -> None:
    normal = doc.styles["Normal"]
    normal.font.size = SIZE_BODY
    normal.font.name = FONT_LATIN
    set_run_fonts(normal.element, FONT_BODY)
    # Chinese documents are set in the zh-CN language so that Word picks Chinese punctuation widths.
    rpr = normal.element.get_or_add_rPr()
    lang = rpr.makeelement(qn("w:lang"), {qn("w:val"): "en-US", qn("w:eastAsia"): "zh-CN"})
    rpr.append(lang)


def _font_table(doc: DocxDocument) -> None:
    """Declare the customary fonts with their fallbacks (w:altName) in the font table."""
    for rel in doc.part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            part = rel.target_part
            root = etree.fromstring(part.blob)
            w = root.nsmap.get("w") or "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
            for name, alt in ((FONT_TITLE, FONT_TITLE_ALT), (FONT_BODY, FONT_BODY_ALT), (FONT_HEADING, None)):
                font = etree.SubElement(root, f"{{{w}}}font", {f"{{{w}}}name": name})
                if alt:
                    etree.SubElement(font, f"{{{w}}}altName", {f"{{{w}}}val": alt})
                etree.SubElement(font, f"{{{w}}}charset", {f"{{{w}}}val": "86"})
                etree.SubElement(font, f"{{{w}}}family", {f"{{{w}}}val": "auto"})
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            return


def _paragraph(
    doc: DocxDocument,
    text: str,
    font: str,
    size: Pt,
    *,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent: bool = False,
    outline: int | None = None,
    keep_next: bool = False,
    space_after: Pt | None = None,
) -> Paragraph:
    para: Paragraph = doc.add_paragraph()
    fmt = para.paragraph_format
    fmt.line_spacing = LINE_EXACT
    fmt.space_before = Pt(0)
    fmt.space_after = space_after if space_after is not None else Pt(0)
    if align is not None:
        para.alignment = align
    else:
        para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if keep_next:
        fmt.keep_with_next = True
    ppr = para._p.get_or_add_pPr()
    if indent:
        # Two characters of first-line indent, also in character units so it follows the font size.
        fmt.first_line_indent = Pt(size.pt * 2)
        ind = ppr.find(qn("w:ind"))
        if ind is not None:
            ind.set(qn("w:firstLineChars"), "200")
    if outline is not None:
        level = ppr.makeelement(qn("w:outlineLvl"), {qn("w:val"): str(outline)})
        ppr.insert_element_before(level, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
    if text:
        run = para.add_run(text)
        run.font.size = size
        set_run_fonts(run._r, font)
    return para


# --- tables ---------------------------------------------------------------------------------------

_RUN_PROPS = (
    f'<w:rPr><w:rFonts w:ascii="{FONT_TABLE}" w:hAnsi="{FONT_TABLE}" w:eastAsia="{FONT_TABLE}" '
    f'w:cs="{FONT_TABLE}" w:hint="eastAsia"/><w:kern w:val="0"/>'
    f'<w:sz w:val="{SIZE_TABLE_HALF_POINTS}"/><w:szCs w:val="{SIZE_TABLE_HALF_POINTS}"/></w:rPr>'
)
_NOTE_RUN_PROPS = _RUN_PROPS.replace(FONT_TABLE, "楷体")
_PARA_PROPS = (
    '<w:pPr>{keep}<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/>'
)


def _widths(grid: Grid) -> list[int]:
    total = sum(grid.widths)
    scaled = [w * TEXT_WIDTH_TWIPS // total for w in grid.widths]
    scaled[-1] += TEXT_WIDTH_TWIPS - sum(scaled)
    return scaled


def _table_xml(grid: Grid) -> str:
    """WordprocessingML of a grid: gridSpan for column spans, vMerge restart/continue for row spans
    (the continuation cells repeat the anchor's gridSpan, as Word and the template do)."""
    widths = _widths(grid)
    parts = [
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        "<w:tblBorders>"
        + "".join(
            f'<w:{side} w:val="single" w:sz="6" w:space="0" w:color="000000"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + '</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>'
    ]
    parts.extend(f'<w:gridCol w:w="{w}"/>' for w in widths)
    parts.append("</w:tblGrid>")
    # Rows kept with the next one (Word keeps a row whose paragraphs are "keep with next" on the page of
    # the following row): a table-1 block, the rows of a merged group label.
    keep = {r for start, end in grid.keep_together for r in range(start, end - 1)}
    # Row spans continue into later rows: remember them by (row, col) → anchor.
    continuing: dict[tuple[int, int], GridCell] = {}
    for cell in grid.cells():
        for r in range(cell.row + 1, cell.row + cell.rowspan):
            continuing[(r, cell.col)] = cell
    for r, row in enumerate(grid.rows):
        header = r < grid.header_rows
        parts.append('<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="340" w:hRule="atLeast"/>')
        if header:
            parts.append("<w:tblHeader/>")
        parts.append('<w:jc w:val="center"/></w:trPr>')
        anchors = {cell.col: cell for cell in row}
        col = 0
        while col < grid.ncols:
            if col in anchors:
                cell = anchors[col]
                parts.append(_cell_xml(cell, widths, "restart" if cell.rowspan > 1 else None, r in keep))
                col += cell.colspan
            elif (r, col) in continuing:
                anchor = continuing[(r, col)]
                parts.append(_cell_xml(anchor, widths, "continue", r in keep))
                col += anchor.colspan
            else:  # pragma: no cover - the layout covers every position
                raise ValueError(f"{grid.key}: grid position ({r}, {col}) is not covered")
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)


def _cell_xml(cell: GridCell, widths: list[int], vmerge: str | None, keep_next: bool) -> str:
    width = sum(widths[cell.col : cell.col + cell.colspan])
    props = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if cell.colspan > 1:
        props.append(f'<w:gridSpan w:val="{cell.colspan}"/>')
    if vmerge:
        props.append(f'<w:vMerge w:val="{vmerge}"/>')
    if cell.role == "block":
        props.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{BLOCK_SHADING}"/>')
    props.append('<w:vAlign w:val="center"/>')
    para_props = _PARA_PROPS.format(keep="<w:keepNext/>" if keep_next else "")
    if vmerge == "continue":
        return f"<w:tc><w:tcPr>{''.join(props)}</w:tcPr><w:p>{para_props}</w:pPr></w:p></w:tc>"
    align = "left" if cell.role in ("block", "note") or (cell.role == "label" and cell.col == 2) else "center"
    if cell.role == "label" and cell.colspan > 1:
        align = "left"
    run_props = _NOTE_RUN_PROPS if cell.role == "note" else _RUN_PROPS
    run = f'<w:r>{run_props}<w:t xml:space="preserve">{escape(cell.text)}</w:t></w:r>' if cell.text else ""
    return f'<w:tc><w:tcPr>{"".join(props)}</w:tcPr><w:p>{para_props}<w:jc w:val="{align}"/></w:pPr>{run}</w:p></w:tc>'
