"""The publishing workflow in Chromium: the author drafts with an attachment and submits, a colleague
rejects with a reason then passes the confidentiality review, the approver publishes, and the public
sees the item on the portal. Screenshots go to build/screenshots/ for a person to look at."""

from __future__ import annotations

from typing import Any

import pytest

from web.catalogue.models import Item, Status
from web.conftest import login, screenshot_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def shot(page: Any, name: str) -> None:
    page.screenshot(path=str(screenshot_dir() / f"catalogue-{name}.png"), full_page=True)


@pytest.fixture
def as_user(browser, live_server):  # type: ignore[no-untyped-def]
    """Open a page in a fresh browser context, logged in as `user` (None: the public); all closed at the end
    so that no page keeps talking to the live server after the test."""
    contexts: list[Any] = []

    def open_page(user: Any) -> Any:
        context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900}, base_url=live_server.url)
        contexts.append(context)
        page = context.new_page()
        if user is not None:
            login(page, user)
        return page

    yield open_page
    for context in contexts:
        context.close()


def test_publishing_workflow(as_user, agency_a, owner, colleague, approver, tmp_path) -> None:  # type: ignore[no-untyped-def]
    attachment = tmp_path / "实施方案.pdf"
    attachment.write_bytes(b"%PDF-1.4 demo attachment")

    # 1. The author drafts the item, with an attachment, and submits it for confidentiality review.
    author = as_user(owner)
    author.goto("/work/catalogue/items/new/")
    author.get_by_label("标题").fill("测试区教育局2025年义务教育招生工作实施方案")
    author.get_by_label("公开类别").select_option("a11")
    author.get_by_label("文号").fill("测教发〔2025〕12号")
    author.get_by_label("发布机构").fill(agency_a.name)
    author.get_by_label("成文日期").fill("2025-05-06")
    author.get_by_label("政策文件", exact=True).check()
    author.get_by_label("正文").fill("一、招生原则\n坚持免试就近入学。\n二、招生范围\n……")
    author.get_by_label("上传附件").set_input_files(str(attachment))
    shot(author, "1-draft-form")
    author.get_by_role("button", name="保存草稿").click()
    author.wait_for_url("**/work/catalogue/items/*/")
    assert author.locator("#item-status").inner_text() == "草稿"
    author.get_by_role("button", name="提交保密审查").click()
    assert author.get_by_role("status").first.inner_text().startswith("已提交保密审查")
    assert author.get_by_text("须由起草人以外的工作人员审查").is_visible()  # the author cannot review
    shot(author, "2-submitted")
    item_url = author.url

    # 2. A colleague rejects it with a reason; the author sees the reason and resubmits.
    reviewer = as_user(colleague)
    reviewer.goto(item_url)
    reviewer.get_by_label("审查意见或退回理由").fill("附件第 3 页含学生家长姓名和电话，请删除后重新提交。")
    reviewer.get_by_role("button", name="退回起草人").click()
    assert reviewer.locator("#item-status").inner_text() == "草稿"
    author.goto(item_url)
    assert author.get_by_text("附件第 3 页含学生家长姓名和电话").first.is_visible()
    shot(author, "3-rejected")
    author.get_by_role("button", name="提交保密审查").click()

    # 3. The colleague passes the review; the approver publishes.
    reviewer.goto(item_url)
    reviewer.get_by_role("button", name="审查通过").click()
    assert reviewer.locator("#item-status").inner_text() == "待审批"
    boss = as_user(approver)
    boss.goto("/work/catalogue/")
    boss.get_by_role("link", name="测试区教育局2025年义务教育招生工作实施方案").click()
    boss.get_by_role("button", name="批准发布").click()
    assert boss.locator("#item-status").inner_text() == "已发布"
    history = boss.locator("table.history tbody tr")
    assert history.count() == 6  # drafted, submitted, rejected, resubmitted, passed, published
    shot(boss, "4-published")
    item = Item.objects.get()
    assert item.status == Status.PUBLISHED and item.reviewer == colleague and item.approver == approver

    # 4. The public sees it on the portal, can reach it by keyboard, and download the attachment.
    public = as_user(None)
    public.goto(f"/gk/{agency_a.pk}/")
    public.keyboard.press("Tab")
    assert public.evaluate("document.activeElement.textContent") == "跳到正文"
    public.get_by_label("搜索本机关公开信息").fill("招生")
    public.get_by_label("搜索本机关公开信息").press("Enter")
    public.get_by_role("link", name="测试区教育局2025年义务教育招生工作实施方案").click()
    assert public.get_by_text("测教发〔2025〕12号").is_visible()
    with public.expect_download() as download:
        public.get_by_role("link", name="实施方案.pdf").click()
    assert download.value.suggested_filename == "实施方案.pdf"
    shot(public, "5-portal-item")
    public.goto(f"/gk/{agency_a.pk}/")
    shot(public, "6-portal-agency")
