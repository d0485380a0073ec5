"""Proactive disclosure (主动公开): the catalogue of items, the columns (栏目) they appear in, the
publishing workflow (draft → 保密审查 → approval → published) and its history.

Statutory rules live in small modules: `categories` (条例第二十条), `timeliness` (第二十六条) and
`monitor` (website column thresholds, spec §F.2). Permissions are decided in `web.accounts.permissions`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q

from web.accounts.models import Agency, log_change
from web.accounts.permissions import filter_visible
from web.catalogue import monitor
from web.catalogue.categories import CATEGORY_CHOICES, OWN_CATEGORY, category_label
from web.catalogue.timeliness import is_published_late, publication_due
from xxgk.workdays import CalendarYearMissing


class WorkflowError(Exception):
    """A transition that the item's state or the actor does not allow (message in Chinese)."""


class ColumnType(models.TextChoices):
    DYNAMIC = monitor.DYNAMIC, "动态要闻"
    NOTICE = monitor.NOTICE, "通知公告"
    POLICY = monitor.POLICY, "政策文件"
    PERSONNEL = monitor.PERSONNEL, "人事"
    PLANNING = monitor.PLANNING, "规划计划"
    INTERACTIVE = monitor.INTERACTIVE, "互动"
    REPORT = monitor.REPORT, "年度报告"
    OTHER = monitor.OTHER, "其他"


class Column(models.Model):
    agency = models.ForeignKey(Agency, verbose_name="机关", on_delete=models.CASCADE, related_name="columns")
    name = models.CharField("栏目名称", max_length=60)
    column_type = models.CharField(
        "栏目类型",
        max_length=12,
        choices=ColumnType.choices,
        help_text="决定更新期限：动态要闻类 2 周、通知公告与政策文件类 6 个月（国办秘函〔2019〕19号 单项否决指标）。",
    )
    top_level = models.BooleanField("一级栏目", default=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="责任人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_columns",
    )
    position = models.PositiveSmallIntegerField("排序", default=0)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        verbose_name = "栏目"
        verbose_name_plural = "栏目"
        ordering = ["agency_id", "position", "name"]
        constraints = [models.UniqueConstraint(fields=["agency", "name"], name="unique_column_name")]

    def __str__(self) -> str:
        return self.name


