"""Excel template and import of childcare groups, staff and enrolment (views_import.py)."""

from django.urls import path

from . import views_import

urlpatterns: list = [
    path("groups/import/", views_import.ImportView.as_view(), name="group_import"),
    path("groups/import/template/", views_import.ImportTemplateView.as_view(), name="group_import_template"),
]
