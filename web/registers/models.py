"""Registers of the counts table 1 of the annual report needs that no case produces (spec §B):
normative documents, the matters (事项) of the power list, administrative decisions, fee income,
centralised procurement (2019 format), and the channel counts and activities quoted in part 1.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models

from web.accounts.models import Agency
from xxgk.model import labels as L

AMOUNT = {"max_digits": 16, "decimal_places": 4, "validators": [MinValueValidator(Decimal(0))]}


class DocumentKind(models.TextChoices):
    RULE = "rule", L.T1_ROW_RULES
    NORMATIVE = "normative", L.T1_ROW_NORMATIVE_2021


class NormativeDocument(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="normative_documents"
    )
    kind = models.CharField("类别", max_length=10, choices=DocumentKind.choices, help_text="条例第二十条第（一）项。")
    title = models.CharField("文件名称", max_length=200)
    doc_no = models.CharField("文号", max_length=80)
    issued_on = models.DateField("制发日期", help_text="计入当年「本年制发件数」「本年新制作数量」。")
    published_on = models.DateField("公开日期", null=True, blank=True, help_text="计入当年「本年新公开数量」。")
    repealed_on = models.DateField(
        "废止日期", null=True, blank=True, help_text="计入当年「本年废止件数」；此后不再计入现行有效件数。"
    )
    catalogue_item = models.ForeignKey(
        "catalogue.Item",
        verbose_name="目录中的信息",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "规章和规范性文件"
        verbose_name_plural = "规章和规范性文件"
        ordering = ["-issued_on", "doc_no"]
        constraints = [models.UniqueConstraint(fields=["agency", "doc_no"], name="unique_normative_doc_no")]

    def __str__(self) -> str:
        return f"{self.title}（{self.doc_no}）"


class ActionKind(models.TextChoices):
    LICENSING = "licensing", L.T1_ROW_LICENSING
    OTHER_SERVICE = "other_service", L.T1_ROW_OTHER_SERVICES
    PENALTY = "penalty", L.T1_ROW_PENALTY
    COERCION = "coercion", L.T1_ROW_COERCION


class MatterKind(models.TextChoices):
    LICENSING = "licensing", L.T1_ROW_LICENSING
    OTHER_SERVICE = "other_service", L.T1_ROW_OTHER_SERVICES
    PENALTY = "penalty", L.T1_ROW_PENALTY
    COERCION = "coercion", L.T1_ROW_COERCION
    FEE = "fee", L.T1_ROW_FEES


class Matter(models.Model):
    """One matter (事项) of the agency's power list; the 2019 format counts them (上一年项目数量, 本年增/减)."""

    agency = models.ForeignKey(Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="matters")
    kind = models.CharField("类别", max_length=14, choices=MatterKind.choices)
    name = models.CharField("事项名称", max_length=200)
    basis = models.CharField("设定依据", max_length=300, blank=True)
    established_on = models.DateField("设立日期")
    abolished_on = models.DateField("取消日期", null=True, blank=True)

    class Meta:
        verbose_name = "权责事项"
        verbose_name_plural = "权责事项"
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name


class Decision(models.Model):
    """One decision on a licence, a penalty, a coercive measure or another external service matter."""

    agency = models.ForeignKey(Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="decisions")
    kind = models.CharField(
        "类别", max_length=14, choices=ActionKind.choices, help_text="条例第二十条第（五）项、第（六）项。"
    )
    number = models.CharField("决定书文号", max_length=80)
    decided_on = models.DateField("决定日期")
    matter = models.CharField("事项名称", max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="录入人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "处理决定"
        verbose_name_plural = "处理决定"
        ordering = ["-decided_on", "number"]
        constraints = [models.UniqueConstraint(fields=["agency", "kind", "number"], name="unique_decision_number")]
        indexes = [models.Index(fields=["agency", "kind", "decided_on"])]

    def __str__(self) -> str:
        return self.number


class FeeIncome(models.Model):
    agency = models.ForeignKey(Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="fee_incomes")
    year = models.PositiveSmallIntegerField("年度")
    item = models.CharField("收费项目", max_length=200)
    amount = models.DecimalField(
        "收费金额（万元）", help_text="条例第二十条第（八）项；以万元计，保留 4 位小数。", **AMOUNT
    )

    class Meta:
        verbose_name = "行政事业性收费"
        verbose_name_plural = "行政事业性收费"
        ordering = ["-year", "item"]
        constraints = [models.UniqueConstraint(fields=["agency", "year", "item"], name="unique_fee_income")]

    def __str__(self) -> str:
        return f"{self.year} {self.item}"


class Procurement(models.Model):
    agency = models.ForeignKey(Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="procurements")
    project = models.CharField("采购项目", max_length=200)
    contracted_on = models.DateField("合同签订日期")
    amount = models.DecimalField("采购金额（万元）", help_text="条例第二十条第（九）项（2019 年格式）。", **AMOUNT)

    class Meta:
        verbose_name = "政府集中采购"
        verbose_name_plural = "政府集中采购"
        ordering = ["-contracted_on"]

    def __str__(self) -> str:
        return self.project


class Channel(models.TextChoices):
    WEBSITE = "website", "政府网站"
    WEIBO = "weibo", "政务微博"
    WECHAT = "wechat", "政务微信"
    DOUYIN = "douyin", "政务抖音"


class ChannelCount(models.Model):
    agency = models.ForeignKey(Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="channel_counts")
    year = models.PositiveSmallIntegerField("年度")
    channel = models.CharField("渠道", max_length=10, choices=Channel.choices)
    items = models.PositiveIntegerField("发布信息条数")

    class Meta:
        verbose_name = "公开渠道发布量"
        verbose_name_plural = "公开渠道发布量"
        ordering = ["-year", "channel"]
        constraints = [models.UniqueConstraint(fields=["agency", "year", "channel"], name="unique_channel_count")]


class ActivityKind(models.TextChoices):
    INTERPRETATION = "interpretation", "政策解读"
    PRESS = "press", "新闻发布会"
    TRAINING = "training", "业务培训"


class Activity(models.Model):
    agency = models.ForeignKey(Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="activities")
    kind = models.CharField("类别", max_length=16, choices=ActivityKind.choices)
    held_on = models.DateField("日期")
    title = models.CharField("名称", max_length=200)
    participants = models.PositiveIntegerField("参加人次", null=True, blank=True)

    class Meta:
        verbose_name = "公开工作活动"
        verbose_name_plural = "公开工作活动"
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return self.title