class Reminder(models.Model):
    """A reminder to a column's owner that the column is overdue, empty or about to be."""

    column = models.ForeignKey(Column, verbose_name="栏目", on_delete=models.CASCADE, related_name="reminders")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="提醒对象", on_delete=models.CASCADE, related_name="column_reminders"
    )
    message = models.CharField("提醒内容", max_length=300)
    created_at = models.DateTimeField("提醒时间", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="发出人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    done_at = models.DateTimeField("处理时间", null=True, blank=True)

    class Meta:
        verbose_name = "栏目更新提醒"
        verbose_name_plural = "栏目更新提醒"
        ordering = ["done_at", "-created_at"]


class Status(models.TextChoices):
    DRAFT = "draft", "草稿"
    REVIEW = "review", "待保密审查"
    APPROVAL = "approval", "待审批"
    PUBLISHED = "published", "已发布"


class Validity(models.TextChoices):
    VALID = "valid", "有效"
    EXPIRED = "expired", "失效"
    REPEALED = "repealed", "废止"


class ItemQuerySet(models.QuerySet["Item"]):
    def visible_to(self, user: Any) -> ItemQuerySet:
        return filter_visible(self, user)

    def published(self) -> ItemQuerySet:
        return self.filter(status=Status.PUBLISHED)

    def search(self, text: str) -> ItemQuerySet:
        """Chinese full-text search: every whitespace-separated term in the title, body, 文号 or 索引号.

        Chinese has no word boundaries, so a substring match per term is what users expect; it works the
        same on SQLite and PostgreSQL.
        """
        qs = self
        for term in text.split()[:8]:
            qs = qs.filter(
                Q(title__icontains=term)
                | Q(body__icontains=term)
                | Q(doc_no__icontains=term)
                | Q(index_no__icontains=term)
            )
        return qs

    def policies_without_interpretation(self) -> ItemQuerySet:
        return self.published().filter(is_policy=True).exclude(interpretations__status=Status.PUBLISHED)


class Item(models.Model):
    agency = models.ForeignKey(Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="catalogue_items")
    column = models.ForeignKey(
        Column, verbose_name="栏目", null=True, blank=True, on_delete=models.SET_NULL, related_name="items"
    )
    category = models.CharField(
        "公开类别",
        max_length=8,
        choices=CATEGORY_CHOICES,
        help_text="条例第二十条列举的十五类主动公开信息，或本机关自定的类别（条例第十九条、第二十一条）。",
    )
    own_category = models.CharField("自定类别名称", max_length=60, blank=True)
    title = models.CharField("标题", max_length=200)
    body = models.TextField("正文", blank=True)
    index_no = models.CharField("索引号", max_length=60, blank=True)
    doc_no = models.CharField("文号", max_length=80, blank=True)
    issuer = models.CharField("发布机构", max_length=100)
    formed_on = models.DateField("成文日期", help_text="信息形成之日；条例第二十六条自此起算 20 个工作日内公开。")
    changed_on = models.DateField(
        "变更日期", null=True, blank=True, help_text="信息变更的，自变更之日起 20 个工作日内更新（条例第二十六条）。"
    )
    published_on = models.DateField("发布日期", null=True, blank=True)
    validity = models.CharField("有效性", max_length=10, choices=Validity.choices, default=Validity.VALID)
    is_policy = models.BooleanField("政策文件", default=False, help_text="政策文件应同步发布政策解读。")
    interprets = models.ForeignKey(
        "self",
        verbose_name="解读的政策文件",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interpretations",
        help_text="本条信息是对该政策文件的解读。",
    )
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.DRAFT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="起草人", on_delete=models.PROTECT, related_name="authored_items"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="保密审查人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviewed_items",
        help_text="拟公开的政府信息应当依照法律、法规和国家有关规定进行审查（条例第十七条），审查人不得为起草人。",
    )
    reviewed_at = models.DateTimeField("保密审查时间", null=True, blank=True)
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审批人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="approved_items",
    )
    approved_at = models.DateTimeField("审批时间", null=True, blank=True)
    rejection_reason = models.TextField("退回理由", blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    objects = ItemQuerySet.as_manager()

    class Meta:
        verbose_name = "主动公开信息"
        verbose_name_plural = "主动公开信息"
        ordering = ["-published_on", "-formed_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(reviewer__isnull=True) | ~Q(reviewer=models.F("author")), name="reviewer_is_not_author"
            ),
        ]
        indexes = [models.Index(fields=["agency", "status", "published_on"])]

    def __str__(self) -> str:
        return self.title

    # --- derived facts -----------------------------------------------------------------------

    @property
    def category_label(self) -> str:
        if self.category == OWN_CATEGORY and self.own_category:
            return self.own_category
        return category_label(self.category)

    @property
    def clock_start(self) -> dt.date:
        """The day the 第二十六条 period runs from: the latest change, or the day the information was formed."""
        return self.changed_on or self.formed_on

    @property
    def publication_due(self) -> dt.date | None:
        try:
            return publication_due(self.clock_start)
        except CalendarYearMissing:
            return None

    @property
    def is_late(self) -> bool | None:
        return is_published_late(self.clock_start, self.published_on)

    def lacks_interpretation(self) -> bool:
        return (
            self.is_policy
            and self.status == Status.PUBLISHED
            and not self.interpretations.filter(status=Status.PUBLISHED).exists()
        )

    # --- workflow ----------------------------------------------------------------------------

    def _event(self, actor: Any, action: str, before: str, note: str = "") -> None:
        ItemEvent.objects.create(
            item=self, actor=actor, action=action, from_status=before, to_status=self.status, note=note
        )
        summary = ItemEvent.Action(action).label + (f"：{note}" if note else "")
        log_change(actor, self.agency, self, action, summary)

    def record_created(self, actor: Any) -> None:
        self._event(actor, ItemEvent.Action.CREATE, "")

    def record_edited(self, actor: Any) -> None:
        self._event(actor, ItemEvent.Action.EDIT, self.status)

    def submit(self, actor: Any) -> None:
        """Send a draft to 保密审查."""
        if self.status != Status.DRAFT:
            raise WorkflowError("只有草稿可以提交保密审查")
        with transaction.atomic():
            before, self.status = self.status, Status.REVIEW
            self.rejection_reason = ""
            self.save(update_fields=["status", "rejection_reason", "updated_at"])
            self._event(actor, ItemEvent.Action.SUBMIT, before)

    def review(self, actor: Any, *, passed: bool, reason: str = "") -> None:
        """保密审查 by someone other than the author: pass → awaits approval; fail → back to draft with reason."""
        if self.status != Status.REVIEW:
            raise WorkflowError("该信息不在待保密审查状态")
        if actor.pk == self.author_id:
            raise WorkflowError("保密审查须由起草人以外的工作人员进行")
        if not passed and not reason.strip():
            raise WorkflowError("退回时请填写退回理由")
        with transaction.atomic():
            before = self.status
            if passed:
                self.status, self.reviewer, self.reviewed_at = Status.APPROVAL, actor, _now()
            else:
                self.status, self.rejection_reason = Status.DRAFT, reason.strip()
                self.reviewer, self.reviewed_at = None, None
            self.save()
            self._event(
                actor,
                ItemEvent.Action.REVIEW_PASS if passed else ItemEvent.Action.REVIEW_REJECT,
                before,
                reason.strip(),
            )

    def approve(self, actor: Any, *, passed: bool, today: dt.date, reason: str = "") -> None:
        """Approval by the 负责人: approve → published today; reject → back to draft with reason."""
        if self.status != Status.APPROVAL:
            raise WorkflowError("该信息不在待审批状态")
        if not passed and not reason.strip():
            raise WorkflowError("退回时请填写退回理由")
        with transaction.atomic():
            before = self.status
            if passed:
                self.status, self.approver, self.approved_at = Status.PUBLISHED, actor, _now()
                self.published_on = today
                if not self.index_no:
                    self.index_no = next_index_no(self.agency, today.year)
            else:
                self.status, self.rejection_reason = Status.DRAFT, reason.strip()
                self.reviewer, self.reviewed_at = None, None
            self.save()
            self._event(actor, ItemEvent.Action.APPROVE if passed else ItemEvent.Action.REJECT, before, reason.strip())

    def set_validity(self, actor: Any, validity: str, note: str = "") -> None:
        if self.status != Status.PUBLISHED:
            raise WorkflowError("只有已发布的信息可以变更有效性")
        if validity not in Validity.values:
            raise WorkflowError("有效性只能是有效、失效或废止")
        before = self.status
        self.validity = validity
        self.save(update_fields=["validity", "updated_at"])
        self._event(
            actor, ItemEvent.Action.VALIDITY, before, f"{Validity(validity).label}{'，' + note if note else ''}"
        )


