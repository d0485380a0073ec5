"""Forms of the report pages (labels in Chinese; every field labelled for screen readers)."""

from __future__ import annotations

from django import forms

from web.accounts.models import Agency

MAX_IMPORT_BYTES = 20 * 1024 * 1024


class CompileForm(forms.Form):
    agency = forms.ModelChoiceField(label="机关", queryset=Agency.objects.none())
    year = forms.IntegerField(label="报告年度", min_value=2019, max_value=2100)

    def __init__(self, *args: object, agencies: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if agencies is not None:
            self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]


class OverrideForm(forms.Form):
    ref = forms.ChoiceField(label="单元格")
    value = forms.CharField(
        label="修改后的值", required=False, max_length=40, help_text="填数字；留空表示空白；填「/」表示不适用。"
    )
    reason = forms.CharField(label="修改理由", widget=forms.Textarea(attrs={"rows": 2}), max_length=1000)

    def __init__(self, *args: object, choices: list[tuple[str, str]] = (), **kwargs: object) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["ref"].choices = choices  # type: ignore[attr-defined]


class CorrectForm(forms.Form):
    reason = forms.CharField(label="更正理由", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class ImportForm(CompileForm):
    file = forms.FileField(label="已发布的年度报告文件", help_text="PDF、DOCX、HTML、TXT 或 JSON，不超过 20 MB。")

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError("文件超过 20 MB。")
        return upload
