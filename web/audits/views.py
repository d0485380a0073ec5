"""Batch audit pages: upload → background job with progress → per-file findings and review → dashboard."""

from __future__ import annotations

import io
from collections import Counter
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from web.accounts.models import Agency, Role, log_change
from web.accounts.permissions import can_act, get_visible_or_404, own_agency_ids, primary_agency
from web.audits import files as upload_files
from web.audits.models import AuditBatch, AuditFinding, AuditResult, BatchState, Review
from web.audits.tasks import enqueue, store_files
from xxgk.rules import RULES


def can_audit(user: Any, agency: Agency) -> bool:
    """Staff and approvers of the agency, and its supervisors (政务公开办 audits the reports of others)."""
    return can_act(user, agency) or agency.pk in own_agency_ids(user, (Role.SUPERVISOR,))


def _batch(request: HttpRequest, pk: int) -> AuditBatch:
    batch: AuditBatch = get_visible_or_404(AuditBatch.objects.select_related("agency"), request.user, pk=pk)
    return batch


def _require_audit(request: HttpRequest, agency: Agency) -> None:
    if not can_audit(request.user, agency):
        raise PermissionDenied("您没有在该机关开展年报审查的权限")


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    batches = AuditBatch.objects.visible_to(request.user).select_related("agency", "created_by")
    agency = primary_agency(request.user)
    return render(
        request,
        "audits/index.html",
        {
            "batches": batches[:100],
            "agency": agency,
            "may_upload": agency is not None and can_audit(request.user, agency),
            "limits": {
                "files": upload_files.MAX_FILES,
                "file_mb": upload_files.MAX_FILE_BYTES // 1024 // 1024,
                "zip_mb": upload_files.MAX_UNPACKED_BYTES // 1024 // 1024,
            },
        },
    )


@login_required
@require_POST
def upload(request: HttpRequest) -> HttpResponse:
    agency = primary_agency(request.user)
    if agency is None:
        raise PermissionDenied("您尚未加入任何机关")
    _require_audit(request, agency)
    uploads = request.FILES.getlist("files")
    if not uploads:
        messages.error(request, "请选择要审查的年报文件（可多选，或上传一个 ZIP 压缩包）。")
        return redirect("audits:index")
    too_big = [u.name for u in uploads if u.size > upload_files.MAX_UNPACKED_BYTES]
    if too_big:
        messages.error(request, f"文件过大：{'、'.join(too_big)}")
        return redirect("audits:index")
    try:
        incoming = upload_files.intake([(u.name, u.read()) for u in uploads])
    except upload_files.UploadRejected as exc:
        messages.error(request, str(exc))
        return redirect("audits:index")
    name = (
        request.POST.get("name", "").strip()[:100]
        or f"{timezone.localtime():%Y-%m-%d %H:%M} 上传的 {len(incoming)} 个文件"
    )
    with transaction.atomic():
        batch = AuditBatch.objects.create(agency=agency, name=name, created_by=request.user)
        batch.total = store_files(batch, list(incoming))
        batch.save(update_fields=["total"])
        log_change(request.user, agency, batch, "upload", f"上传 {batch.total} 个文件开展年报审查")
        transaction.on_commit(lambda: enqueue(batch))
    skipped = [i for i in incoming if i.kind is None]
    if skipped:
        messages.warning(request, f"{len(skipped)} 个文件无法审查，将在结果中列出原因并跳过。")
    messages.success(request, f"已上传 {batch.total} 个文件，正在后台审查。")
    return redirect("audits:batch", pk=batch.pk)


def _results(batch: AuditBatch, run: int) -> list[AuditResult]:
    return list(
        AuditResult.objects.filter(file__batch=batch, run=run).select_related("file").order_by("file__name", "id")
    )


@login_required
@require_GET
def batch_view(request: HttpRequest, pk: int) -> HttpResponse:
    batch = _batch(request, pk)
    results = _results(batch, batch.run)
    reviews = Counter(AuditFinding.objects.filter(result__in=results).values_list("review", flat=True))
    status = request.GET.get("status", "")
    if status == "failed":
        results = [r for r in results if not r.ok]
    elif status == "errors":
        results = [r for r in results if r.error_count]
    return render(
        request,
        "audits/batch.html",
        {
            "batch": batch,
            "results": results,
            "reviews": {label: reviews.get(code, 0) for code, label in Review.choices},
            "may_audit": can_audit(request.user, batch.agency),
            "status": status,
            "runs": range(batch.run, 0, -1),
            "stalled": batch.stalled(timezone.now()),
        },
    )