def _now() -> dt.datetime:
    from django.utils import timezone

    return timezone.now()


def next_index_no(agency: Agency, year: int) -> str:
    """索引号: the agency's region code (or number), the year and a running number, e.g. 320802/2025-00012."""
    prefix = f"{agency.region_code or f'{agency.pk:06d}'}/{year}-"
    taken = Item.objects.filter(agency=agency, index_no__startswith=prefix).count()
    return f"{prefix}{taken + 1:05d}"


def attachment_path(instance: Attachment, filename: str) -> str:
    return f"catalogue/{instance.item.agency_id}/{instance.item_id}/{filename}"


class Attachment(models.Model):
    item = models.ForeignKey(Item, verbose_name="信息", on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField("文件", upload_to=attachment_path, max_length=300)
    name = models.CharField("附件名称", max_length=200)
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)

    class Meta:
        verbose_name = "附件"
        verbose_name_plural = "附件"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class ItemEvent(models.Model):
    """The history of one item, shown on its page (the change log keeps the same facts system-wide)."""

    class Action(models.TextChoices):
        CREATE = "create", "起草"
        EDIT = "edit", "修改"
        SUBMIT = "submit", "提交保密审查"
        REVIEW_PASS = "review_pass", "保密审查通过"
        REVIEW_REJECT = "review_reject", "保密审查退回"
        APPROVE = "approve", "审批通过并发布"
        REJECT = "reject", "审批退回"
        VALIDITY = "validity", "变更有效性"

    item = models.ForeignKey(Item, verbose_name="信息", on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField("时间", auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField("操作", max_length=16, choices=Action.choices)
    from_status = models.CharField("原状态", max_length=10, blank=True)
    to_status = models.CharField("新状态", max_length=10)
    note = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = "办理记录"
        verbose_name_plural = "办理记录"
        ordering = ["at", "id"]

    @property
    def to_status_label(self) -> str:
        return Status(self.to_status).label
