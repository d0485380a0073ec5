"""Annual reports (政府信息公开工作年度报告) as the agency writes them: one row per version.

The report itself is stored in its §J JSON form (`xxgk.model.dumps`), so a report compiled here and a report
parsed from someone's PDF are the same object and are checked by the same rules. A published version is
never changed again: a correction is a new version that names its reason, and both stay visible.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q, QuerySet

from web.accounts.models import Agency, AgencyKind
from web.accounts.permissions import filter_visible
from xxgk.model import Finding, Report, dumps, loads


class ReportState(models.TextChoices):
    DRAFT = "draft", "草稿"
    REVIEW = "review", "待审核"
    APPROVED = "approved", "已审批"
    PUBLISHED = "published", "已公开"


class ReportOrigin(models.TextChoices):
    COMPILED = "compiled", "由业务记录生成"
    IMPORTED = "imported", "导入已发布的报告"


def deadline_for(agency: Agency, year: int) -> dt.date:
    """The statutory publication deadline of the `year` report (条例第四十九条).

    Departments (and other agencies) publish by 31 January of the next year; the report of a people's
    government is published by its office by 31 March.
    """
    if agency.kind == AgencyKind.GOVERNMENT:
        return dt.date(year + 1, 3, 31)
    return dt.date(year + 1, 1, 31)


class AnnualReportQuerySet(models.QuerySet["AnnualReport"]):
    def visible_to(self, user: Any) -> QuerySet[AnnualReport]:
        return filter_visible(self, user)

    def published(self) -> QuerySet[AnnualReport]:
        return self.filter(state=ReportState.PUBLISHED)

    def latest_versions(self) -> QuerySet[AnnualReport]:
        """Only the newest version of each agency's report for a year."""
        newer = AnnualReport.objects.filter(
            agency=models.OuterRef("agency"), year=models.OuterRef("year"), version__gt=models.OuterRef("version")
        )
        return self.exclude(models.Exists(newer))


class AnnualReport(models.Model):
    agency = models.ForeignKey(Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="annual_reports")
    year = models.PositiveSmallIntegerField("报告年度", help_text="统计期间为该年1月1日至12月31日。")
    version = models.PositiveSmallIntegerField("版本", default=1)
    state = models.CharField(
        "状态",
        max_length=10,
        choices=ReportState.choices,
        default=ReportState.DRAFT,
        help_text="草稿 → 待审核 → 已审批 → 已公开；已公开的版本不得再修改，更正须另立新版本并说明理由。",
    )
    origin = models.CharField("来源", max_length=10, choices=ReportOrigin.choices, default=ReportOrigin.COMPILED)
    data = models.TextField("报告内容（JSON）", help_text="报告的 JSON 形式（领域规范 §J）。")
    correction_reason = models.TextField("更正理由", blank=True)
    supersedes = models.OneToOneField(
        "self",
        verbose_name="更正的版本",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
    )
    source_name = models.CharField("导入文件名", max_length=200, blank=True)
    error_count = models.PositiveIntegerField("错误数", default=0)
    warning_count = models.PositiveIntegerField("警告数", default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="编制人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审批人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField("审批时间", null=True, blank=True)
    published_at = models.DateTimeField("公开时间", null=True, blank=True)

    objects = AnnualReportQuerySet.as_manager()

    class Meta:
        verbose_name = "年度报告"
        verbose_name_plural = "年度报告"
        ordering = ["-year", "agency__name", "-version"]
        constraints = [models.UniqueConstraint(fields=["agency", "year", "version"], name="unique_report_version")]

    def __str__(self) -> str:
        suffix = f"（第{self.version}版）" if self.version > 1 else ""
        return f"{self.agency.name}{self.year}年度报告{suffix}"

    # --- the report model ---------------------------------------------------------------------------

    @property
    def report(self) -> Report:
        cached: Report | None = getattr(self, "_report", None)
        if cached is None:
            cached = loads(self.data)
            self._report = cached
        return cached

    def set_report(self, report: Report) -> None:
        report.findings = []
        self.data = dumps(report, include_findings=False)
        self._report = report

    @property
    def is_editable(self) -> bool:
        return self.state == ReportState.DRAFT

    @property
    def deadline(self) -> dt.date:
        return deadline_for(self.agency, self.year)

    def published_late(self) -> bool:
        if self.published_at is None:
            return False
        from django.utils import timezone

        return timezone.localdate(self.published_at) > self.deadline

    def store_counts(self, findings: list[Finding]) -> None:
        self.error_count = sum(1 for f in findings if f.severity == "error")
        self.warning_count = sum(1 for f in findings if f.severity == "warning")


class CellOverride(models.Model):
    """A computed cell replaced by hand: the computed value, the new one, and why (kept forever)."""

    report = models.ForeignKey(
        AnnualReport, verbose_name="年度报告", on_delete=models.CASCADE, related_name="overrides"
    )
    ref = models.CharField("单元格", max_length=120, help_text="如 table2.total.natural_person")
    computed = models.CharField("计算值", max_length=40, blank=True)
    value = models.CharField("修改后的值", max_length=40, blank=True, help_text="留空表示该格为空；「/」表示不适用。")
    reason = models.TextField("修改理由")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="修改人", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField("修改时间", auto_now_add=True)
    active = models.BooleanField("有效", default=True, help_text="同一单元格再次修改或撤销后，旧记录保留但不再有效。")

    class Meta:
        verbose_name = "人工修改的单元格"
        verbose_name_plural = "人工修改的单元格"
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.ref}: {self.computed} → {self.value}"

    @property
    def label(self) -> str:
        from web.reports.cells import ref_label

        return ref_label(self.ref)


