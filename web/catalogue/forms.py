from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model

from web.accounts.models import Agency, Membership
from web.catalogue.models import Column, Item, Status, Validity
from web.catalogue.uploads import attachment_error

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


class ItemForm(forms.ModelForm):
    attachment = forms.FileField(
        label="上传附件", required=False, help_text="可选；PDF、Word、Excel、WPS、OFD、图片或纯文本，单个不超过 20 MB。"
    )

    class Meta:
        model = Item
        fields = [
            "agency",
            "title",
            "category",
            "own_category",
            "column",
            "doc_no",
            "issuer",
            "formed_on",
            "changed_on",
            "is_policy",
            "interprets",
            "body",
        ]
        widgets = {
            "formed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "changed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "body": forms.Textarea(attrs={"rows": 10}),
        }

    def __init__(self, *args: Any, agencies: list[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ids = [a.pk for a in agencies]
        self.fields["agency"].queryset = Agency.objects.filter(pk__in=ids)
        self.fields["agency"].empty_label = None
        self.fields["column"].queryset = Column.objects.filter(agency_id__in=ids).select_related("agency")
        self.fields["interprets"].queryset = Item.objects.filter(agency_id__in=ids, is_policy=True).exclude(
            pk=self.instance.pk
        )
        self.fields["column"].empty_label = "（不放入栏目）"
        self.fields["interprets"].empty_label = "（不是政策解读）"
        if self.instance.pk:
            self.fields["agency"].disabled = True

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        agency = data.get("agency")
        column = data.get("column")
        if agency and column and column.agency_id != agency.pk:
            self.add_error("column", "栏目不属于所选机关")
        interprets = data.get("interprets")
        if agency and interprets and interprets.agency_id != agency.pk:
            self.add_error("interprets", "只能解读本机关的政策文件")
        if data.get("category") == "own" and not data.get("own_category"):
            self.add_error("own_category", "选择“本机关其他主动公开信息”时请填写自定类别名称")
        formed, changed = data.get("formed_on"), data.get("changed_on")
        if formed and changed and changed < formed:
            self.add_error("changed_on", "变更日期不能早于成文日期")
        upload = data.get("attachment")
        if upload:
            if upload.size > MAX_ATTACHMENT_BYTES:
                self.add_error("attachment", "附件超过 20 MB")
            elif (problem := attachment_error(upload.name, upload)) is not None:
                self.add_error("attachment", problem)
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(label="意见或退回理由", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ValidityForm(forms.Form):
    validity = forms.ChoiceField(label="有效性", choices=Validity.choices)
    note = forms.CharField(label="说明", required=False, max_length=200)


class ColumnForm(forms.ModelForm):
    class Meta:
        model = Column
        fields = ["agency", "name", "column_type", "top_level", "owner", "position"]

    def __init__(self, *args: Any, agencies: list[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ids = [a.pk for a in agencies]
        self.fields["agency"].queryset = Agency.objects.filter(pk__in=ids)
        self.fields["agency"].empty_label = None
        user_ids = Membership.objects.filter(agency_id__in=ids).values_list("user_id", flat=True)
        self.fields["owner"].queryset = get_user_model().objects.filter(pk__in=user_ids).order_by("username")
        self.fields["owner"].empty_label = "（未指定）"
        self.fields["owner"].label_from_instance = lambda u: u.get_full_name() or u.username  # type: ignore[attr-defined]
        if self.instance.pk:
            self.fields["agency"].disabled = True


class ItemFilterForm(forms.Form):
    q = forms.CharField(label="关键词", required=False)
    agency = forms.ModelChoiceField(label="机关", queryset=Agency.objects.none(), required=False, empty_label="全部")
    category = forms.ChoiceField(label="公开类别", required=False)
    status = forms.ChoiceField(label="状态", required=False, choices=[("", "全部"), *Status.choices])
    flag = forms.ChoiceField(
        label="提示",
        required=False,
        choices=[("", "全部"), ("late", "超过 20 个工作日发布"), ("no_interpretation", "政策文件缺少解读")],
    )

    def __init__(self, *args: Any, agencies: Any, **kwargs: Any) -> None:
        from web.catalogue.categories import CATEGORY_CHOICES

        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["category"].choices = [("", "全部"), *CATEGORY_CHOICES]
