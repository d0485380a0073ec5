from __future__ import annotations

from typing import Any

from django import forms
from django.db import models

from web.accounts.models import Agency
from web.registers.registry import Register


def record_form(register: Register, agencies: list[Agency], *args: Any, **kwargs: Any) -> forms.ModelForm:
    """A ModelForm for one record of `register`, the agency limited to those the user acts for."""

    def widget(field: models.Field) -> forms.Widget | None:
        if isinstance(field, models.DateField):
            return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        return None

    widgets = {name: w for name in register.fields if (w := widget(register.model._meta.get_field(name))) is not None}
    form_class = forms.modelform_factory(register.model, fields=("agency", *register.fields), widgets=widgets)
    form = form_class(*args, **kwargs)
    form.fields["agency"].queryset = Agency.objects.filter(pk__in=[a.pk for a in agencies])  # type: ignore[attr-defined]
    form.fields["agency"].empty_label = None  # type: ignore[attr-defined]
    if form.instance.pk:
        form.fields["agency"].disabled = True
    return form


class ImportForm(forms.Form):
    agency = forms.ModelChoiceField(label="机关", queryset=Agency.objects.none(), empty_label=None)
    file = forms.FileField(
        label="XLSX 或 CSV 文件",
        help_text="第一行为列名：类别、决定书文号、决定日期、事项名称。CSV 可用 UTF-8 或 GB18030 编码。",
    )

    def __init__(self, *args: Any, agencies: list[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(pk__in=[a.pk for a in agencies])  # type: ignore[attr-defined]

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > 20 * 1024 * 1024:
            raise forms.ValidationError("文件超过 20 MB，请分批导入")
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError("只能导入 XLSX 或 CSV 文件")
        return upload
