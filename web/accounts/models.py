"""Agencies (机关) in their hierarchy, the people who work for them, and the change log.

Who may see what follows from two facts only: a user's memberships (agency + role), and the agency tree.
Staff and approvers see their own agency's records; a supervisor at a parent agency sees the records of
every agency below it. The helpers in `web.accounts.permissions` are the one place this is decided.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import models

from xxgk.model import labels as L


class AgencyKind(models.TextChoices):
    GOVERNMENT = "gov", L.AGENCY_TYPES[0]  # 人民政府
    DEPARTMENT = "dept", L.AGENCY_TYPES[1]  # 部门
    TOWNSHIP = "town", L.AGENCY_TYPES[2]  # 乡镇街道
    OTHER = "other", L.AGENCY_TYPES[3]  # 其他


class Agency(models.Model):
    name = models.CharField("机关名称", max_length=100, unique=True)
    short_name = models.CharField("简称", max_length=40, blank=True)
    kind = models.CharField(
        "机关类型",
        max_length=8,
        choices=AgencyKind.choices,
        help_text="人民政府的年度报告须包含工作考核、社会评议和责任追究结果情况（条例第五十条）。",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="上级机关",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="本级人民政府是其部门和乡镇（街道）的上级；政务公开办据此汇总和监督。",
    )
    region = models.CharField("行政区划", max_length=60, blank=True)
    region_code = models.CharField("区划代码", max_length=12, blank=True)
    office_name = models.CharField("政府信息公开工作机构", max_length=100, blank=True)
    office_address = models.CharField("办公地址", max_length=200, blank=True)
    office_hours = models.CharField("办公时间", max_length=100, blank=True)
    office_phone = models.CharField("联系电话", max_length=40, blank=True)
    office_email = models.EmailField("电子邮箱", blank=True)
    postal_code = models.CharField("邮政编码", max_length=10, blank=True)
    website = models.URLField("门户网站", blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        verbose_name = "机关"
        verbose_name_plural = "机关"
        ordering = ["parent_id", "kind", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def agency_type_label(self) -> str:
        """The Chinese agency type used in the report model (人民政府 / 部门 / 乡镇街道 / 其他)."""
        return AgencyKind(self.kind).label

    def descendant_ids(self) -> set[int]:
        """Ids of every agency below this one (not itself), breadth first, one query per level."""
        found: set[int] = set()
        frontier = [self.pk]
        while frontier:
            children = list(Agency.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
            children = [c for c in children if c not in found]
            found.update(children)
            frontier = children
        return found

    def ancestors(self) -> Iterable[Agency]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class Role(models.TextChoices):
    STAFF = "staff", "经办人"
    APPROVER = "approver", "公开工作机构负责人"
    SUPERVISOR = "supervisor", "政务公开监督"


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="用户", on_delete=models.CASCADE, related_name="memberships"
    )
    agency = models.ForeignKey(Agency, verbose_name="机关", on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(
        "角色",
        max_length=12,
        choices=Role.choices,
        help_text="经办人办理本机关事项；负责人可审批延期和年报；监督角色可查看下级机关的数据。",
    )

    class Meta:
        verbose_name = "成员"
        verbose_name_plural = "成员"
        constraints = [models.UniqueConstraint(fields=["user", "agency", "role"], name="unique_membership")]

    def __str__(self) -> str:
        return f"{self.user} · {self.agency} · {self.get_role_display()}"


class ChangeLog(models.Model):
    """Append-only record of every change to a case, a report or a catalogue item: who, when, what."""

    at = models.DateTimeField("时间", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", null=True, blank=True, on_delete=models.SET_NULL
    )
    agency = models.ForeignKey(Agency, verbose_name="机关", null=True, blank=True, on_delete=models.SET_NULL)
    object_type = models.CharField("对象类型", max_length=40)
    object_id = models.CharField("对象编号", max_length=40)
    action = models.CharField("操作", max_length=40)
    summary = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = "操作记录"
        verbose_name_plural = "操作记录"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.object_type}#{self.object_id}"


def log_change(actor: object, agency: Agency | None, obj: models.Model, action: str, summary: str = "") -> ChangeLog:
    """Record a change. Never put personal data of applicants into `summary` (logs are shown to staff)."""
    user = actor if getattr(actor, "is_authenticated", False) else None
    return ChangeLog.objects.create(
        actor=user,
        agency=agency,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        action=action,
        summary=summary,
    )
