from __future__ import annotations

from typing import Any

from django.contrib import admin

from web.applications.models import Application, Attachment, CaseEvent, ReviewCase


class CaseEventInline(admin.TabularInline):
    model = CaseEvent
    extra = 0
    can_delete = False
    fields = ("seq", "date", "kind", "outcome", "basis", "days", "fee_amount", "document_ref", "actor", "recorded_at")
    readonly_fields = fields
    verbose_name = "办理记录（只读，按事项追加）"
    verbose_name_plural = "办理记录（只读，按事项追加）"

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ("original_name", "content_type", "size", "description", "uploaded_at")
    readonly_fields = ("original_name", "content_type", "size", "uploaded_at")


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ("tracking_number", "agency", "applicant_type", "channel", "received_on", "handler")
    list_filter = ("agency", "applicant_type", "channel")
    search_fields = ("tracking_number", "description", "document_number")
    date_hierarchy = "received_on"
    readonly_fields = ("received_on", "version", "verification_code_hash", "created_at")
    inlines = (AttachmentInline, CaseEventInline)


@admin.register(CaseEvent)
class CaseEventAdmin(admin.ModelAdmin):
    list_display = ("application", "date", "kind", "outcome", "actor", "recorded_at")
    list_filter = ("kind", "outcome")
    search_fields = ("application__tracking_number", "document_ref")

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: Any) -> bool:
        return False


@admin.register(ReviewCase)
class ReviewCaseAdmin(admin.ModelAdmin):
    list_display = ("agency", "route", "agency_role", "case_number", "filed_on", "concluded_on", "result")
    list_filter = ("route", "result", "agency_role", "agency")
    search_fields = ("case_number", "body")
