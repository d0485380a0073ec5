"""Catalogue pages: the permission matrix (200/403/404/405) with the personas, and the side effects."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from web.catalogue.models import Column, ColumnType, Item, Reminder, Status
from web.catalogue.tests.conftest import make_item
from web.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(agency_a, owner):  # type: ignore[no-untyped-def]
    return make_item(agency_a, owner)


def test_pages_by_persona(item, owner, colleague, approver, outsider, supervisor, client) -> None:  # type: ignore[no-untyped-def]
    url = f"/work/catalogue/items/{item.pk}/"
    assert client.get(url).status_code == 302  # login required
    assert client_for(owner).get(url).status_code == 200
    assert client_for(colleague).get(url).status_code == 200
    assert client_for(supervisor).get(url).status_code == 200
    assert client_for(outsider).get(url).status_code == 404
    for page in (
        "/work/catalogue/",
        "/work/catalogue/items/",
        "/work/catalogue/columns/",
        "/work/catalogue/items/new/",
    ):
        assert client_for(owner).get(page).status_code == 200, page
    assert client_for(supervisor).get("/work/catalogue/items/new/").status_code == 403
    assert client_for(outsider).get(f"/work/catalogue/items/{item.pk}/edit/").status_code == 404
    assert client_for(supervisor).get(f"/work/catalogue/items/{item.pk}/edit/").status_code == 403
    assert client_for(owner).get(f"/work/catalogue/items/{item.pk}/submit/").status_code == 405
    assert client_for(owner).get(f"/work/catalogue/?agency={outsider.memberships.get().agency_id}").status_code == 404


def test_workflow_through_the_views(item, owner, colleague, approver, outsider, supervisor) -> None:  # type: ignore[no-untyped-def]
    base = f"/work/catalogue/items/{item.pk}"
    assert client_for(outsider).post(f"{base}/submit/").status_code == 404
    assert client_for(supervisor).post(f"{base}/submit/").status_code == 403
    assert client_for(owner).post(f"{base}/submit/").status_code == 302
    assert client_for(owner).post(f"{base}/review/", {"decision": "pass"}).status_code == 403  # own item
    assert client_for(colleague).post(f"{base}/approve/", {"decision": "pass"}).status_code == 403  # not approver
    assert client_for(colleague).post(f"{base}/review/", {"decision": "pass"}).status_code == 302
    assert client_for(owner).get(f"{base}/edit/").status_code == 403  # no longer a draft
    assert client_for(approver).post(f"{base}/approve/", {"decision": "pass"}).status_code == 302
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
    page = client_for(owner).get(f"{base}/").content.decode()
    assert "保密审查通过" in page and "审批通过并发布" in page  # the history is on the item page


def test_review_rejection_reason_shown_to_author(item, owner, colleague) -> None:  # type: ignore[no-untyped-def]
    client_for(owner).post(f"/work/catalogue/items/{item.pk}/submit/")
    client_for(colleague).post(f"/work/catalogue/items/{item.pk}/review/", {"decision": "reject", "reason": ""})
    item.refresh_from_db()
    assert item.status == Status.REVIEW  # no reason, no rejection
    client_for(colleague).post(
        f"/work/catalogue/items/{item.pk}/review/", {"decision": "reject", "reason": "附件含未脱敏名单"}
    )
    item.refresh_from_db()
    assert item.status == Status.DRAFT
    assert "附件含未脱敏名单" in client_for(owner).get(f"/work/catalogue/items/{item.pk}/").content.decode()


def test_create_with_attachment_and_column_of_another_agency(agency_a, agency_b, owner) -> None:  # type: ignore[no-untyped-def]
    foreign = Column.objects.create(agency=agency_b, name="外单位栏目", column_type=ColumnType.NOTICE)
    data = {
        "agency": agency_a.pk,
        "title": "清河区2025年防汛应急预案",
        "category": "a12",
        "issuer": agency_a.name,
        "formed_on": "2025-06-03",
        "body": "正文",
    }
    response = client_for(owner).post("/work/catalogue/items/new/", {**data, "column": foreign.pk})
    assert response.status_code == 200 and not Item.objects.exists()
    upload = SimpleUploadedFile("预案.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    response = client_for(owner).post("/work/catalogue/items/new/", {**data, "attachment": upload})
    assert response.status_code == 302
    item = Item.objects.get()
    assert item.author == owner and item.status == Status.DRAFT
    attachment = item.attachments.get()
    download = client_for(owner).get(f"/work/catalogue/attachments/{attachment.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF-1.4 test"


def test_exports(item, owner) -> None:  # type: ignore[no-untyped-def]
    csv = client_for(owner).get("/work/catalogue/items/?export=csv")
    assert csv.status_code == 200 and "关于做好防汛工作的通知" in csv.content.decode("utf-8-sig")
    xlsx = client_for(owner).get("/work/catalogue/items/?export=xlsx")
    assert xlsx.content[:2] == b"PK"


def test_reminder_goes_to_the_column_owner(agency_a, owner, colleague, outsider, supervisor) -> None:  # type: ignore[no-untyped-def]
    column = Column.objects.create(agency=agency_a, name="工作动态", column_type=ColumnType.DYNAMIC, owner=owner)
    make_item(agency_a, owner, column=column, status=Status.PUBLISHED, published_on=dt.date(2020, 1, 2))
    assert client_for(outsider).post(f"/work/catalogue/columns/{column.pk}/remind/").status_code == 404
    assert client_for(colleague).get(f"/work/catalogue/columns/{column.pk}/remind/").status_code == 405
    assert client_for(supervisor).post(f"/work/catalogue/columns/{column.pk}/remind/").status_code == 302
    reminder = Reminder.objects.get()
    assert reminder.recipient == owner and "超期未更新" in reminder.message and "2020-01-02" in reminder.message
    dashboard = client_for(owner).get("/work/catalogue/").content.decode()
    assert "给我的栏目更新提醒" in dashboard and "工作动态" in dashboard
    assert client_for(colleague).post(f"/work/catalogue/reminders/{reminder.pk}/done/").status_code == 404
    client_for(owner).post(f"/work/catalogue/reminders/{reminder.pk}/done/")
    reminder.refresh_from_db()
    assert reminder.done_at is not None


def test_column_management_permissions(agency_a, owner, outsider, supervisor) -> None:  # type: ignore[no-untyped-def]
    response = client_for(owner).post(
        "/work/catalogue/columns/new/",
        {"agency": agency_a.pk, "name": "政策解读", "column_type": "policy", "top_level": "on", "position": 1},
    )
    assert response.status_code == 302
    column = Column.objects.get(name="政策解读")
    assert client_for(outsider).get(f"/work/catalogue/columns/{column.pk}/edit/").status_code == 404
    assert client_for(supervisor).get(f"/work/catalogue/columns/{column.pk}/edit/").status_code == 403
    assert client_for(supervisor).get("/work/catalogue/columns/new/").status_code == 403


def test_supervisor_overview_and_no_work_queues(item, owner, supervisor, agency_a, column) -> None:  # type: ignore[no-untyped-def]
    item.submit(owner)
    page = client_for(supervisor).get(f"/work/catalogue/?agency={agency_a.pk}").content.decode()
    assert "所辖机关栏目更新概况" in page and agency_a.name in page
    assert "起草新信息" not in page and item.title not in page  # a supervisor does not review
    page = client_for(owner).get("/work/catalogue/").content.decode()
    assert "所辖机关栏目更新概况" not in page and "起草新信息" in page


def test_daily_reminders_once_per_open_problem(agency_a, owner, colleague) -> None:  # type: ignore[no-untyped-def]
    from django.core.management import call_command

    today = dt.date(2025, 6, 30)
    stale = Column.objects.create(agency=agency_a, name="工作动态", column_type=ColumnType.DYNAMIC, owner=owner)
    make_item(agency_a, owner, column=stale, status=Status.PUBLISHED, published_on=dt.date(2025, 6, 1))
    fine = Column.objects.create(agency=agency_a, name="通知公告", column_type=ColumnType.NOTICE, owner=colleague)
    make_item(agency_a, owner, column=fine, status=Status.PUBLISHED, published_on=dt.date(2025, 6, 20))
    soon = Column.objects.create(agency=agency_a, name="要闻", column_type=ColumnType.DYNAMIC, owner=colleague)
    make_item(agency_a, owner, column=soon, status=Status.PUBLISHED, published_on=dt.date(2025, 6, 18))
    Column.objects.create(agency=agency_a, name="空栏目", column_type=ColumnType.NOTICE)  # no owner: nobody to remind
    call_command("remind_columns", "--today", "2025-06-30", verbosity=0)
    sent = {r.column.name: r.message for r in Reminder.objects.select_related("column")}
    assert sent == {
        "工作动态": "栏目「工作动态」超期未更新，最近一次更新为 2025-06-01，请及时更新。",
        "要闻": "栏目「要闻」即将超期，最近一次更新为 2025-06-18，请在 2025-07-02 前更新。",
    }
    from web.catalogue.reminders import remind_all

    assert remind_all(today) == 0  # open reminders are not repeated
    Reminder.objects.filter(column=stale).update(done_at=dt.datetime(2025, 6, 30, tzinfo=dt.UTC))
    assert remind_all(today) == 1  # still overdue after being marked done: reminded again
