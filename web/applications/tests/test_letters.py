"""Letters read back with python-docx: the text, the cited article, the remedies and the fonts."""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.oxml.ns import qn

from web.applications.letters import LetterContent, render_letter


def east_asian_fonts(doc) -> set[str]:  # type: ignore[no-untyped-def]
    found = set()
    for p in doc.paragraphs:
        for r in p.runs:
            fonts = r._element.rPr.rFonts if r._element.rPr is not None else None
            if r.text.strip():
                assert fonts is not None and fonts.get(qn("w:eastAsia")), f"run without East-Asian font: {r.text!r}"
                found.add(fonts.get(qn("w:eastAsia")))
    return found


def test_layout_reads_back() -> None:
    content = LetterContent(
        title="政府信息公开申请补正通知书",
        agency_name="测试区教育局",
        doc_number="测教公开〔2025〕第3号",
        addressee="张三",
        paragraphs=("本机关于2025年3月3日收到您的政府信息公开申请。",),
        items=("请明确所需信息的时间范围。", "请说明所需信息的文号或名称。"),
        basis="根据《中华人民共和国政府信息公开条例》第三十条的规定，请您补正。",
        date=dt.date(2025, 3, 5),
    )
    doc = Document(io.BytesIO(render_letter(content)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "测试区教育局" in text and "补正通知书" in text
    assert "张三：" in text
    assert "1. 请明确所需信息的时间范围。" in text and "2. 请说明" in text
    assert "第三十条" in text
    assert "2025年3月5日" in text
    assert east_asian_fonts(doc) == {"黑体", "仿宋"}
    title = next(p for p in doc.paragraphs if p.text == content.title)
    assert title.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
