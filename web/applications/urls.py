from django.urls import path, re_path

from web.applications import views, views_actions, views_reviews

app_name = "applications"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("list/", views.case_list, name="list"),
    re_path(r"^list/export\.(?P<fmt>csv|xlsx)$", views.export, name="export"),
    path("new/", views.new, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/act/<slug:action>/", views_actions.act, name="act"),
    path("<int:pk>/letters/<slug:kind>.docx", views.letter, name="letter"),
    path("<int:pk>/attachments/<int:attachment_pk>/", views.attachment, name="attachment"),
    path("reviews/", views_reviews.reviews, name="reviews"),
    re_path(r"^reviews/export\.(?P<fmt>csv|xlsx)$", views_reviews.reviews_export, name="reviews_export"),
    path("reviews/new/", views_reviews.review_new, name="review_new"),
    path("reviews/<int:pk>/edit/", views_reviews.review_edit, name="review_edit"),
]
