"""Disclosure applications (依申请公开), their append-only event log, attachments, and the reconsideration and
litigation cases about the agency's disclosure decisions.

The case state and every deadline are derived from the events (`web.applications.lifecycle`), never stored
as truth. The only derived value kept on the row is `received_on` (fixed by the channel's raw dates under
条例第三十一条), because the annual-report tables are counted by it with aggregate queries. `version` is
bumped by every action and lets two handlers acting at once detect each other (`domain.ConflictError`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.crypto import constant_time_compare, get_random_string, salted_hmac

from web.accounts.models import Agency
from web.accounts.permissions import filter_visible
from web.applications.choices import (
    AgencyRole,
    ApplicantType,
    DeliveryChannel,
    EventKind,
    FeeMethodChoice,
    FormWanted,
    Outcome,
    ReceiptChannel,
    ReviewResult,
    ReviewRoute,
)
from xxgk.identifiers import id_number_error, masked_id_number, normalise, uscc_error
from xxgk.workdays.receipt import ReceiptDateUnknown, receipt_date

if TYPE_CHECKING:
    from web.applications.lifecycle import CaseView, Deadline
    from xxgk.workdays import WorkdayCalendar

# Events that conclude a case for table 2 (三、本年度办理结果), each carrying the outcome leaf.
CONCLUDING_KINDS: tuple[str, ...] = (
    EventKind.DECIDED,
    EventKind.CORRECTION_LAPSED,
    EventKind.FEE_LAPSED,
    EventKind.WITHDRAWN,
)


def _code_digest(salt: str, code: str) -> str:
    return salted_hmac(f"xxgk.applications.code.{salt}", code.strip().upper(), algorithm="sha256").hexdigest()


class ApplicationQuerySet(models.QuerySet["Application"]):
    def visible_to(self, user: Any) -> ApplicationQuerySet:
        """Applications of the agencies the user may see (web.accounts.permissions decides)."""
        return filter_visible(self, user)  # type: ignore[return-value]

    def with_conclusion(self) -> ApplicationQuerySet:
        """Annotate `concluded_on` (date of the concluding event) and `outcome` (its table-2 leaf)."""
        concluding = CaseEvent.objects.filter(application=OuterRef("pk"), kind__in=CONCLUDING_KINDS)
        return self.annotate(
            concluded_on=models.Subquery(concluding.values("date")[:1]),
            outcome=models.Subquery(concluding.values("outcome")[:1]),
        )

    def concluded_by(self, day: dt.date) -> ApplicationQuerySet:
        done = CaseEvent.objects.filter(application=OuterRef("pk"), kind__in=CONCLUDING_KINDS, date__lte=day)
        return self.filter(Exists(done))

    def open_on(self, day: dt.date) -> ApplicationQuerySet:
        """Received on or before `day` and not concluded by the end of `day`."""
        done = CaseEvent.objects.filter(application=OuterRef("pk"), kind__in=CONCLUDING_KINDS, date__lte=day)
        return self.filter(received_on__lte=day).filter(~Exists(done))

    def open(self) -> ApplicationQuerySet:
        """Not concluded at all (whatever the date of its concluding event)."""
        done = CaseEvent.objects.filter(application=OuterRef("pk"), kind__in=CONCLUDING_KINDS)
        return self.filter(~Exists(done))

    def of_applicant(self, id_number: str) -> ApplicationQuerySet:
        return self.filter(id_number=normalise(id_number))


class Application(models.Model):
    agency = models.ForeignKey(
        Agency,
        verbose_name="受理机关",
        on_delete=models.PROTECT,
        related_name="applications",
        help_text="向地方各级人民政府或县级以上人民政府部门提出（条例第二十七条）。",
    )
    tracking_number = models.CharField("受理编号", max_length=32, unique=True)
    verification_code_hash = models.CharField(
        "查询码（散列）", max_length=128, blank=True, help_text="申请人凭受理编号和查询码在门户网站查询办理进度。"
    )

    applicant_type = models.CharField(
        "申请人类型",
        max_length=16,
        choices=ApplicantType.choices,
        help_text="决定年度报告表二中计入的列（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）。",
    )
    applicant_name = models.CharField("申请人姓名/名称", max_length=100)
    id_number = models.CharField(
        "身份证件号码/统一社会信用代码",
        max_length=18,
        help_text="申请人身份证明（条例第二十九条第二款第一项）：自然人填写 18 位居民身份证号码，"
        "法人或其他组织填写统一社会信用代码。",
    )
    legal_representative = models.CharField("法定代表人/负责人", max_length=60, blank=True)
    contact_name = models.CharField("联系人", max_length=60, blank=True)
    phone = models.CharField("联系电话", max_length=40, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    address = models.CharField("通信地址", max_length=200, blank=True)
    postal_code = models.CharField("邮政编码", max_length=10, blank=True)

    description = models.TextField(
        "所需信息的名称或内容描述",
        help_text="政府信息的名称、文号或者便于行政机关查询的其他特征性描述（条例第二十九条第二款第二项）。",
    )
    document_number = models.CharField("文号", max_length=100, blank=True)
    purpose = models.CharField("用途（选填）", max_length=200, blank=True)
    form_wanted = models.CharField(
        "所需信息的指定提供载体形式",
        max_length=12,
        choices=FormWanted.choices,
        default=FormWanted.PAPER,
        help_text="条例第二十九条第二款第三项、第四十条。",
    )
    delivery_wanted = models.CharField(
        "获取信息的方式", max_length=12, choices=DeliveryChannel.choices, default=DeliveryChannel.POST
    )

    channel = models.CharField(
        "申请渠道",
        max_length=16,
        choices=ReceiptChannel.choices,
        help_text="当面提交和邮政寄送是基本渠道，不得以任何理由拒收（国办公开办函〔2017〕19号）。",
    )
    submitted_on = models.DateField(
        "提交日期", null=True, blank=True, help_text="当面提交、口头申请：提交之日为收到申请之日。"
    )
    signed_on = models.DateField("签收日期", null=True, blank=True, help_text="需签收的邮件：签收之日为收到申请之日。")
    confirmed_on = models.DateField(
        "确认日期",
        null=True,
        blank=True,
        help_text="平信、网上申请、传真：与申请人确认之日为收到申请之日（条例第三十一条）。",
    )
    arrived_on = models.DateField("到达日期", null=True, blank=True, help_text="电子邮件：邮件系统收到之日。")
    received_on = models.DateField(
        "收到申请之日",
        db_index=True,
        editable=False,
        help_text="按条例第三十一条由渠道和相应日期确定；答复期限自次日起算。",
    )

    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="经办人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="handled_applications",
    )
    version = models.PositiveIntegerField("版本", default=0, editable=False)
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = "政府信息公开申请"
        verbose_name_plural = "政府信息公开申请"
        ordering = ["-received_on", "-id"]
        indexes = [
            models.Index(fields=["agency", "received_on"]),
            models.Index(fields=["id_number", "received_on"]),
        ]

    def __str__(self) -> str:
        return self.tracking_number

    # --- derived values ------------------------------------------------------------------------------

    def derive_received_on(self) -> dt.date:
        """The receipt date under 条例第三十一条 from the channel and its raw dates."""
        return receipt_date(
            self.channel,
            submitted_on=self.submitted_on,
            signed_on=self.signed_on,
            confirmed_on=self.confirmed_on,
            arrived_on=self.arrived_on,
        )

    @property
    def is_natural_person(self) -> bool:
        return self.applicant_type == ApplicantType.NATURAL_PERSON

    @property
    def masked_id_number(self) -> str:
        return masked_id_number(self.id_number)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.id_number:
            self.id_number = normalise(self.id_number)
            error = id_number_error(self.id_number) if self.is_natural_person else uscc_error(self.id_number)
            if error:
                errors["id_number"] = error
        if self.channel:
            try:
                self.received_on = self.derive_received_on()
            except ReceiptDateUnknown as exc:
                errors[exc.field] = str(exc)
        if errors:
            raise ValidationError(errors)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.id_number = normalise(self.id_number)
        self.received_on = self.derive_received_on()
        super().save(*args, **kwargs)

    # --- verification code for the public tracking page --------------------------------------------

    # A keyed HMAC (SECRET_KEY + per-case salt) rather than the password hasher: codes are random (40 bits),
    # guessing online is rate-limited, and PBKDF2 at password strength would make bulk intake take minutes.
    def set_verification_code(self, code: str) -> None:
        salt = get_random_string(12)
        self.verification_code_hash = f"hmac${salt}${_code_digest(salt, code)}"

    def check_verification_code(self, code: str) -> bool:
        scheme, _, rest = self.verification_code_hash.partition("$")
        salt, _, digest = rest.partition("$")
        if scheme != "hmac" or not salt or not digest:
            return False
        return constant_time_compare(digest, _code_digest(salt, code))

    # --- state and deadlines (derived from the events) ---------------------------------------------

    def events_in_order(self) -> list[CaseEvent]:
        prefetched = getattr(self, "_prefetched_objects_cache", {}).get("events")
        events = list(prefetched) if prefetched is not None else list(self.events.all())
        return sorted(events, key=lambda e: (e.date, e.seq, e.pk or 0))

    def view(self) -> CaseView:
        """The case as the lifecycle sees it: state, clock start, pauses, extension, conclusion."""
        from web.applications.lifecycle import CaseView

        return CaseView.from_events(self.received_on, self.events_in_order())

    @property
    def state(self) -> str:
        return self.view().state

    def due_date(self, calendar: WorkdayCalendar, today: dt.date | None = None) -> dt.date | None:
        """The reply deadline (第三十三条), or None when no reply clock runs (concluded, waiting for 补正,
        or paused by an open consultation and `today` not given). With `today`, an open pause counts as
        lasting until today, so the date is provisional."""
        return self.view().due_date(calendar, today)

    def next_deadline(self, calendar: WorkdayCalendar, today: dt.date) -> Deadline | None:
        """The deadline that matters now (reply, 补正 period, third-party answer, fee payment)."""
        return self.view().next_deadline(calendar, today)


class CaseEvent(models.Model):
    """One step of a case. Append-only: rows are never changed or deleted; a mistake is corrected by a new
    event with a note (the state machine in `lifecycle` decides which events may follow which)."""

    application = models.ForeignKey(Application, verbose_name="申请", on_delete=models.PROTECT, related_name="events")
    seq = models.PositiveIntegerField("序号", default=0, help_text="同一申请内的先后顺序。")
    kind = models.CharField("事项", max_length=40, choices=EventKind.choices)
    date = models.DateField("日期", help_text="事项发生的法律日期（发文、收到、签收之日），期限据此计算。")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField("记录时间", auto_now_add=True)
    document_ref = models.CharField("文书编号", max_length=100, blank=True)
    note = models.TextField("说明", blank=True)

    outcome = models.CharField(
        "办理结果",
        max_length=20,
        choices=Outcome.choices,
        blank=True,
        help_text="办结事项对应年度报告表二的一个结果行（区分处理的只计部分公开）。",
    )
    basis = models.CharField("法律依据", max_length=200, blank=True, help_text="例如：条例第三十六条第（二）项")
    items = models.JSONField(
        "补正事项", default=list, blank=True, help_text="一次性告知需要补正的全部事项（条例第三十条）。"
    )
    days = models.PositiveSmallIntegerField(
        "天数（工作日）",
        null=True,
        blank=True,
        help_text="补正期限或延长答复的工作日数（延期最长 20 个工作日，条例第三十三条）。",
    )
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="批准人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="延期须经政府信息公开工作机构负责人同意（条例第三十三条第二款）。",
    )
    party = models.CharField("第三方/被征求意见机关", max_length=100, blank=True)
    fee_method = models.CharField("收费方式", max_length=12, choices=FeeMethodChoice.choices, blank=True)
    fee_quantity = models.PositiveIntegerField(
        "件次/页数", null=True, blank=True, help_text="按件：本月第几件申请；按量：页数。"
    )
    fee_amount = models.DecimalField(
        "金额（元）",
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="国办函〔2020〕109号第四条、第五条。",
    )

    class Meta:
        verbose_name = "办理记录"
        verbose_name_plural = "办理记录"
        ordering = ["application_id", "date", "seq", "id"]
        constraints = [models.UniqueConstraint(fields=["application", "seq"], name="unique_event_seq")]
        indexes = [models.Index(fields=["kind", "date"])]

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not kwargs.get("force_insert"):
            raise ValidationError("办理记录只能追加，不能修改")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ValidationError("办理记录只能追加，不能删除")


ALLOWED_CONTENT_TYPES: dict[str, tuple[bytes, ...]] = {
    "application/pdf": (b"%PDF",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (b"PK\x03\x04",),
    "application/msword": (b"\xd0\xcf\x11\xe0",),
    "application/ofd": (b"PK\x03\x04",),
}
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


def attachment_path(instance: Attachment, filename: str) -> str:
    today = dt.date.today()
    return f"applications/{today:%Y/%m}/{instance.application_id}/{filename}"


class Attachment(models.Model):
    application = models.ForeignKey(
        Application, verbose_name="申请", on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField("文件", upload_to=attachment_path)
    original_name = models.CharField("原文件名", max_length=200)
    content_type = models.CharField("文件类型", max_length=100)
    size = models.PositiveIntegerField("大小（字节）")
    description = models.CharField("说明", max_length=100, blank=True, help_text="如：身份证明、申请表、补正材料。")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="上传人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)

    class Meta:
        verbose_name = "申请附件"
        verbose_name_plural = "申请附件"
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name

    def clean(self) -> None:
        """Check type and size against the file's first bytes (also fills size and the original name)."""
        if not self.file:
            return
        upload = self.file.file
        head = upload.read(16)
        upload.seek(0)
        self.size = self.file.size
        self.original_name = self.original_name or self.file.name.rsplit("/", 1)[-1]
        self.content_type = self.content_type or getattr(upload, "content_type", "") or ""
        validate_attachment(self.original_name, self.content_type, self.size, head)