class PriorNote(models.Model):
    """Per agency and year, what the report's part 6 and 5 draw on besides the case records."""

    agency = models.ForeignKey(Agency, verbose_name="机关", on_delete=models.CASCADE, related_name="report_notes")
    year = models.PositiveSmallIntegerField("年度")
    key_points = models.TextField(
        "落实年度政务公开工作要点情况", blank=True, help_text="国办公开办函〔2021〕30号：第六部分报告的其他事项。"
    )
    proposals = models.TextField("人大代表建议和政协委员提案办理结果公开情况", blank=True)
    assessment = models.TextField(
        "工作考核、社会评议和责任追究结果情况",
        blank=True,
        help_text="条例第五十条第四项：人民政府的年度报告须包含。",
    )

    class Meta:
        verbose_name = "年报其他事项"
        verbose_name_plural = "年报其他事项"
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="unique_report_note")]

    def __str__(self) -> str:
        return f"{self.agency.name}{self.year}年"


def published_for(agency: Agency) -> QuerySet[AnnualReport]:
    """Published reports of `agency`, newest year first, every version (a corrected one stays visible).

    This is what the portal's 年度报告 column lists; link each row to `reports:public` (pk).
    """
    return (
        AnnualReport.objects.filter(agency=agency, state=ReportState.PUBLISHED)
        .exclude(origin=ReportOrigin.IMPORTED)
        .select_related("agency", "superseded_by")
        .order_by("-year", "-version")
    )


def latest_for(agency: Agency, year: int) -> AnnualReport | None:
    return AnnualReport.objects.filter(agency=agency, year=year).order_by("-version").first()


def previous_published(agency: Agency, year: int) -> AnnualReport | None:
    """The report of `year - 1` the agency published (or imported as published), newest version."""
    return (
        AnnualReport.objects.filter(agency=agency, year=year - 1, state=ReportState.PUBLISHED)
        .order_by("-version")
        .first()
    )


def agencies_under(agency: Agency) -> QuerySet[Agency]:
    return Agency.objects.filter(Q(pk__in=agency.descendant_ids()))
