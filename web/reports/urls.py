from django.urls import path

from web.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("compile/", views.compile_view, name="compile"),
    path("import/", views.import_view, name="import"),
    path("board/", views.board, name="board"),
    path("rollup/<int:agency_id>/<int:year>/", views.rollup_view, name="rollup"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/text/", views.save_text, name="save_text"),
    path("<int:pk>/override/", views.override, name="override"),
    path("<int:pk>/override/revert/", views.revert_override, name="revert_override"),
    path("<int:pk>/recompile/", views.recompile, name="recompile"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/send-back/", views.send_back, name="send_back"),
    path("<int:pk>/approve/", views.approve, name="approve"),
    path("<int:pk>/publish/", views.publish, name="publish"),
    path("<int:pk>/correct/", views.correct, name="correct"),
    path("<int:pk>/download/<str:fmt>/", views.download, name="download"),
    # Public (no login): one published report, for the portal's 年度报告 column.
    path("gk/<int:pk>/", views.public, name="public"),
    path("gk/<int:pk>/<str:fmt>/", views.public_download, name="public_download"),
]
