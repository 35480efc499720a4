"""Model registration, NetBox-style: a model declares its filter set, table, form and serializer once, and gets
list / detail / add / edit / delete / history / deleted-and-restore pages and an API endpoint from that.

A meta-test walks this registry and fails when a registered model misses a part or a test suite.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import models

ACTION_PAGES = ("list", "detail", "add", "edit", "delete", "history", "deleted", "restore")


@dataclass
class ModelRegistration:
    model: type[models.Model]
    filterset: type
    table: type
    form: type
    serializer: type
    detail_fields: tuple[str, ...] = ()
    # Pages this model does not offer (e.g. administrative units are loaded, not typed in).
    without: tuple[str, ...] = ()
    api_prefix: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def app_label(self) -> str:
        return self.model._meta.app_label

    @property
    def model_name(self) -> str:
        return self.model._meta.model_name  # type: ignore[return-value]

    @property
    def pages(self) -> tuple[str, ...]:
        return tuple(p for p in ACTION_PAGES if p not in self.without)

    def url_name(self, page: str) -> str:
        return f"{self.app_label}:{self.model_name}_{page}"


_registry: dict[type[models.Model], ModelRegistration] = {}


def register(model: type[models.Model], **kwargs: Any) -> ModelRegistration:
    registration = ModelRegistration(model=model, **kwargs)
    _registry[model] = registration
    return registration


def get_registration(model: type[models.Model]) -> ModelRegistration:
    return _registry[model]


def registrations() -> list[ModelRegistration]:
    return list(_registry.values())
