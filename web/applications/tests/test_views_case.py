# ruff: noqa: F811  (pytest fixtures imported from ui_helpers are redefined as test arguments)
"""The case pages end to end through the test client: intake with hints, the deadline reasoning, actions
valid per state, the conflict message, masking for supervisors, letters and exports read back."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import openpyxl
import pytest
from django.urls import reverse
from docx import Document

from web.accounts.models import ChangeLog
from web.applications import domain
from web.applications.models import Application
from web.applications.tests.ui_helpers import (  # noqa: F401
    ORG_CODE,
    PERSON_ID,
    _media,
    calendar_years,
    register_case,
)
from web.conftest import client_for

pytestmark = pytest.mark.django_db
RECEIVED = dt.date(2025, 3, 3)  # a Monday; 20 working days later is 2025-03-31


def post_action(client: Any, case: Application, name: str, **fields: Any) -> Any:
    data = {f"{name}-version": case.version, f"{name}-date": fields.pop("date", "2025-03-04")}
    data |= {f"{name}-{k}": v for k, v in fields.items()}
    return client.post(reverse("applications:act", args=[case.pk, name]), data, follow=True)


def test_intake_registers_and_shows_hints(calendar_years, agency_a, owner) -> None:
    register_case(agency_a, dt.date(2025, 2, 10), description="请公开2025年度本局部门预算及三公经费预算")
    client = client_for(owner)
    response = client.post(
        reverse("applications:new"),
        {
            "agency": agency_a.pk,
            "channel": "post_signed",
            "received_on": "2025-03-03",
            "applicant_type": "natural_person",
            "applicant_name": "张三",
            "id_number": PERSON_ID,
            "phone": "13800138000",
            "address": "江州市人民路1号",
            "description": "请公开2025年度本局部门预算及三公经费预算",
            "delivery_form": "paper",
            "delivery_channel": "post",
        },
        follow=True,
    )
    assert response.status_code == 200
    case = Application.objects.latest("pk")
    assert case.signed_on == RECEIVED and case.received_on == RECEIVED and case.handler == owner
    text = response.content.decode()
    assert "已登记申请" in text and case.tracking_number in text
    assert "可能重复" in text and "本月申请量" in text
    assert "收到申请 2025-03-03" in text and "第 20 个工作日 → 2025-03-31" in text
    assert ChangeLog.objects.filter(object_id=str(case.pk), action="received").exists()


def test_intake_validation_messages(calendar_years, agency_a, owner) -> None:
    client = client_for(owner)
    response = client.post(
        reverse("applications:new"),
        {"agency": agency_a.pk, "channel": "in_person", "applicant_type": "commercial", "id_number": PERSON_ID},
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "统一社会信用代码校验位不正确" in text
    assert text.count("这个字段是必填项") >= 3  # name, description, date
    assert Application.objects.count() == 0


def test_reasoning_with_third_party_pause(calendar_years, agency_a, owner) -> None:
    case = register_case(agency_a, RECEIVED)
    domain.start_third_party_consultation(case, owner, dt.date(2025, 3, 10), party="某公司")
    domain.end_third_party_consultation(case, owner, dt.date(2025, 3, 17))
    text = client_for(owner).get(reverse("applications:detail", args=[case.pk])).content.decode()
    # 2025-03-11..17 are 5 working days paused: 2025-03-31 → 2025-04-08 (after the Qingming rest day 04-04)
    assert "第三方征询 2025-03-10 至 2025-03-17 暂停 5 个工作日" in text
    assert "答复期限：2025-04-08" in text


def test_only_valid_actions_are_offered(calendar_years, agency_a, owner, approver) -> None:
    case = register_case(agency_a, RECEIVED)
    page = client_for(owner).get(reverse("applications:detail", args=[case.pk])).content.decode()
    assert 'id="act-request_correction"' in page and 'id="act-decide"' in page
    assert 'id="act-receive_correction"' not in page and 'id="act-close"' not in page
    assert 'id="act-extend"' not in page  # staff: the extension belongs to the approver
    assert 'id="act-extend-note"' in page and "负责人登录后批准" in page
    assert (
        'id="act-extend"' in client_for(approver).get(reverse("applications:detail", args=[case.pk])).content.decode()
    )
    domain.request_correction(case, owner, ["写明年度"], dt.date(2025, 3, 4))
    page = client_for(owner).get(reverse("applications:detail", args=[case.pk])).content.decode()
    assert 'id="act-receive_correction"' in page and 'id="act-decide"' not in page


def test_correction_then_decision_then_letters(calendar_years, agency_a, owner) -> None:
    case = register_case(agency_a, RECEIVED)
    client = client_for(owner)
    r = post_action(client, case, "request_correction", items="写明预算年度\n写明文号", period_days=10)
    assert "已登记补正通知" in r.content.decode()
    case.refresh_from_db()
    r = post_action(client, case, "receive_correction", date="2025-03-10")
    assert "重新计算" in r.content.decode()
    case.refresh_from_db()
    assert "自 2025-03-10 次日起第 20 个工作日" in r.content.decode()
    r = post_action(client, case, "decide", date="2025-03-20", outcome="partial", document_ref="测教公开〔2025〕3号")
    assert "已作出答复" in r.content.decode()
    case.refresh_from_db()
    assert case.state == "decided"
    assert case.events_in_order()[-1].basis == "《政府信息公开条例》第三十七条"
    for kind, article in (("reply", "第三十七条"), ("correction", "第三十条")):
        response = client.get(reverse("applications:letter", args=[case.pk, kind]))
        assert response.status_code == 200
        doc = Document(io.BytesIO(response.content))
        text = "\n".join(p.text for p in doc.paragraphs)
        assert article in text and "六十日内" in text and "六个月内" in text
        assert case.tracking_number in text
    correction = Document(io.BytesIO(client.get(reverse("applications:letter", args=[case.pk, "correction"])).content))
    body = "\n".join(p.text for p in correction.paragraphs)
    assert "1. 写明预算年度" in body and "2. 写明文号" in body and "10个工作日内补正" in body


def test_invalid_action_form_returns_400_with_message(calendar_years, agency_a, owner) -> None:
    case = register_case(agency_a, RECEIVED)
    response = client_for(owner).post(
        reverse("applications:act", args=[case.pk, "decide"]),
        {"decide-version": case.version, "decide-date": "2025-03-04", "decide-outcome": ""},
    )
    assert response.status_code == 400
    assert "未办理" in response.content.decode()
    too_late = client_for(owner).post(
        reverse("applications:act", args=[case.pk, "request_correction"]),
        {
            "request_correction-version": case.version,
            "request_correction-date": "2025-03-20",
            "request_correction-items": "写明年度",
            "request_correction-period_days": "10",
        },
    )
    assert too_late.status_code == 400 and "7 个工作日内" in too_late.content.decode()
    case.refresh_from_db()
    assert case.state == "in_progress"


def test_concurrent_decisions_conflict_message(calendar_years, agency_a, owner, colleague) -> None:
    case = register_case(agency_a, RECEIVED)
    seen_version = case.version
    first = client_for(owner).post(
        reverse("applications:act", args=[case.pk, "decide"]),
        {"decide-version": seen_version, "decide-date": "2025-03-05", "decide-outcome": "granted"},
    )
    assert first.status_code == 302
    second = client_for(colleague).post(
        reverse("applications:act", args=[case.pk, "decide"]),
        {"decide-version": seen_version, "decide-date": "2025-03-05", "decide-outcome": "unable_1"},
        follow=True,
    )
    assert "该申请已被他人处理" in second.content.decode()
    case.refresh_from_db()
    assert [e.outcome for e in case.events_in_order() if e.kind == "decided"] == ["granted"]


def test_supervisor_sees_masked_details(calendar_years, agency_a, supervisor, owner) -> None:
    case = register_case(agency_a, RECEIVED)
    page = client_for(supervisor).get(reverse("applications:detail", args=[case.pk])).content.decode()
    assert PERSON_ID not in page and "13800138000" not in page and "zhang@example.cn" not in page
    assert "110*************2X" in page and "张*" in page and "已隐去" in page
    own = client_for(owner).get(reverse("applications:detail", args=[case.pk])).content.decode()
    assert PERSON_ID in own and "13800138000" in own


def test_list_filters_and_exports(calendar_years, agency_a, agency_b, owner, outsider) -> None:
    old = register_case(agency_a, dt.date(2024, 5, 6), description="请公开2024年征地补偿标准")
    register_case(agency_a, RECEIVED, id_number=ORG_CODE, applicant_type="commercial", name="某某科技有限公司")
    register_case(agency_b, RECEIVED, description="财政局的申请")
    client = client_for(owner)
    page = client.get(reverse("applications:list")).content.decode()
    assert "财政局的申请" not in page and "征地补偿" in page and PERSON_ID not in page
    only_2024 = client.get(reverse("applications:list"), {"year": 2024}).content.decode()
    assert old.tracking_number in only_2024 and "某某科技" not in only_2024
    overdue = client.get(reverse("applications:list"), {"due": "overdue"}).content.decode()
    assert old.tracking_number in overdue
    search = client.get(reverse("applications:list"), {"q": "征地"}).content.decode()
    assert "共 <strong>1</strong> 件" in search

    data = client.get(reverse("applications:export", args=["csv"]), {"applicant_type": "natural_person"}).content
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][0] == "受理编号" and len(rows) == 2
    assert rows[1][4] == "110*************2X" and PERSON_ID not in data.decode("utf-8-sig")
    book = openpyxl.load_workbook(io.BytesIO(client.get(reverse("applications:export", args=["xlsx"])).content))
    values = [[c.value for c in row] for row in book.active.iter_rows()]
    assert len(values) == 3 and all(PERSON_ID not in str(v) for row in values for v in row)
    assert {values[1][2], values[2][2]} == {"自然人", "商业企业"}


def test_dashboard_overdue_and_counts(calendar_years, agency_a, owner) -> None:
    old = register_case(agency_a, dt.date(2025, 1, 6))
    page = client_for(owner).get(reverse("applications:dashboard")).content.decode()
    assert old.tracking_number in page and "超期" in page
    assert "办理中" in page


def test_review_records_create_and_edit(agency_a, owner, supervisor) -> None:
    client = client_for(owner)
    r = client.post(
        reverse("applications:review_new"),
        {
            "agency": agency_a.pk,
            "route": "review",
            "agency_role": "original",
            "filed_on": "2025-05-06",
            "result": "pending",
        },
        follow=True,
    )
    assert "已保存" in r.content.decode()
    from web.applications.models import ReviewCase

    record = ReviewCase.objects.get()
    bad = client.post(
        reverse("applications:review_edit", args=[record.pk]),
        {
            "agency": agency_a.pk,
            "route": "review",
            "agency_role": "original",
            "filed_on": "2025-05-06",
            "result": "upheld",
        },
    )
    assert bad.status_code == 200 and "已审结的案件须填写审结日期" in bad.content.decode()
    ok = client.post(
        reverse("applications:review_edit", args=[record.pk]),
        {
            "agency": agency_a.pk,
            "route": "review",
            "agency_role": "original",
            "filed_on": "2025-05-06",
            "concluded_on": "2025-07-01",
            "result": "upheld",
        },
    )
    assert ok.status_code == 302
    record.refresh_from_db()
    assert record.result == "upheld"
    assert "结果维持" in client_for(supervisor).get(reverse("applications:reviews")).content.decode()
    exported = client_for(supervisor).get(reverse("applications:reviews_export", args=["csv"]), {"result": "upheld"})
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert rows[0][0] == "机关" and rows[1][:2] == [agency_a.name, "行政复议"] and rows[1][-1] == "结果维持"


def test_catalogue_item_hint_links_to_the_portal(calendar_years, agency_a, owner) -> None:
    from web.catalogue.models import Item, Status

    item = Item.objects.create(
        agency=agency_a,
        category=Item._meta.get_field("category").choices[0][0],
        title="测试区教育局2025年部门预算公开",
        doc_no="",
        issuer=agency_a.name,
        formed_on=dt.date(2025, 2, 1),
        published_on=dt.date(2025, 2, 10),
        status=Status.PUBLISHED,
        author=owner,
    )
    case = register_case(agency_a, RECEIVED, description="请公开测试区教育局2025年部门预算")
    page = client_for(owner).get(reverse("applications:detail", args=[case.pk])).content.decode()
    assert "已主动公开" in page and item.title in page
    assert reverse("portal:item", args=[agency_a.pk, item.pk]) in page