def validate_attachment(name: str, content_type: str, size: int, head: bytes) -> None:
    """Raise ValidationError unless the file is an allowed type (declared type and first bytes agree) and at
    most 20 MB. `head` is the first bytes of the file."""
    if size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(f"附件「{name}」大小为 {size / 1024 / 1024:.1f} MB，超过 20 MB 上限")
    if size == 0:
        raise ValidationError(f"附件「{name}」是空文件")
    magics = ALLOWED_CONTENT_TYPES.get(content_type)
    if magics is None:
        raise ValidationError(
            f"附件「{name}」的类型 {content_type or '未知'} 不受支持（可上传 PDF、JPG、PNG、DOC、DOCX、OFD）"
        )
    if not any(head.startswith(m) for m in magics):
        raise ValidationError(f"附件「{name}」的内容与其声明的类型 {content_type} 不符")


class ReviewCaseQuerySet(models.QuerySet["ReviewCase"]):
    def visible_to(self, user: Any) -> ReviewCaseQuerySet:
        return filter_visible(self, user)  # type: ignore[return-value]

    def counted(self) -> ReviewCaseQuerySet:
        """Cases this agency counts in table 3 (T3-03: not those where it is only the co-defendant review body)."""
        return self.filter(agency_role=AgencyRole.ORIGINAL)

    def pending_on(self, day: dt.date) -> ReviewCaseQuerySet:
        return self.filter(filed_on__lte=day).filter(Q(concluded_on__isnull=True) | Q(concluded_on__gt=day))


