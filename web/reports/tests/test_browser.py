"""The newcomer's path in Chromium: compile the district's 2025 report, fix a flagged cell, approve and
publish it, download DOCX and PDF, then the supervisor's board and roll-up. Screenshots go to build/."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from web.accounts.demo import DEMO_GOVERNMENT, DEMO_PASSWORD
from web.conftest import login, screenshot_dir
from web.reports.models import AnnualReport, ReportState
from web.reports.narrative import PLACEHOLDER

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _as(page, username: str) -> None:  # type: ignore[no-untyped-def]
    page.context.clear_cookies()
    login(page, get_user_model().objects.get(username=username), DEMO_PASSWORD)


def test_compile_fix_approve_publish_download_and_supervise(page) -> None:  # type: ignore[no-untyped-def]
    call_command("load_demo", today=dt.date(2026, 1, 20), stdout=open("/dev/null", "w"))  # noqa: SIM115
    shots = screenshot_dir()
    _as(page, "banli")
    page.goto("/work/reports/?year=2025")
    page.screenshot(path=shots / "reports-index.png", full_page=True)
    page.get_by_role("button", name="由业务记录生成 2025 年度报告").click()
    page.wait_for_url("**/work/reports/*/")
    row = AnnualReport.objects.get(agency__name=DEMO_GOVERNMENT, year=2025)
    assert page.get_by_text("已由业务记录生成").is_visible()
    page.screenshot(path=shots / "reports-detail-draft.png", full_page=True)

    # Break one cell on purpose, see the rules flag it, then restore it.
    page.locator("#id_ref").select_option("table2.total.total")
    page.locator("#id_value").fill("1")
    page.locator("#id_reason").fill("核对窗口登记簿")
    page.get_by_role("button", name="保存修改").click()
    assert page.locator("td.flagged.overridden").count() >= 1
    page.screenshot(path=shots / "reports-detail-flagged.png", full_page=True)
    page.get_by_role("button", name="恢复计算值").click()

    # The prefilled 「（请填写……）」 are errors (TEXT-01) until a person writes them.
    assert page.locator("table.findings", has_text="TEXT-01").count() == 1
    for area in page.locator("#text-form textarea").all():
        area.fill(PLACEHOLDER.sub("本年度已按要求落实，详见门户网站相关栏目。", area.input_value()))
    page.get_by_role("button", name="保存正文并重新校验").click()
    assert page.get_by_text("正文已保存，已重新校验。").is_visible()
    assert page.locator("table.findings", has_text="TEXT-01").count() == 0
    page.get_by_role("button", name="提交审核").click()
    assert page.locator("#state").inner_text() == "待审核"

    _as(page, "shenpi")
    page.goto(f"/work/reports/{row.pk}/")
    page.get_by_role("button", name="审批通过").click()
    page.get_by_role("button", name="在门户网站公开").click()
    assert page.locator("#state").inner_text() == "已公开"
    with page.expect_download() as docx:
        page.get_by_role("link", name="下载 DOCX").click()
    assert docx.value.suggested_filename.endswith(".docx")
    pdf = page.request.get(f"/work/reports/{row.pk}/download/pdf/")
    assert pdf.ok and pdf.body().startswith(b"%PDF")
    (shots / "reports-published.pdf").write_bytes(pdf.body())
    page.goto(f"/work/reports/gk/{row.pk}/")
    page.screenshot(path=shots / "reports-public.png", full_page=True)
    row.refresh_from_db()
    assert row.state == ReportState.PUBLISHED

    _as(page, "jiandu")
    page.goto("/work/reports/board/?year=2025")
    assert page.locator("table.board tbody tr").count() == 11
    page.screenshot(path=shots / "reports-board.png", full_page=True)
    page.get_by_role("link", name=f"{DEMO_GOVERNMENT} 2025 年度汇总（表二、表三）").click()
    page.wait_for_url("**/rollup/**")
    page.screenshot(path=shots / "reports-rollup.png", full_page=True)
