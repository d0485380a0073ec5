from django.contrib import admin

from web.registers.models import (
    Activity,
    ChannelCount,
    Decision,
    FeeIncome,
    Matter,
    NormativeDocument,
    Procurement,
)


@admin.register(NormativeDocument)
class NormativeDocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "doc_no", "agency", "kind", "issued_on", "published_on", "repealed_on"]
    list_filter = ["kind"]
    search_fields = ["title", "doc_no"]


@admin.register(Matter)
class MatterAdmin(admin.ModelAdmin):
    list_display = ["name", "agency", "kind", "established_on", "abolished_on"]
    list_filter = ["kind"]
    search_fields = ["name"]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["number", "agency", "kind", "decided_on", "matter"]
    list_filter = ["kind"]
    search_fields = ["number", "matter"]
    date_hierarchy = "decided_on"


admin.site.register(FeeIncome, list_display=["item", "agency", "year", "amount"])
admin.site.register(Procurement, list_display=["project", "agency", "contracted_on", "amount"])
admin.site.register(ChannelCount, list_display=["agency", "year", "channel", "items"])
admin.site.register(Activity, list_display=["title", "agency", "kind", "held_on"])
