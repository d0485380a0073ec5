"""The background job of a batch audit (Django's tasks API; the database backend's worker runs it).

Progress is the batch row's `processed`/`total`, updated after every file; the batch page polls it. One
file that cannot be read (corrupt, not a report) is recorded with its reason and skipped; the batch goes on.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable

from django.db import OperationalError, transaction
from django.tasks import task
from django.utils import timezone

from web.audits.files import parse_bytes, parser_version
from web.audits.models import AuditBatch, AuditFile, AuditFinding, AuditResult, BatchState
from xxgk.model import Report, dumps
from xxgk.rules import check

log = logging.getLogger(__name__)

# 表二 result rows grouped as the dashboard shows them (the 总计 column of each).
OUTCOME_GROUPS: dict[str, tuple[str, ...]] = {
    "予以公开": ("granted",),
    "部分公开": ("partial",),
    "不予公开": tuple(f"refused_{i}" for i in range(1, 9)),
    "无法提供": tuple(f"unable_{i}" for i in range(1, 4)),
    "不予处理": tuple(f"not_processed_{i}" for i in range(1, 6)),
    "其他处理": ("other", "other_1", "other_2", "other_3"),
}


def outcomes_of(report: Report) -> dict[str, int]:
    out: dict[str, int] = {}
    for label, rows in OUTCOME_GROUPS.items():
        values = [report.t2(row, 6).value for row in rows if row in report.table2]
        numbers = [int(v) for v in values if v is not None]
        if numbers:
            out[label] = sum(numbers)
    return out


def audit_file(file: AuditFile, run: int, version: str) -> AuditResult:
    """Parse and check one file; a file that cannot be read gets a result with its reason."""
    started = time.perf_counter()
    result = AuditResult(file=file, run=run, parser_version=version)
    findings = []
    if file.rejected:
        result.error = file.rejected
    else:
        try:
            report = parse_bytes(file.name, file.kind, bytes(file.content))
            findings = list(report.findings) if file.kind != "json" else check(report)
        except Exception as exc:  # a corrupt file must not stop the batch: record why and go on
            result.error = _reason(exc)
        else:
            result.ok = True
            result.agency_name = (report.agency or "")[:200]
            result.year = report.year if report.year and 1900 < report.year < 2200 else None
            result.format = report.format or ""
            result.report = dumps(report, include_findings=False)
            result.outcomes = outcomes_of(report)
            result.error_count = sum(1 for f in findings if f.severity == "error")
            result.warning_count = sum(1 for f in findings if f.severity == "warning")
    result.seconds = round(time.perf_counter() - started, 3)

    def store() -> None:
        with transaction.atomic():
            AuditResult.objects.filter(file=file, run=run).delete()
            result.pk = None
            result.save()
            AuditFinding.objects.bulk_create(
                AuditFinding(
                    result=result,
                    code=f.code[:60],
                    severity=f.severity,
                    message=f.message,
                    where=(f.where or "")[:200],
                )
                for f in findings
            )

    _retrying(store)
    return result


def _retrying[T](write: Callable[[], T], attempts: int = 50) -> T:
    """Run a short write again while SQLite reports the table locked by a reader (the progress poll of the
    batch page reads the same rows); other databases never raise this."""
    for attempt in range(attempts):
        try:
            return write()
        except OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def _reason(exc: Exception) -> str:
    from xxgk.parse.document import UnreadableDocument

    if isinstance(exc, UnreadableDocument):
        return f"文件无法读取：{exc}"
    log.warning("audit: file failed to parse", exc_info=exc)
    return f"文件已损坏或无法解析（{type(exc).__name__}：{str(exc)[:200]}）"


CHUNK = 8  # files per task: a batch is spread over every running worker process


def _results_so_far(batch_id: int, run: int) -> int:
    return AuditResult.objects.filter(file__batch_id=batch_id, run=run).count()


def process(batch_id: int, run: int, file_ids: list[int] | None = None) -> int:
    """Audit the batch's files (all, or `file_ids`) that have no result for `run` yet, so that a run whose
    worker died resumes where it stopped; returns the number of files audited now.

    Several tasks may work on one batch at once (one per chunk of files): progress is the number of results
    the run has, and whichever task finds every file audited marks the batch done.
    """
    batch = AuditBatch.objects.get(pk=batch_id)
    version = parser_version()
    now = timezone.now()
    _retrying(lambda: AuditBatch.objects.filter(pk=batch_id, started_at__isnull=True).update(started_at=now))
    _retrying(
        lambda: AuditBatch.objects.filter(pk=batch_id).update(
            state=BatchState.RUNNING, heartbeat=now, processed=_results_so_far(batch_id, run)
        )
    )
    files = batch.files.exclude(results__run=run).order_by("name", "id")
    if file_ids is not None:
        files = files.filter(pk__in=file_ids)
    done = 0
    try:
        for file in files:
            audit_file(file, run, version)
            done += 1
            _retrying(
                lambda: AuditBatch.objects.filter(pk=batch_id).update(
                    processed=_results_so_far(batch_id, run), heartbeat=timezone.now()
                )
            )
    except Exception as exc:
        AuditBatch.objects.filter(pk=batch_id).update(
            state=BatchState.FAILED, finished_at=timezone.now(), error=f"{type(exc).__name__}：{exc}"
        )
        raise
    if _results_so_far(batch_id, run) >= batch.files.count():
        _retrying(
            lambda: AuditBatch.objects.filter(pk=batch_id).update(state=BatchState.DONE, finished_at=timezone.now())
        )
    return done


@task()
def run_batch(batch_id: int, run: int, file_ids: list[int] | None = None) -> int:
    return process(batch_id, run, file_ids)


def enqueue(batch: AuditBatch) -> int:
    """Queue the batch's current run: one task per CHUNK files still without a result; returns the count."""
    ids = list(batch.files.exclude(results__run=batch.run).order_by("name", "id").values_list("pk", flat=True))
    if not ids:
        AuditBatch.objects.filter(pk=batch.pk).update(state=BatchState.DONE, finished_at=timezone.now())
        return 0
    AuditBatch.objects.filter(pk=batch.pk).update(finished_at=None, error="")
    for start in range(0, len(ids), CHUNK):
        run_batch.enqueue(batch.pk, batch.run, ids[start : start + CHUNK])
    return (len(ids) + CHUNK - 1) // CHUNK


def store_files(batch: AuditBatch, incoming: list[object]) -> int:
    """Save the upload's files on the batch (rejected ones with their reason)."""
    from web.audits.files import Incoming

    count = 0
    for item in incoming:
        assert isinstance(item, Incoming)
        AuditFile.objects.create(
            batch=batch,
            name=item.name[:255],
            kind=item.kind or "",
            size=len(item.data),
            sha256=hashlib.sha256(item.data).hexdigest() if item.data else "",
            content=item.data if item.kind else b"",
            rejected=item.problem[:200],
        )
        count += 1
    return count
