# ruff: noqa: F811  (pytest fixtures imported from ui_helpers are redefined as test arguments)
"""Letters read back with python-docx: the text, the cited article, the remedies and the fonts."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from docx import Document
from docx.oxml.ns import qn

from web.applications import domain
from web.applications.letters import LetterContent, render_letter
from web.applications.tests.ui_helpers import PERSON_ID, _media, calendar_years, register_case  # noqa: F401
from web.conftest import client_for


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


# --- every letter a case can produce, through the download view ---------------------------------------

REMEDY_PHRASES = ("六十日内", "行政复议", "六个月内", "行政诉讼")


def download(client, case, kind):  # type: ignore[no-untyped-def]
    response = client.get(reverse("applications:letter", args=[case.pk, kind]))
    assert response.status_code == 200, kind
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    doc = Document(io.BytesIO(response.content))
    return doc, "\n".join(p.text for p in doc.paragraphs)


@pytest.mark.django_db
def test_every_letter_kind(calendar_years, agency_a, owner, approver) -> None:
    received = dt.date(2025, 3, 3)
    case = register_case(agency_a, received)
    domain.start_third_party_consultation(case, owner, dt.date(2025, 3, 4), party="江州某某建设有限公司")
    domain.end_third_party_consultation(case, owner, dt.date(2025, 3, 11))
    domain.approve_extension(case, approver, approver, 10, dt.date(2025, 3, 12))
    domain.notify_fee(case, owner, "per_page", dt.date(2025, 3, 13), quantity=150)
    domain.record_fee_paid(case, owner, dt.date(2025, 3, 14))
    domain.decide(case, owner, "refused_4", "", dt.date(2025, 3, 20))
    client = client_for(owner)
    expected = {
        "reply": ("答复书", "第十五条", True),
        "extension": ("延期答复告知书", "第三十三条第二款", True),
        "third_party": ("第三方意见征询函", "第三十二条", False),
        "fee": ("收费通知", "国办函〔2020〕109号", True),
    }
    for kind, (title, article, remedies) in expected.items():
        doc, text = download(client, case, kind)
        assert title in text and article in text, kind
        assert all(p in text for p in REMEDY_PHRASES) == remedies, kind
        assert east_asian_fonts(doc) <= {"黑体", "仿宋"} and "仿宋" in east_asian_fonts(doc)
    _, fee = download(client, case, "fee")
    assert "1700" in fee and "按量计收" in fee and "150页" in fee
    _, extension = download(client, case, "extension")
    assert "延长10个工作日" in extension
    _, third = download(client, case, "third_party")
    assert "江州某某建设有限公司：" in third
    assert "张三" not in third and PERSON_ID not in third  # the applicant stays anonymous to the third party
    # a letter the case has no event for is not offered
    assert client.get(reverse("applications:letter", args=[case.pk, "correction"])).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("outcome", "article"),
    [
        ("granted", "第三十六条第（二）项"),
        ("unable_1", "第三十六条第（四）项"),
        ("not_processed_2", "第三十六条第（六）项"),
        ("refused_6", "第十六条第二款"),
    ],
)
def test_reply_cites_the_outcome_article(calendar_years, agency_a, owner, outcome, article) -> None:
    case = register_case(agency_a, dt.date(2025, 3, 3))
    domain.decide(case, owner, outcome, "", dt.date(2025, 3, 10))
    _, text = download(client_for(owner), case, "reply")
    assert article in text and all(p in text for p in REMEDY_PHRASES)
    assert "特此答复" in text and "2025年3月10日" in text
