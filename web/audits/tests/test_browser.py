"""Batch audit of the corpus in Chromium: upload every published report, watch the progress bar reach 100 %
while the real database worker runs, then open a result and the dashboard. Screenshots go to build/."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test import override_settings

from web.audits.models import AuditBatch, AuditResult
from web.audits.tests.conftest import DATABASE, corpus_paths
from web.conftest import login, screenshot_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _worker() -> None:
    """The database backend's own worker loop (as `manage.py db_worker --batch` runs it); in a thread, so
    without its signal handlers, which only the main thread may install."""
    from django_tasks_db.management.commands.db_worker import Worker

    try:
        Worker(
            queue_names=["default"],
            interval=0.2,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="browser-test",
            excluded_queue_names=[],
        ).run()
    finally:
        connection.close()


def test_batch_audit_of_the_corpus(page, supervisor, tmp_path) -> None:  # type: ignore[no-untyped-def]
    paths = corpus_paths()
    if not paths:
        pytest.skip("../shared/corpus is not present")
    # One corrupt file among them: a PDF cut off after its first kilobyte.
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(next(p for p in paths if p.suffix == ".pdf").read_bytes()[:1024])
    paths = [*paths, broken]
    shots = screenshot_dir()
    with override_settings(TASKS=DATABASE):
        login(page, supervisor)
        page.goto("/work/audits/")
        page.get_by_label("批次名称（可不填）").fill("语料库年报审查")
        page.get_by_label("年报文件").set_input_files([str(p) for p in paths])
        page.screenshot(path=shots / "audits-upload.png", full_page=True)
        page.get_by_role("button", name="上传并开始审查").click()
        page.wait_for_url("**/work/audits/*/")
        box = page.locator("#batch-progress")
        assert box.get_attribute("data-percent") == "0"
        page.screenshot(path=shots / "audits-progress-0.png", full_page=True)

        worker = threading.Thread(target=_worker)
        worker.start()
        seen: set[int] = set()
        while worker.is_alive() and not seen & set(range(30, 100)):
            seen.add(int(box.get_attribute("data-percent") or 0))
            page.wait_for_timeout(100)
        if seen & set(range(30, 100)):
            page.screenshot(path=shots / "audits-progress-running.png", full_page=True)
        worker.join(timeout=300)
        page.wait_for_selector("#batch-progress[data-percent='100']", timeout=30_000)
        page.wait_for_selector("table.results tbody tr >> nth=3", timeout=30_000)
        assert "100%" in page.locator("[data-progress-text]").inner_text()

    batch = AuditBatch.objects.get()
    assert batch.processed == batch.total == len(paths)
    assert page.locator("table.results tbody tr").count() == len(paths)
    assert "已跳过" in page.locator("table.results tr", has_text="broken.pdf").inner_text()
    page.screenshot(path=shots / "audits-batch.png", full_page=True)

    result = AuditResult.objects.filter(file__batch=batch, ok=True).order_by("-error_count").first()
    assert result is not None
    page.goto(f"/work/audits/{batch.pk}/results/{result.pk}/")
    page.screenshot(path=shots / "audits-result.png", full_page=True)

    page.goto(f"/work/audits/{batch.pk}/dashboard/")
    for chart in ("#chart-rules", "#chart-agencies", "#chart-outcomes"):
        page.wait_for_selector(f"{chart}[data-rendered='true'] svg", timeout=10_000)
    page.screenshot(path=shots / "audits-dashboard.png", full_page=True)
