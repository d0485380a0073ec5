from django.urls import path

from web.catalogue import views

app_name = "catalogue"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("items/", views.item_list, name="items"),
    path("items/new/", views.item_new, name="item_new"),
    path("items/<int:pk>/", views.item_detail, name="item"),
    path("items/<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("items/<int:pk>/submit/", views.item_submit, name="item_submit"),
    path("items/<int:pk>/review/", views.item_review, name="item_review"),
    path("items/<int:pk>/approve/", views.item_approve, name="item_approve"),
    path("items/<int:pk>/validity/", views.item_validity, name="item_validity"),
    path("attachments/<int:pk>/", views.attachment, name="attachment"),
    path("columns/", views.column_list, name="columns"),
    path("columns/new/", views.column_form, name="column_new"),
    path("columns/<int:pk>/edit/", views.column_form, name="column_edit"),
    path("columns/<int:pk>/remind/", views.column_remind, name="column_remind"),
    path("reminders/<int:pk>/done/", views.reminder_done, name="reminder_done"),
]