@login_required
@require_GET
def progress(request: HttpRequest, pk: int) -> JsonResponse:
    batch = _batch(request, pk)
    return JsonResponse(
        {
            "processed": batch.processed,
            "total": batch.total,
            "percent": batch.percent,
            "state": batch.state,
            "state_label": batch.get_state_display(),
            "finished": batch.finished,
        }
    )


@login_required
@require_POST
def rerun(request: HttpRequest, pk: int) -> HttpResponse:
    """Audit the batch again with the current parser (a new run), or resume a run whose worker stopped."""
    batch = _batch(request, pk)
    _require_audit(request, batch.agency)
    if batch.stalled(timezone.now()):
        with transaction.atomic():
            log_change(request.user, batch.agency, batch, "resume", f"继续第{batch.run}轮审查（后台任务中断）")
            transaction.on_commit(lambda: enqueue(batch))
        messages.success(request, f"已继续第{batch.run}轮审查，已审完的文件不再重复审查。")
        return redirect("audits:batch", pk=batch.pk)
    if not batch.finished:
        messages.error(request, "本批次仍在审查中，完成后才能重新审查。")
        return redirect("audits:batch", pk=batch.pk)
    with transaction.atomic():
        batch.run += 1
        batch.state, batch.processed = BatchState.QUEUED, 0
        batch.save(update_fields=["run", "state", "processed"])
        log_change(request.user, batch.agency, batch, "rerun", f"以当前解析器重新审查（第{batch.run}轮）")
        transaction.on_commit(lambda: enqueue(batch))
    messages.success(request, f"已开始第{batch.run}轮审查；完成后可查看与上一轮的差异。")
    return redirect("audits:batch", pk=batch.pk)


@login_required
@require_GET
def result_view(request: HttpRequest, pk: int, result_id: int) -> HttpResponse:
    batch = _batch(request, pk)
    result = get_visible_or_404(
        AuditResult.objects.select_related("file"),
        request.user,
        field="file__batch__agency",
        pk=result_id,
        file__batch=batch,
    )
    findings = list(result.findings.select_related("reviewed_by"))
    for f in findings:
        rule = RULES.get(f.code)
        f.title = rule.title if rule else ""  # type: ignore[attr-defined]
    return render(
        request,
        "audits/result.html",
        {
            "batch": batch,
            "result": result,
            "findings": findings,
            "may_audit": can_audit(request.user, batch.agency),
            "reviews": Review.choices,
        },
    )


@login_required
@require_POST
def review(request: HttpRequest, pk: int, finding_id: int) -> HttpResponse:
    batch = _batch(request, pk)
    finding = get_visible_or_404(
        AuditFinding.objects.select_related("result"),
        request.user,
        field="result__file__batch__agency",
        pk=finding_id,
        result__file__batch=batch,
    )
    _require_audit(request, batch.agency)
    decision = request.POST.get("review", "")
    note = request.POST.get("note", "").strip()
    if decision not in (Review.CONFIRMED, Review.DISMISSED, Review.OPEN):
        messages.error(request, "请选择“确认问题”或“排除（误报）”。")
    elif decision == Review.DISMISSED and not note:
        messages.error(request, "排除误报时请填写复核意见，说明理由。")
    else:
        finding.review, finding.note = decision, note
        finding.reviewed_by, finding.reviewed_at = request.user, timezone.now()
        finding.save()
        log_change(
            request.user,
            batch.agency,
            batch,
            "review",
            f"{finding.result.file.name} {finding.code}：{finding.get_review_display()}",
        )
        messages.success(request, f"已记录复核：{finding.get_review_display()}。")
    return redirect("audits:result", pk=batch.pk, result_id=finding.result_id)