class ReviewCase(models.Model):
    """An administrative reconsideration (行政复议) or lawsuit (行政诉讼) about a disclosure decision."""

    agency = models.ForeignKey(
        Agency,
        verbose_name="被申请人/被告机关",
        on_delete=models.PROTECT,
        related_name="review_cases",
        help_text="作出被复议、被诉的政府信息公开行为的本机关。",
    )
    application = models.ForeignKey(
        Application,
        verbose_name="所涉申请",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="review_cases",
    )
    route = models.CharField(
        "类型",
        max_length=16,
        choices=ReviewRoute.choices,
        help_text="对应年度报告表三的行政复议、未经复议直接起诉、复议后起诉。",
    )
    agency_role = models.CharField(
        "本机关身份",
        max_length=12,
        choices=AgencyRole.choices,
        default=AgencyRole.ORIGINAL,
        help_text="复议机关作共同被告的，只由原行政行为机关统计（国办公开办函〔2016〕201号）。",
    )
    case_number = models.CharField("案号", max_length=100, blank=True)
    body = models.CharField("复议机关/审理法院", max_length=100, blank=True)
    filed_on = models.DateField("申请/立案日期")
    concluded_on = models.DateField("审结日期", null=True, blank=True)
    result = models.CharField(
        "结果",
        max_length=12,
        choices=ReviewResult.choices,
        default=ReviewResult.PENDING,
        help_text="维持、纠正（撤销、变更、确认违法、责令履行等）、其他（驳回、撤回、终止等）、尚未审结。",
    )
    note = models.TextField("备注", blank=True)
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    objects = ReviewCaseQuerySet.as_manager()

    class Meta:
        verbose_name = "行政复议/行政诉讼案件"
        verbose_name_plural = "行政复议/行政诉讼案件"
        ordering = ["-filed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_route_display()} {self.case_number or self.pk}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.result == ReviewResult.PENDING and self.concluded_on is not None:
            errors["result"] = "已填写审结日期的案件须选择审结结果"
        if self.result != ReviewResult.PENDING and self.concluded_on is None:
            errors["concluded_on"] = "已审结的案件须填写审结日期"
        if self.concluded_on and self.filed_on and self.concluded_on < self.filed_on:
            errors["concluded_on"] = "审结日期不能早于申请/立案日期"
        if errors:
            raise ValidationError(errors)

    def result_on(self, day: dt.date) -> str:
        """The table-3 leaf on `day`: the result once concluded by then, otherwise 尚未审结."""
        if self.concluded_on is None or self.concluded_on > day:
            return ReviewResult.PENDING
        return self.result
