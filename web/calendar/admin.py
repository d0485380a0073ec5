from __future__ import annotations

from django.contrib import admin

from web.calendar.models import CalendarDay, HolidayYear


class CalendarDayInline(admin.TabularInline):
    model = CalendarDay
    extra = 3
    fields = ("date", "kind", "name")


@admin.register(HolidayYear)
class HolidayYearAdmin(admin.ModelAdmin):
    list_display = ("year", "source", "updated_at")
    inlines = (CalendarDayInline,)
    fieldsets = (
        (
            None,
            {
                "fields": ("year", "source", "note"),
                "description": "国务院办公厅每年第四季度公布下一年度部分节假日安排。公布后请在此新增该年份，"
                "逐日录入放假日期（含调休放假的周末）和调休上班日期；未录入年份的日期无法计算工作日。",
            },
        ),
    )


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ("date", "kind", "name", "year")
    list_filter = ("kind", "year")
    date_hierarchy = "date"
