"""The public portal: no login, only published items, Chinese search, guide, attachments, accessibility."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.files.base import ContentFile

from web.catalogue.models import Attachment, Item, Status

pytestmark = pytest.mark.django_db
TODAY = dt.date(2025, 10, 9)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"


def item(agency, author, title, **extra):  # type: ignore[no-untyped-def]
    fields = {
        "category": "a11",
        "issuer": agency.name,
        "formed_on": TODAY,
        "status": Status.PUBLISHED,
        "published_on": TODAY,
    }
    fields.update(extra)
    return Item.objects.create(agency=agency, author=author, title=title, **fields)


@pytest.fixture
def items(agency_a, owner):  # type: ignore[no-untyped-def]
    policy = item(
        agency_a,
        owner,
        "清河区最低生活保障实施办法",
        body="保障标准为每人每月 900 元。",
        is_policy=True,
        doc_no="清政规〔2025〕1号",
    )
    item(agency_a, owner, "《清河区最低生活保障实施办法》政策解读", interprets=policy)
    draft = item(agency_a, owner, "最低生活保障名单（未审查）", status=Status.REVIEW, published_on=None)
    return policy, draft


def test_agency_page_catalogue_and_search(client, items, agency_a) -> None:  # type: ignore[no-untyped-def]
    policy, draft = items
    home = client.get(f"/gk/{agency_a.pk}/").content.decode()
    assert policy.title in home and draft.title not in home
    assert "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况" in home
    found = client.get(f"/gk/{agency_a.pk}/xxgk/", {"q": "最低生活保障"}).content.decode()
    assert "共找到 2 条" in found and draft.title not in found
    assert "共找到 1 条" in client.get(f"/gk/{agency_a.pk}/xxgk/", {"q": "900 元"}).content.decode()
    assert "共找到 1 条" in client.get(f"/gk/{agency_a.pk}/xxgk/", {"q": "清政规〔2025〕1号"}).content.decode()
    assert "共找到 0 条" in client.get(f"/gk/{agency_a.pk}/xxgk/", {"category": "a07"}).content.decode()


def test_item_page_links_policy_and_interpretation_and_hides_drafts(client, items, agency_a, agency_b) -> None:  # type: ignore[no-untyped-def]
    policy, draft = items
    page = client.get(f"/gk/{agency_a.pk}/xxgk/{policy.pk}/").content.decode()
    assert "政策解读" in page and "清政规〔2025〕1号" in page and "索引号" in page
    assert client.get(f"/gk/{agency_a.pk}/xxgk/{draft.pk}/").status_code == 404
    assert client.get(f"/gk/{agency_b.pk}/xxgk/{policy.pk}/").status_code == 404  # wrong agency in the path
    assert client.post(f"/gk/{agency_a.pk}/xxgk/{policy.pk}/").status_code == 405


def test_attachments_only_of_published_items(client, items, agency_a) -> None:  # type: ignore[no-untyped-def]
    policy, draft = items
    public = Attachment(item=policy, name="实施办法.pdf")
    public.file.save("a.pdf", ContentFile(b"%PDF-1.4 public"))
    hidden = Attachment(item=draft, name="名单.xlsx")
    hidden.file.save("b.xlsx", ContentFile(b"secret"))
    response = client.get(f"/gk/{agency_a.pk}/fj/{public.pk}/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 public"
    assert client.get(f"/gk/{agency_a.pk}/fj/{hidden.pk}/").status_code == 404
    assert "实施办法.pdf" in client.get(f"/gk/{agency_a.pk}/xxgk/{policy.pk}/").content.decode()


def test_guide_is_generated_from_agency_settings(client, agency_a) -> None:  # type: ignore[no-untyped-def]
    agency_a.office_name = "测试区教育局办公室"
    agency_a.office_phone = "0517-12345678"
    agency_a.office_address = "测试区学府路 8 号"
    agency_a.save()
    page = client.get(f"/gk/{agency_a.pk}/guide/").content.decode()
    assert "测试区教育局办公室" in page and "0517-12345678" in page and "测试区学府路 8 号" in page
    assert "20 个工作日" in page and "第二十条第（十五）项" in page
    assert "电子邮箱：（本机关尚未设置" in page
    assert "/apply/?agency=" in page and "/apply/status/" in page  # the application form and status lookup
    assert "测试区人民政府" in page  # the supervising government


def test_reports_column_and_index(client, agency_a, owner) -> None:  # type: ignore[no-untyped-def]
    from web.catalogue.models import Column, ColumnType

    column = Column.objects.create(agency=agency_a, name="年报", column_type=ColumnType.REPORT)
    item(agency_a, owner, "测试区教育局2024年政府信息公开工作年度报告", column=column, category="a15")
    assert "2024年政府信息公开工作年度报告" in client.get(f"/gk/{agency_a.pk}/reports/").content.decode()
    assert f'href="/gk/{agency_a.pk}/"' in client.get("/").content.decode()


def test_every_form_field_has_a_label(client, items, agency_a) -> None:  # type: ignore[no-untyped-def]
    for url in (f"/gk/{agency_a.pk}/", f"/gk/{agency_a.pk}/xxgk/", f"/gk/{agency_a.pk}/guide/"):
        html = client.get(url).content.decode()
        ids = re.findall(r'<(?:input|select|textarea)[^>]*\bid="([^"]+)"', html)
        assert ids, url
        for field_id in ids:
            assert f'for="{field_id}"' in html, (url, field_id)
        assert 'lang="zh-CN"' in html and 'class="skip-link"' in html
