"""URLs of the activities: attachments (included by urls.py). The attachment's pk only: no file or person's
name in a URL."""

from django.urls import path

from . import views_attachments as views

urlpatterns: list = [
    path("attachments/add/<slug:owner_type>/<int:owner_id>/", views.AttachmentAddView.as_view(),
         name="attachment_add"),
    path("attachments/<int:pk>/", views.AttachmentDetailView.as_view(), name="attachment_detail"),
    path("attachments/<int:pk>/download/", views.AttachmentDownloadView.as_view(), name="attachment_download"),
    path("attachments/<int:pk>/delete/", views.AttachmentDeleteView.as_view(), name="attachment_delete"),
]
