from django.urls import path

from web.audits import views

app_name = "audits"

urlpatterns = [
    path("", views.index, name="index"),
    path("upload/", views.upload, name="upload"),
    path("<int:pk>/", views.batch_view, name="batch"),
    path("<int:pk>/progress/", views.progress, name="progress"),
    path("<int:pk>/rerun/", views.rerun, name="rerun"),
    path("<int:pk>/diff/", views.diff, name="diff"),
    path("<int:pk>/dashboard/", views.dashboard, name="dashboard"),
    path("<int:pk>/export.xlsx", views.export, name="export"),
    path("<int:pk>/results/<int:result_id>/", views.result_view, name="result"),
    path("<int:pk>/findings/<int:finding_id>/review/", views.review, name="review"),
]
