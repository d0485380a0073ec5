"""URL routes. Each app owns its prefix and its `urls.py` (with `app_name`); the public portal owns `/`
for the public and `/gk/` pages, staff pages live under `/work/`."""

from django.contrib import admin
from django.urls import include, path

from web import health
from web.accounts import views as account_views

admin.site.site_header = "xxgk 政府信息公开系统管理"
admin.site.site_title = "xxgk 管理"
admin.site.index_title = "系统管理"

urlpatterns = [
    path("", include("web.portal.urls")),
    path("work/", account_views.home, name="home"),
    path("accounts/", include("web.accounts.urls")),
    path("work/calendar/", include("web.calendar.urls")),
    path("work/cases/", include("web.applications.urls")),
    path("apply/", include("web.applications.public_urls")),
    path("work/catalogue/", include("web.catalogue.urls")),
    path("work/registers/", include("web.registers.urls")),
    path("work/reports/", include("web.reports.urls")),
    path("work/audits/", include("web.audits.urls")),
    path("admin/", admin.site.urls),
    path("healthz", health.healthz, name="healthz"),
]
