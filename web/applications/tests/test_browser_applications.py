# ruff: noqa: F811  (pytest fixtures imported from ui_helpers are redefined as test arguments)
"""In Chromium: a public application end to end, a handler asking for 补正 and later deciding, and the
overdue dashboard. Screenshots go to screenshot_dir() for a person to look at."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from web.applications import domain
from web.applications.models import Application
from web.applications.tests.ui_helpers import _media, calendar_years, register_case  # noqa: F401
from web.calendar.adapter import build_calendar
from web.conftest import login, screenshot_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def last_workday_before(day: dt.date) -> dt.date:
    cal = build_calendar()
    day -= dt.timedelta(days=1)
    while not cal.is_workday(day):
        day -= dt.timedelta(days=1)
    return day


def test_public_application_end_to_end(page: Any, calendar_years: Any, agency_a: Any) -> None:
    shots = screenshot_dir()
    page.goto(f"/apply/?agency={agency_a.pk}")
    page.get_by_label("申请人类型").select_option("natural_person")
    page.get_by_label("姓名或名称").fill("王五")
    page.get_by_label("公民身份号码").fill("11010519491231002X")
    page.get_by_label("联系电话").fill("13900139000")
    page.get_by_label("电子邮箱").fill("wang@example.cn")
    page.get_by_label("所需政府信息的名称或内容描述").fill("请公开2025年清河区义务教育阶段学校招生计划及划片范围")
    page.get_by_label("获取信息的载体形式").select_option("electronic")
    page.get_by_label("获取信息的方式").select_option("email")
    page.get_by_label("本人承诺所填信息真实", exact=False).check()
    page.screenshot(path=str(shots / "apply-form.png"), full_page=True)
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_url("**/apply/done/")
    tracking = page.get_by_test_id("tracking").inner_text().strip()
    code = page.get_by_test_id("code").inner_text().strip()
    page.screenshot(path=str(shots / "apply-done.png"), full_page=True)
    assert Application.objects.get().tracking_number == tracking and len(code) == 8

    page.get_by_role("link", name="查询办理进度").first.click()
    page.get_by_label("受理编号").fill(tracking)
    page.get_by_label("查询码").fill(code)
    page.get_by_role("button", name="查询").click()
    status = page.get_by_test_id("status")
    status.wait_for()
    text = status.inner_text()
    assert "办理中" in text and agency_a.name in text and "王五" not in text
    page.screenshot(path=str(shots / "apply-status.png"), full_page=True)


def test_handler_asks_for_correction_then_decides(page: Any, calendar_years: Any, agency_a: Any, owner: Any) -> None:
    shots = screenshot_dir()
    today = timezone.localdate()
    case = register_case(agency_a, last_workday_before(today), actor=owner, handler=owner)
    login(page, owner)
    page.goto(f"/work/cases/{case.pk}/")
    page.locator("#act-request_correction summary").click()
    form = page.locator("#act-request_correction form")
    form.get_by_label("需要补正的全部事项", exact=False).fill("请写明所需预算的年度\n请写明所需文件的文号或名称")
    form.get_by_label("补正期限（工作日）").fill("10")
    page.screenshot(path=str(shots / "case-correction-form.png"), full_page=True)
    form.get_by_role("button", name="发出补正通知").click()
    page.get_by_text("已登记补正通知").wait_for()
    assert page.locator("#act-decide").count() == 0  # no decision while waiting for the correction
    page.screenshot(path=str(shots / "case-awaiting-correction.png"), full_page=True)

    page.locator("#act-receive_correction summary").click()
    page.locator("#act-receive_correction form").get_by_role("button", name="登记收到补正").click()
    page.get_by_text("已登记收到补正").wait_for()

    page.locator("#act-decide summary").click()
    decide = page.locator("#act-decide form")
    decide.get_by_label("办理结果（只选一项）").select_option("granted")
    decide.get_by_label("文书编号").fill("测教公开〔2026〕12号")
    decide.get_by_role("button", name="作出答复").click()
    page.get_by_text("已作出答复").wait_for()
    assert page.get_by_role("link", name="政府信息公开申请答复书（DOCX）").is_visible()
    assert page.get_by_role("link", name="政府信息公开申请补正通知书（DOCX）").is_visible()
    page.screenshot(path=str(shots / "case-decided.png"), full_page=True)
    case.refresh_from_db()
    assert [e.kind for e in case.events_in_order()] == [
        "received",
        "correction_requested",
        "correction_received",
        "decided",
    ]


def test_overdue_dashboard(page: Any, calendar_years: Any, agency_a: Any, owner: Any) -> None:
    shots = screenshot_dir()
    today = timezone.localdate()
    overdue = register_case(agency_a, today - dt.timedelta(days=60), actor=owner, handler=owner)
    soon = register_case(
        agency_a, today - dt.timedelta(days=24), actor=owner, handler=owner, id_number="440300199003071234", name="李四"
    )
    waiting = register_case(agency_a, last_workday_before(today), actor=owner, handler=owner, name="赵六")
    domain.start_third_party_consultation(waiting, owner, today, party="江州某某建设有限公司")
    login(page, owner)
    page.goto("/work/cases/")
    overdue_section = page.locator("section", has=page.locator("#overdue-h"))
    assert overdue.tracking_number in overdue_section.inner_text()
    assert "超期" in overdue_section.inner_text()
    soon_row = page.get_by_role("link", name=soon.tracking_number)
    assert soon_row.count() >= 1
    page.screenshot(path=str(shots / "cases-dashboard.png"), full_page=True)
    page.get_by_role("link", name="全部申请").click()
    page.wait_for_url("**/work/cases/list/")
    page.wait_for_load_state("load")  # the "/" shortcut lives in the page script
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.name") == "q"
    page.keyboard.type(overdue.tracking_number)
    page.keyboard.press("Enter")
    page.wait_for_url("**q=*")
    assert page.locator("table.data tbody tr").count() == 1
    page.screenshot(path=str(shots / "cases-list.png"), full_page=True)


def test_staff_intake_shows_receipt_rules_and_hints(page: Any, calendar_years: Any, agency_a: Any, owner: Any) -> None:
    shots = screenshot_dir()
    earlier = last_workday_before(timezone.localdate())
    register_case(agency_a, earlier, description="请公开清河区2025年老旧小区改造项目清单")
    login(page, owner)
    page.goto("/work/cases/new/")
    page.get_by_label("提交方式").select_option("post_signed")
    assert "签收之日" in page.locator("[data-channel-rules]").inner_text()
    page.get_by_label("收到申请之日的认定日期").fill(earlier.isoformat())
    page.get_by_label("申请人类型").select_option("commercial")
    assert page.locator("label[for=id_id_number]").inner_text() == "统一社会信用代码"
    page.get_by_label("申请人类型").select_option("natural_person")
    page.get_by_label("姓名或名称").fill("张三")
    page.get_by_label("公民身份号码").fill("11010519491231002X")
    page.get_by_label("通信地址").fill("江州市清河区人民路1号")
    page.get_by_label("所需政府信息的名称或内容描述").fill("请公开清河区2025年老旧小区改造项目清单")
    page.screenshot(path=str(shots / "case-new.png"), full_page=True)
    page.get_by_role("button", name="登记申请").click()
    page.get_by_text("已登记申请").wait_for()
    assert "可能重复" in page.locator("#hints-h + ul").inner_text()
    page.screenshot(path=str(shots / "case-new-hints.png"), full_page=True)


def test_supervisor_view_and_reviews(
    page: Any, calendar_years: Any, agency_a: Any, owner: Any, supervisor: Any
) -> None:
    shots = screenshot_dir()
    case = register_case(agency_a, last_workday_before(timezone.localdate()), actor=owner, handler=owner)
    login(page, supervisor)
    page.goto(f"/work/cases/{case.pk}/")
    facts = page.locator("dl.facts").inner_text()
    assert "11010519491231002X" not in facts and "110*************2X" in facts
    assert page.locator(".action-forms form").count() == 0
    page.screenshot(path=str(shots / "case-supervisor.png"), full_page=True)
    page.goto("/work/cases/reviews/")
    page.screenshot(path=str(shots / "cases-reviews.png"), full_page=True)
