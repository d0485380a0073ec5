from django.contrib import admin

from web.catalogue.models import Attachment, Column, Item, ItemEvent, Reminder


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0


class ItemEventInline(admin.TabularInline):
    model = ItemEvent
    extra = 0
    can_delete = False
    readonly_fields = ["at", "actor", "action", "from_status", "to_status", "note"]


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    list_display = ["title", "agency", "category", "status", "validity", "formed_on", "published_on"]
    list_filter = ["status", "validity", "category", "is_policy"]
    search_fields = ["title", "doc_no", "index_no"]
    autocomplete_fields = ["agency", "interprets"]
    raw_id_fields = ["author", "reviewer", "approver", "column"]
    inlines = [AttachmentInline, ItemEventInline]


@admin.register(Column)
class ColumnAdmin(admin.ModelAdmin):
    list_display = ["name", "agency", "column_type", "top_level", "owner"]
    list_filter = ["column_type", "top_level"]
    search_fields = ["name", "agency__name"]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["column", "recipient", "created_at", "done_at"]