def dashboard_data(batch: AuditBatch) -> dict[str, Any]:
    results = _results(batch, batch.run)
    findings = AuditFinding.objects.filter(result__in=results).exclude(review=Review.DISMISSED)
    by_rule = Counter(findings.exclude(severity="info").values_list("code", flat=True))
    by_agency: Counter[str] = Counter()
    for r in results:
        if r.ok:
            by_agency[r.agency_name or r.file.name] += r.error_count + r.warning_count
    outcomes: Counter[str] = Counter()
    for r in results:
        outcomes.update(r.outcomes)
    return {
        "by_rule": sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])),
        "by_agency": sorted(by_agency.items(), key=lambda kv: (-kv[1], kv[0]))[:20],
        "outcomes": [[k, v] for k, v in outcomes.items()],
        "files": len(results),
        "parsed": sum(1 for r in results if r.ok),
        "failed": sum(1 for r in results if not r.ok),
        "errors": sum(r.error_count for r in results),
        "warnings": sum(r.warning_count for r in results),
    }


@login_required
@require_GET
def dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    batch = _batch(request, pk)
    data = dashboard_data(batch)
    return render(request, "audits/dashboard.html", {"batch": batch, "data": data})


@login_required
@require_GET
def export(request: HttpRequest, pk: int) -> HttpResponse:
    import xlsxwriter

    batch = _batch(request, pk)
    results = _results(batch, batch.run)
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    bold = book.add_format({"bold": True})
    files = book.add_worksheet("文件")
    files.write_row(
        0,
        0,
        ["文件名", "类型", "报告机关", "年度", "格式", "已解析", "错误", "警告", "无法审查的原因", "解析器版本"],
        bold,
    )
    for i, r in enumerate(results, start=1):
        files.write_row(
            i,
            0,
            [
                r.file.name,
                upload_files.KIND_LABEL.get(r.file.kind, "—"),
                r.agency_name,
                r.year or "",
                r.format,
                "是" if r.ok else "否",
                r.error_count,
                r.warning_count,
                r.error,
                r.parser_version,
            ],
        )
    files.set_column(0, 0, 32)
    files.set_column(2, 2, 28)
    files.set_column(8, 8, 40)
    sheet = book.add_worksheet("发现")
    sheet.write_row(0, 0, ["文件名", "报告机关", "规则", "级别", "说明", "位置", "复核", "复核意见"], bold)
    row = 1
    severity = {"error": "错误", "warning": "警告", "info": "提示"}
    for f in (
        AuditFinding.objects.filter(result__in=results)
        .select_related("result__file")
        .order_by("result__file__name", "id")
    ):
        sheet.write_row(
            row,
            0,
            [
                f.result.file.name,
                f.result.agency_name,
                f.code,
                severity.get(f.severity, f.severity),
                f.message,
                f.where,
                f.get_review_display(),
                f.note,
            ],
        )
        row += 1
    sheet.set_column(0, 1, 26)
    sheet.set_column(4, 4, 80)
    book.close()
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f"attachment; filename=audit-{batch.pk}-run{batch.run}.xlsx"
    return response


@login_required
@require_http_methods(["GET"])
def diff(request: HttpRequest, pk: int) -> HttpResponse:
    """What changed between two runs of the batch, file by file (findings gained and lost)."""
    batch = _batch(request, pk)
    try:
        new = int(request.GET.get("b", batch.run))
        old = int(request.GET.get("a", new - 1))
    except ValueError:
        new, old = batch.run, batch.run - 1
    rows = []
    before = {r.file_id: r for r in AuditResult.objects.filter(file__batch=batch, run=old).prefetch_related("findings")}
    for r in AuditResult.objects.filter(file__batch=batch, run=new).select_related("file").prefetch_related("findings"):
        prev = before.get(r.file_id)
        now_sigs = {f.signature for f in r.findings.all()}
        old_sigs = {f.signature for f in prev.findings.all()} if prev else set()
        gained, lost = sorted(now_sigs - old_sigs), sorted(old_sigs - now_sigs)
        changed = gained or lost or (prev is not None and prev.ok != r.ok)
        rows.append({"result": r, "prev": prev, "gained": gained, "lost": lost, "changed": changed})
    return render(
        request,
        "audits/diff.html",
        {"batch": batch, "rows": rows, "old": old, "new": new, "changed": sum(1 for x in rows if x["changed"])},
    )
