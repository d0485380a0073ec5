from django.urls import path

from web.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.index, name="index"),
    path("gk/<int:pk>/", views.agency, name="agency"),
    path("gk/<int:pk>/xxgk/", views.catalogue, name="catalogue"),
    path("gk/<int:pk>/xxgk/<int:item_pk>/", views.item, name="item"),
    path("gk/<int:pk>/fj/<int:attachment_pk>/", views.attachment, name="attachment"),
    path("gk/<int:pk>/guide/", views.guide, name="guide"),
    path("gk/<int:pk>/reports/", views.reports, name="reports"),
]
