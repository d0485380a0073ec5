from django.contrib import admin

from web.audits.models import AuditBatch, AuditFile, AuditFinding, AuditResult


@admin.register(AuditBatch)
class AuditBatchAdmin(admin.ModelAdmin):
    list_display = ("name", "agency", "state", "run", "processed", "total", "created_at")
    list_filter = ("state",)


@admin.register(AuditFile)
class AuditFileAdmin(admin.ModelAdmin):
    list_display = ("name", "batch", "kind", "size", "rejected")
    exclude = ("content",)


@admin.register(AuditResult)
class AuditResultAdmin(admin.ModelAdmin):
    list_display = ("file", "run", "parser_version", "ok", "agency_name", "year", "error_count", "warning_count")
    list_filter = ("ok", "run")


@admin.register(AuditFinding)
class AuditFindingAdmin(admin.ModelAdmin):
    list_display = ("code", "severity", "review", "result")
    list_filter = ("review", "severity", "code")
