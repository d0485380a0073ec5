"""DOCX letters to applicants (答复书, 补正通知书, 延期答复告知书, 第三方意见征询函, 收费通知) laid out as
official documents (GB/T 9704 proportions): title in 黑体, body in 仿宋 三号 with fixed 28-point lines and
a two-character first-line indent, the agency and date at the bottom right.

python-docx sets only the Western font name; Chinese text falls back to whatever Word picks unless the
run's `w:eastAsia` font is set too, so every run here goes through `_font`.

`render_letter` knows nothing of the database: `LetterContent` carries the finished text. The case pages
build it with `web.applications.letter_content`.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.run import Run

BODY_FONT = "仿宋"
TITLE_FONT = "黑体"
BODY_SIZE = Pt(16)  # 三号
TITLE_SIZE = Pt(22)  # 二号
LINE = Pt(28)

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class LetterContent:
    title: str  # e.g. 政府信息公开申请答复书
    agency_name: str
    doc_number: str  # e.g. 清教公开〔2025〕第12号
    addressee: str  # applicant name followed by "：" is added by the renderer
    paragraphs: tuple[str, ...]  # body paragraphs, in order
    basis: str = ""  # the article(s) cited, one sentence
    remedies: str = ""  # 复议/诉讼 sentence; empty for letters that start no remedy period
    items: tuple[str, ...] = ()  # numbered list (e.g. every item to correct)
    date: dt.date = field(default_factory=dt.date.today)
    contact: str = ""  # office address / phone line under the signature


def _font(run: Run, name: str, size: Pt, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = size
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def _paragraph(
    doc, text: str, *, indent: bool = True, align=None, font: str = BODY_FONT, size: Pt = BODY_SIZE, bold: bool = False
):  # type: ignore[no-untyped-def]
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    if indent:
        fmt.first_line_indent = Pt(size.pt * 2)
    if align is not None:
        p.alignment = align
    _font(p.add_run(text), font, size, bold)
    return p


def cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def render_letter(content: LetterContent) -> bytes:
    """The letter as DOCX bytes."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)

    normal = doc.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = BODY_SIZE
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)

    _paragraph(
        doc, content.agency_name, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, font=TITLE_FONT, size=TITLE_SIZE
    )
    _paragraph(doc, content.title, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, font=TITLE_FONT, size=TITLE_SIZE)
    _paragraph(doc, "", indent=False)
    if content.doc_number:
        _paragraph(doc, content.doc_number, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
        _paragraph(doc, "", indent=False)
    _paragraph(doc, f"{content.addressee}：", indent=False)
    for text in content.paragraphs:
        _paragraph(doc, text)
    for number, item in enumerate(content.items, start=1):
        _paragraph(doc, f"{number}. {item}")
    if content.basis:
        _paragraph(doc, content.basis)
    if content.remedies:
        _paragraph(doc, content.remedies)
    _paragraph(doc, "", indent=False)
    _paragraph(doc, "", indent=False)
    _paragraph(doc, content.agency_name, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _paragraph(doc, cn_date(content.date), indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    if content.contact:
        _paragraph(doc, "", indent=False)
        _paragraph(doc, content.contact, indent=False, size=Pt(14))

    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
