from django.urls import path

from web.registers import views

app_name = "registers"

urlpatterns = [
    path("", views.index, name="index"),
    path("decisions/import/", views.decision_import, name="import"),
    path("<slug:slug>/", views.record_list, name="list"),
    path("<slug:slug>/new/", views.record_form_view, name="new"),
    path("<slug:slug>/<int:pk>/edit/", views.record_form_view, name="edit"),
    path("<slug:slug>/<int:pk>/delete/", views.record_delete, name="delete"),
]
