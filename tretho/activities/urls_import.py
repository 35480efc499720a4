"""URLs of the activities: import (included by urls.py)."""

from django.urls import path

from .views_import import ParticipantImportView, ParticipantTemplateView

urlpatterns: list = [
    path("trainings/<int:pk>/participants/import/", ParticipantImportView.as_view(), name="participant_import"),
    path("trainings/<int:pk>/participants/template/", ParticipantTemplateView.as_view(),
         name="participant_template"),
]
