from django.contrib import admin

from web.reports.models import AnnualReport, CellOverride, PriorNote


class CellOverrideInline(admin.TabularInline):
    model = CellOverride
    extra = 0
    readonly_fields = ("ref", "computed", "value", "reason", "by", "at", "active")
    can_delete = False


@admin.register(AnnualReport)
class AnnualReportAdmin(admin.ModelAdmin):
    list_display = ("agency", "year", "version", "state", "origin", "error_count", "warning_count", "published_at")
    list_filter = ("year", "state", "origin")
    search_fields = ("agency__name",)
    readonly_fields = ("data", "created_at", "updated_at")
    inlines = [CellOverrideInline]


@admin.register(PriorNote)
class PriorNoteAdmin(admin.ModelAdmin):
    list_display = ("agency", "year")
    list_filter = ("year",)
