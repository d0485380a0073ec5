from django.urls import path

from web.applications import public_views

app_name = "apply"

urlpatterns = [
    path("", public_views.apply, name="form"),
    path("done/", public_views.done, name="done"),
    path("status/", public_views.status, name="status"),
]
