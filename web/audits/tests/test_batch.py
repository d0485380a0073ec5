"""A batch from upload to review: the background job (immediate and through the real database worker),
corrupt files skipped, review, re-run with differences, dashboard data, XLSX export, permissions."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from web.audits.models import AuditBatch, AuditFinding, AuditResult, BatchState, Review
from web.audits.tests.conftest import DATABASE, IMMEDIATE
from web.conftest import client_for, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def batch(supervisor, sample_uploads, django_capture_on_commit_callbacks) -> AuditBatch:
    with override_settings(TASKS=IMMEDIATE), django_capture_on_commit_callbacks(execute=True):
        response = client_for(supervisor).post(reverse("audits:upload"), {"files": sample_uploads, "name": "抽查"})
    assert response.status_code == 302
    return AuditBatch.objects.get()


def test_upload_runs_the_job_and_skips_what_cannot_be_read(batch) -> None:
    assert (batch.state, batch.processed, batch.total) == (BatchState.DONE, 6, 6)
    results = {r.file.name: r for r in AuditResult.objects.filter(file__batch=batch)}
    assert set(results) == {
        "pingtan-2023.html",
        "shanting-yjj-2021.txt",
        "huaian-gov-2024.pdf",
        "official-template-2021.docx",
        "broken.pdf",
        "notes.bin",
    }
    pingtan = results["pingtan-2023.html"]
    assert pingtan.ok and pingtan.year == 2023 and pingtan.format == "2021"
    assert pingtan.outcomes["予以公开"] == 22  # the gold figure
    assert pingtan.parser_version.startswith("xxgk")
    assert results["huaian-gov-2024.pdf"].ok and results["huaian-gov-2024.pdf"].agency_name
    assert not results["broken.pdf"].ok and results["broken.pdf"].error
    assert not results["notes.bin"].ok and "不是可识别的年报文件" in results["notes.bin"].error
    assert AuditFinding.objects.filter(result__file__batch=batch).exists()


def test_pages_and_the_permission_matrix(batch, supervisor, owner, outsider) -> None:
    result = AuditResult.objects.filter(file__batch=batch, ok=True).first()
    assert result is not None
    urls = [
        reverse("audits:batch", args=[batch.pk]),
        reverse("audits:progress", args=[batch.pk]),
        reverse("audits:dashboard", args=[batch.pk]),
        reverse("audits:export", args=[batch.pk]),
        reverse("audits:diff", args=[batch.pk]),
        reverse("audits:result", args=[batch.pk, result.pk]),
    ]
    for url in urls:
        assert client_for(supervisor).get(url).status_code == 200, url
        assert client_for(owner).get(url).status_code == 404, url  # a department does not see the office's batch
    finding = AuditFinding.objects.filter(result=result).first()
    assert finding is not None
    review = reverse("audits:review", args=[batch.pk, finding.pk])
    assert client_for(outsider).post(review, {"review": "confirmed"}).status_code == 404
    assert client_for(supervisor).get(review).status_code == 405
    assert client_for(supervisor).get(reverse("audits:rerun", args=[batch.pk])).status_code == 405
    assert client_for(supervisor).get(reverse("audits:upload")).status_code == 405
    progress = client_for(supervisor).get(urls[1]).json()
    assert progress == {**progress, "processed": 6, "total": 6, "percent": 100, "finished": True}


def test_upload_needs_an_agency_role(agency_a, colleague) -> None:
    nobody = make_user("nobody")
    assert client_for(nobody).post(reverse("audits:upload")).status_code == 403
    page = client_for(colleague).post(reverse("audits:upload"), follow=True)
    assert page.status_code == 200 and "请选择要审查的年报文件" in page.content.decode()


def test_review_confirm_and_dismiss_with_a_note(batch, supervisor) -> None:
    finding = AuditFinding.objects.filter(result__file__batch=batch).first()
    assert finding is not None
    url = reverse("audits:review", args=[batch.pk, finding.pk])
    client = client_for(supervisor)
    page = client.post(url, {"review": "dismissed", "note": ""}, follow=True).content.decode()
    assert "请填写复核意见" in page
    finding.refresh_from_db()
    assert finding.review == Review.OPEN
    client.post(url, {"review": "dismissed", "note": "表格跨页，人工核对无误"})
    finding.refresh_from_db()
    assert (finding.review, finding.note, finding.reviewed_by) == (
        Review.DISMISSED,
        "表格跨页，人工核对无误",
        supervisor,
    )
    client.post(url, {"review": "confirmed", "note": ""})
    finding.refresh_from_db()
    assert finding.review == Review.CONFIRMED


def test_dashboard_data_and_export(batch, supervisor) -> None:
    from web.audits.views import dashboard_data

    data = dashboard_data(batch)
    assert data["files"] == 6 and data["failed"] == 2 and data["parsed"] == 4
    assert dict(data["outcomes"])["予以公开"] >= 22
    counted = AuditFinding.objects.filter(result__file__batch=batch).exclude(severity="info").count()
    assert sum(n for _, n in data["by_rule"]) == counted
    page = client_for(supervisor).get(reverse("audits:dashboard", args=[batch.pk])).content.decode()
    assert 'id="dashboard-data"' in page and "echarts-5.6.0.min.js" in page
    book = openpyxl.load_workbook(
        io.BytesIO(client_for(supervisor).get(reverse("audits:export", args=[batch.pk])).content)
    )
    assert book.sheetnames == ["文件", "发现"]
    assert book["文件"].max_row == 7
    assert book["发现"].max_row == AuditFinding.objects.filter(result__file__batch=batch).count() + 1


def test_rerun_keeps_both_runs_and_shows_differences(batch, supervisor, django_capture_on_commit_callbacks) -> None:
    # Pretend the first run's parser missed one finding and reported another, then re-run.
    first = AuditResult.objects.get(file__batch=batch, file__name="pingtan-2023.html", run=1)
    AuditFinding.objects.create(result=first, code="T2-01", severity="error", message="旧解析器的误报")
    with override_settings(TASKS=IMMEDIATE), django_capture_on_commit_callbacks(execute=True):
        assert client_for(supervisor).post(reverse("audits:rerun", args=[batch.pk])).status_code == 302
    batch.refresh_from_db()
    assert batch.run == 2 and batch.state == BatchState.DONE
    assert AuditResult.objects.filter(file__batch=batch, run=1).count() == 6
    assert AuditResult.objects.filter(file__batch=batch, run=2).count() == 6
    page = client_for(supervisor).get(reverse("audits:diff", args=[batch.pk])).content.decode()
    assert "旧解析器的误报" in page and "1 个文件的结果有变化" in page


@pytest.mark.django_db(transaction=True)
def test_the_real_background_path_through_the_database_worker(supervisor, sample_uploads) -> None:
    with override_settings(TASKS=DATABASE):
        client_for(supervisor).post(reverse("audits:upload"), {"files": sample_uploads[:2]})
        batch = AuditBatch.objects.get()
        assert batch.state == BatchState.QUEUED and batch.processed == 0  # nothing ran in the request
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    batch.refresh_from_db()
    assert (batch.state, batch.processed, batch.total) == (BatchState.DONE, 2, 2)
    assert AuditResult.objects.filter(file__batch=batch, ok=True).count() == 2


def test_a_stalled_run_is_resumed_without_redoing_finished_files(
    batch, supervisor, django_capture_on_commit_callbacks
) -> None:
    import datetime as dt

    from django.utils import timezone

    # As if the worker died after four files: two results missing, the batch still RUNNING, no progress.
    kept = {r.pk: r.created_at for r in AuditResult.objects.filter(file__batch=batch)[:4]}
    AuditResult.objects.filter(file__batch=batch).exclude(pk__in=kept).delete()
    stale = timezone.now() - dt.timedelta(minutes=11)
    AuditBatch.objects.filter(pk=batch.pk).update(state=BatchState.RUNNING, processed=4, heartbeat=stale)
    batch.refresh_from_db()
    url = reverse("audits:batch", args=[batch.pk])
    assert "继续审查" in client_for(supervisor).get(url).content.decode()
    with override_settings(TASKS=IMMEDIATE), django_capture_on_commit_callbacks(execute=True):
        client_for(supervisor).post(reverse("audits:rerun", args=[batch.pk]))
    batch.refresh_from_db()
    assert (batch.run, batch.state, batch.processed, batch.total) == (1, BatchState.DONE, 6, 6)
    results = AuditResult.objects.filter(file__batch=batch, run=1)
    assert results.count() == 6
    assert {r.pk: r.created_at for r in results if r.pk in kept} == kept  # the finished ones were not redone


def test_a_running_batch_that_makes_progress_is_not_resumed(batch, supervisor) -> None:
    from django.utils import timezone

    AuditBatch.objects.filter(pk=batch.pk).update(state=BatchState.RUNNING, heartbeat=timezone.now())
    page = client_for(supervisor).post(reverse("audits:rerun", args=[batch.pk]), follow=True).content.decode()
    assert "仍在审查中" in page
