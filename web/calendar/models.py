"""Per-year holiday arrangements (国务院办公厅关于某年部分节假日安排的通知) as editable rows.

A year is known to the system only when a `HolidayYear` row exists for it; the core calendar then raises
`CalendarYearMissing` for any other year instead of guessing. Years the `chinesecalendar` package knows are
loaded by `manage.py load_calendar`; the next year's arrangement is entered in the admin when the State
Council announces it (usually in Q4).
"""

from __future__ import annotations

from django.db import models


class HolidayYear(models.Model):
    year = models.PositiveIntegerField(
        "年份",
        unique=True,
        help_text="录入该年份即表示其节假日安排已完整录入；下一年度安排由国务院办公厅公布后，请在此新增并逐日录入。",
    )
    source = models.CharField(
        "依据",
        max_length=200,
        blank=True,
        help_text="例如：国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔20xx〕x号）",
    )
    note = models.TextField("备注", blank=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "节假日安排年份"
        verbose_name_plural = "节假日安排年份"
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year} 年"


class DayKind(models.TextChoices):
    HOLIDAY = "holiday", "放假"
    MAKEUP_WORKDAY = "makeup_workday", "调休上班"


class CalendarDay(models.Model):
    year = models.ForeignKey(HolidayYear, verbose_name="年份", on_delete=models.CASCADE, related_name="days")
    date = models.DateField("日期", unique=True)
    kind = models.CharField(
        "类型",
        max_length=16,
        choices=DayKind.choices,
        help_text="放假：法定节假日及调休放假日（含周末）；调休上班：周末调休上班日，计入工作日。",
    )
    name = models.CharField("节日", max_length=60, blank=True)

    class Meta:
        verbose_name = "节假日/调休日"
        verbose_name_plural = "节假日/调休日"
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()} {self.name}".strip()

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.year_id is not None and self.date is not None and self.date.year != self.year.year:
            raise ValidationError({"date": f"日期 {self.date} 不属于 {self.year.year} 年"})
