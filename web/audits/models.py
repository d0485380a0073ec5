"""Batch audit of published annual reports: a batch of uploaded files, one result per file and run, and the
findings a person confirms or dismisses.

A batch can be re-run when the parser improves: each run keeps its own results with the parser version, so
the differences between two runs can be shown.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import QuerySet

from web.accounts.models import Agency
from web.accounts.permissions import filter_visible

STALL_AFTER = dt.timedelta(minutes=10)  # one report takes seconds; ten minutes without progress is a dead worker


class BatchState(models.TextChoices):
    QUEUED = "queued", "排队中"
    RUNNING = "running", "审查中"
    DONE = "done", "已完成"
    FAILED = "failed", "出错"


class AuditBatchQuerySet(models.QuerySet["AuditBatch"]):
    def visible_to(self, user: Any) -> QuerySet[AuditBatch]:
        return filter_visible(self, user)


class AuditBatch(models.Model):
    agency = models.ForeignKey(Agency, verbose_name="审查机关", on_delete=models.PROTECT, related_name="audit_batches")
    name = models.CharField("批次名称", max_length=100)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传人", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("上传时间", auto_now_add=True)
    run = models.PositiveSmallIntegerField("当前轮次", default=1)
    state = models.CharField("状态", max_length=10, choices=BatchState.choices, default=BatchState.QUEUED)
    total = models.PositiveIntegerField("文件数", default=0)
    processed = models.PositiveIntegerField("已处理", default=0)
    started_at = models.DateTimeField("开始时间", null=True, blank=True)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)
    heartbeat = models.DateTimeField("最近进展", null=True, blank=True, help_text="每审完一个文件更新一次。")
    error = models.TextField("出错信息", blank=True)

    objects = AuditBatchQuerySet.as_manager()

    class Meta:
        verbose_name = "审查批次"
        verbose_name_plural = "审查批次"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name

    @property
    def percent(self) -> int:
        return round(100 * self.processed / self.total) if self.total else 100

    @property
    def finished(self) -> bool:
        return self.state in (BatchState.DONE, BatchState.FAILED)

    def stalled(self, now: dt.datetime) -> bool:
        """Unfinished and without progress for STALL_AFTER (its worker was stopped): may be resumed."""
        last = self.heartbeat or self.started_at or self.created_at
        return not self.finished and last is not None and now - last > STALL_AFTER


class AuditFile(models.Model):
    batch = models.ForeignKey(AuditBatch, verbose_name="批次", on_delete=models.CASCADE, related_name="files")
    name = models.CharField("文件名", max_length=255)
    kind = models.CharField("文件类型", max_length=10, blank=True, help_text="按文件内容识别，不看扩展名。")
    size = models.PositiveIntegerField("大小（字节）", default=0)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    content = models.BinaryField("内容", blank=True)
    rejected = models.CharField("未审查原因", max_length=200, blank=True)

    class Meta:
        verbose_name = "审查文件"
        verbose_name_plural = "审查文件"
        ordering = ["batch", "name", "id"]

    def __str__(self) -> str:
        return self.name


class AuditResult(models.Model):
    """What one run of the parser and the rules made of one file."""

    file = models.ForeignKey(AuditFile, verbose_name="文件", on_delete=models.CASCADE, related_name="results")
    run = models.PositiveSmallIntegerField("轮次")
    parser_version = models.CharField("解析器版本", max_length=60)
    ok = models.BooleanField("已解析", default=False)
    error = models.TextField("无法审查的原因", blank=True)
    agency_name = models.CharField("报告机关", max_length=200, blank=True)
    year = models.PositiveSmallIntegerField("报告年度", null=True, blank=True)
    format = models.CharField("格式", max_length=4, blank=True)
    report = models.TextField("解析结果（JSON）", blank=True)
    outcomes = models.JSONField("办理结果汇总", default=dict, help_text="表二各类办理结果的总计列，用于统计图。")
    error_count = models.PositiveIntegerField("错误数", default=0)
    warning_count = models.PositiveIntegerField("警告数", default=0)
    seconds = models.FloatField("用时（秒）", default=0)
    created_at = models.DateTimeField("审查时间", auto_now_add=True)

    class Meta:
        verbose_name = "审查结果"
        verbose_name_plural = "审查结果"
        ordering = ["file__name", "-run"]
        constraints = [models.UniqueConstraint(fields=["file", "run"], name="unique_result_per_run")]

    def __str__(self) -> str:
        return f"{self.file.name}（第{self.run}轮）"


class Review(models.TextChoices):
    OPEN = "open", "待复核"
    CONFIRMED = "confirmed", "确认问题"
    DISMISSED = "dismissed", "排除（误报）"


class AuditFinding(models.Model):
    result = models.ForeignKey(AuditResult, verbose_name="审查结果", on_delete=models.CASCADE, related_name="findings")
    code = models.CharField("规则", max_length=60)
    severity = models.CharField("级别", max_length=8)
    message = models.TextField("说明")
    where = models.CharField("位置", max_length=200, blank=True)
    review = models.CharField("复核", max_length=10, choices=Review.choices, default=Review.OPEN)
    note = models.TextField("复核意见", blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="复核人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField("复核时间", null=True, blank=True)

    class Meta:
        verbose_name = "审查发现"
        verbose_name_plural = "审查发现"
        ordering = ["result", "id"]

    def __str__(self) -> str:
        return f"{self.code} {self.message[:30]}"

    @property
    def signature(self) -> tuple[str, str, str]:
        """What identifies a finding across runs (its rule, place and wording)."""
        return (self.code, self.where, self.message)
