"""Forms of the application pages: the public online form, the staff intake form, the action forms of a
case, the list filters and the review/litigation form.

Forms only check and convert input; every change goes through the domain functions of
`web.applications.lifecycle` (which log it).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone

from web.accounts.models import Agency
from web.applications.choices import (
    ApplicantType,
    DeliveryChannel,
    FeeMethodChoice,
    FormWanted,
    Outcome,
    ReceiptChannel,
)
from web.applications.validators import MAX_ATTACHMENT_BYTES, attachment_error
from xxgk.identifiers import id_number_error, uscc_error
from xxgk.identifiers import normalise as normalise_code
from xxgk.workdays.receipt import RAW_DATE_LABELS, RECEIPT_RULES

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ApplicantForm(forms.Form):
    """The content 条例第二十九条 requires of every application, whatever the channel."""

    agency = forms.ModelChoiceField(
        label="受理机关", queryset=Agency.objects.none(), empty_label="请选择受理申请的机关"
    )
    applicant_type = forms.ChoiceField(
        label="申请人类型",
        choices=[("", "请选择"), *list(ApplicantType.choices)],
        help_text="自然人，或法人、其他组织的类别（用于年度报告表二的统计）。",
    )
    applicant_name = forms.CharField(label="姓名或名称", max_length=100)
    id_number = forms.CharField(
        label="身份证件号码",
        max_length=30,
        help_text="自然人填写18位公民身份号码；法人或其他组织填写18位统一社会信用代码。",
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "data_person": "公民身份号码", "data_org": "统一社会信用代码"}
        ),
    )
    legal_representative = forms.CharField(
        label="法定代表人或联系人",
        max_length=60,
        required=False,
        widget=forms.TextInput(attrs={"data_org_only": "1"}),
    )
    phone = forms.CharField(label="联系电话", max_length=40, widget=forms.TextInput(attrs={"autocomplete": "tel"}))
    email = forms.EmailField(label="电子邮箱", required=False)
    address = forms.CharField(label="通信地址", max_length=200, required=False)
    description = forms.CharField(
        label="所需政府信息的名称或内容描述",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="请尽量写明信息的名称、文号、形成时间或其他有助于确定信息的特征（条例第二十九条第二款第二项）。",
    )
    document_number = forms.CharField(label="文号（如知道）", max_length=100, required=False)
    delivery_form = forms.ChoiceField(label="获取信息的载体形式", choices=FormWanted.choices)
    delivery_channel = forms.ChoiceField(label="获取信息的方式", choices=DeliveryChannel.choices)
    attachment = forms.FileField(
        label="附件（可选）",
        required=False,
        help_text="身份证明或补充材料：PDF、JPG、PNG 或 Word（DOCX），不超过10 MB。",
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,.docx"}),
    )

    def __init__(self, *args: Any, agencies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies if agencies is not None else Agency.objects.all()  # type: ignore[attr-defined]

    def clean_id_number(self) -> str:
        return normalise_code(self.cleaned_data["id_number"])

    def clean_attachment(self) -> UploadedFile | None:
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        error = attachment_error(upload.name or "附件", upload.size or 0, upload)
        if error:
            raise forms.ValidationError(error)
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("applicant_type")
        number = data.get("id_number")
        if kind and number:
            error = id_number_error(number) if kind == ApplicantType.NATURAL_PERSON else uscc_error(number)
            if error:
                self.add_error("id_number", error)
        channel = data.get("delivery_channel")
        if channel == DeliveryChannel.EMAIL and not data.get("email"):
            self.add_error("email", "选择以电子邮件方式获取信息时，请填写电子邮箱。")
        if channel == DeliveryChannel.POST and not data.get("address"):
            self.add_error("address", "选择邮寄方式获取信息时，请填写通信地址。")
        return data


class PublicApplicationForm(ApplicantForm):
    """The online form (互联网渠道): no receipt date — it is fixed when the agency confirms (第三十一条)."""

    confirm = forms.BooleanField(
        label="本人承诺所填信息真实，并知悉网上提交的申请以双方确认之日为收到申请之日。",
        required=True,
        error_messages={"required": "请阅读并勾选确认事项。"},
    )


def channel_rule_texts() -> dict[str, str]:
    """Per channel, which date to enter and the 第三十一条 rule (shown next to the date field)."""
    return {channel: f"请填写{RAW_DATE_LABELS[field]}：{rule}。" for channel, (field, rule) in RECEIPT_RULES.items()}


class StaffApplicationForm(ApplicantForm):
    """Staff entry of an application received in person, by post, fax, online, e-mail or orally."""

    channel = forms.ChoiceField(label="提交方式", choices=ReceiptChannel.choices)
    received_on = forms.DateField(
        label="收到申请之日的认定日期",
        widget=DATE_INPUT,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].empty_label = None  # type: ignore[attr-defined]
        self.fields["phone"].required = False
        self.fields["attachment"].help_text = "申请表扫描件、信封、身份证明等：PDF、JPG、PNG 或 DOCX，不超过10 MB。"

    def receipt_dates(self) -> dict[str, dt.date | None]:
        """The raw date keyword (submitted_on / signed_on / confirmed_on / arrived_on) for the channel."""
        field, _ = RECEIPT_RULES[self.cleaned_data["channel"]]
        return {field: self.cleaned_data.get("received_on")}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        when = data.get("received_on")
        if when and when > timezone.localdate():
            self.add_error("received_on", "收到日期不能晚于今天。")
        if not (data.get("phone") or data.get("email") or data.get("address")):
            self.add_error("phone", "请至少填写一种联系方式（电话、电子邮箱或通信地址，条例第二十九条）。")
        return data


__all__ = [
    "MAX_ATTACHMENT_BYTES",
    "ApplicantForm",
    "PublicApplicationForm",
    "StaffApplicationForm",
    "channel_rule_texts",
]


# --- action forms of a case ------------------------------------------------------------------------


class ActionForm(forms.Form):
    """Common fields: the legal date of the step, the document number, a note, and the case version the
    clerk saw (a concurrent change by someone else is then detected by the domain)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    date = forms.DateField(label="日期", widget=DATE_INPUT, help_text="办理事项的法律日期（发文、收到、签收之日）。")
    document_ref = forms.CharField(label="文书编号", max_length=100, required=False)
    note = forms.CharField(label="说明", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def clean_date(self) -> dt.date:
        day = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise forms.ValidationError("日期不能晚于今天。")
        return day


class CorrectionForm(ActionForm):
    items = forms.CharField(
        label="需要补正的全部事项（每行一项）",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="条例第三十条：一次性告知需要补正的全部事项，并给出合理的补正期限。",
    )
    period_days = forms.IntegerField(label="补正期限（工作日）", min_value=1, max_value=60, initial=15)
    field_order = ["version", "date", "items", "period_days", "document_ref", "note"]

    def clean_items(self) -> list[str]:
        items = [line.strip(" \t-•·0123456789.、．") for line in self.cleaned_data["items"].splitlines()]
        items = [i for i in items if i]
        if not items:
            raise forms.ValidationError("请逐项列明需要补正的事项，每行一项。")
        return items


class ConsultationForm(ActionForm):
    party = forms.CharField(label="征求意见对象", max_length=100, help_text="第三方名称或被征求意见的机关名称。")
    field_order = ["version", "date", "party", "document_ref", "note"]


class ExtensionForm(ActionForm):
    days = forms.IntegerField(
        label="延长的工作日数",
        min_value=1,
        max_value=20,
        initial=20,
        help_text="经政府信息公开工作机构负责人同意，延长期限最长不得超过20个工作日（条例第三十三条第二款）。",
    )
    field_order = ["version", "date", "days", "document_ref", "note"]


class FeeForm(ActionForm):
    method = forms.ChoiceField(label="收费方式", choices=FeeMethodChoice.choices)
    quantity = forms.IntegerField(
        label="页数（按量计收时填写）",
        min_value=1,
        required=False,
        help_text="按件计收时留空：系统按申请人本自然月的申请件次计算。",
    )
    field_order = ["version", "date", "method", "quantity", "document_ref", "note"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("method") == FeeMethodChoice.PER_PAGE and not data.get("quantity"):
            self.add_error("quantity", "按量计收须填写页数。")
        return data


def decision_outcomes(on: dt.date | None = None) -> list[tuple[str, str]]:
    """The outcome leaves a reply can choose: not the two 'deemed abandoned' rows (recorded by their own
    actions) and, from 2021, not the single （六） row of the 2019 layout."""
    year = (on or timezone.localdate()).year
    skip = {Outcome.OTHER_1, Outcome.OTHER_2} | ({Outcome.OTHER} if year >= 2021 else set())
    return [(code, label) for code, label in Outcome.choices if code not in skip]


class DecideForm(ActionForm):
    outcome = forms.ChoiceField(
        label="办理结果（只选一项）",
        choices=(),
        help_text="对应年度报告表二的一个结果行；区分处理的只计“部分公开”（条例第三十七条）。",
    )
    basis = forms.CharField(
        label="法律依据",
        max_length=200,
        required=False,
        help_text="留空时按办理结果自动引用条例相应条款（如“第三十六条第（二）项”）。",
    )
    field_order = ["version", "date", "outcome", "basis", "document_ref", "note"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = [("", "请选择办理结果"), *decision_outcomes()]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("outcome") and not data.get("basis"):
            from web.applications.letterdata import REPLY_TEXT

            data["basis"] = REPLY_TEXT[data["outcome"]][0]
        return data


# --- list filters --------------------------------------------------------------------------------------

DUE_CHOICES = [
    ("", "全部"),
    ("overdue", "已超期"),
    ("soon", "5个工作日内到期"),
    ("ok", "期限内"),
    ("paused", "期限暂停"),
    ("done", "已办结"),
]


class CaseFilterForm(forms.Form):
    q = forms.CharField(
        label="搜索",
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "受理编号或申请内容", "data-search": "1"}),
    )
    state = forms.ChoiceField(label="办理状态", required=False, choices=())
    outcome = forms.ChoiceField(label="办理结果", required=False, choices=[("", "全部"), *list(Outcome.choices)])
    applicant_type = forms.ChoiceField(
        label="申请人类型", required=False, choices=[("", "全部"), *list(ApplicantType.choices)]
    )
    channel = forms.ChoiceField(label="提交方式", required=False, choices=[("", "全部"), *list(ReceiptChannel.choices)])
    year = forms.IntegerField(label="收到年度", required=False, min_value=2008, max_value=2100)
    handler = forms.ChoiceField(label="经办人", required=False, choices=())
    due = forms.ChoiceField(label="期限", required=False, choices=DUE_CHOICES)

    def __init__(self, *args: Any, handlers: list[tuple[str, str]] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        from web.applications.lifecycle import STATE_LABELS

        self.fields["state"].choices = [("", "全部"), *STATE_LABELS.items()]  # type: ignore[attr-defined]
        self.fields["handler"].choices = [("", "全部"), ("none", "未指定"), *handlers]  # type: ignore[attr-defined]


# --- reconsideration / litigation --------------------------------------------------------------------------


class ReviewCaseForm(forms.ModelForm):
    class Meta:
        from web.applications.models import ReviewCase

        model = ReviewCase
        fields = [
            "agency",
            "route",
            "agency_role",
            "case_number",
            "body",
            "application",
            "filed_on",
            "concluded_on",
            "result",
            "note",
        ]
        widgets = {"filed_on": DATE_INPUT, "concluded_on": DATE_INPUT, "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, agencies: Any, applications: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]
        self.fields["application"].queryset = applications  # type: ignore[attr-defined]
        self.fields["application"].label_from_instance = lambda a: a.tracking_number  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        application = data.get("application")
        agency = data.get("agency")
        if application is not None and agency is not None and application.agency_id != agency.pk:
            self.add_error("application", "所涉申请须为本机关受理的申请。")
        return data
