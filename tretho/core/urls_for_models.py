"""URL patterns generated from a model's registration: list, detail, add, edit, delete, history, deleted, and
the list's Excel export."""

from __future__ import annotations

from django.db import models
from django.urls import URLPattern, path

from .registry import get_registration
from .views import (
    DeletedObjectsView,
    ObjectDeleteView,
    ObjectDetailView,
    ObjectEditView,
    ObjectExportView,
    ObjectHistoryView,
    ObjectListView,
    RestoreObjectView,
)

_PAGES = {
    "list": ("", ObjectListView),
    "add": ("add/", ObjectEditView),
    "deleted": ("deleted/", DeletedObjectsView),
    "restore": ("deleted/<int:history_id>/restore/", RestoreObjectView),
    "detail": ("<int:pk>/", ObjectDetailView),
    "edit": ("<int:pk>/edit/", ObjectEditView),
    "delete": ("<int:pk>/delete/", ObjectDeleteView),
    "history": ("<int:pk>/history/", ObjectHistoryView),
}


def model_urls(model: type[models.Model], prefix: str | None = None) -> list[URLPattern]:
    registration = get_registration(model)
    prefix = prefix if prefix is not None else f"{registration.model_name}s/"
    overrides = registration.extra.get("views", {})
    patterns = []
    for page, (route, view_class) in _PAGES.items():
        if page not in registration.pages:
            continue
        view_class = overrides.get(page, view_class)
        patterns.append(
            path(prefix + route, view_class.for_model(model), name=f"{registration.model_name}_{page}")
        )
    if "list" in registration.pages:
        # Every list has its Excel export (EXPORT right, logged); not an ACTION_PAGE: no registration turns it off.
        patterns.append(path(prefix + "export/", ObjectExportView.for_model(model),
                             name=f"{registration.model_name}_export"))
    return patterns
