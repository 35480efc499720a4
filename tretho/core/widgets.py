"""A select that fills itself as the user types (htmx), for foreign keys with too many rows to list."""

from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse


class SearchSelect(forms.Select):
    template_name = "core/widgets/search_select.html"

    def __init__(self, model_label: str, action: str, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.model_label = model_label
        self.action = action

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"]["lookup_url"] = reverse("core:lookup", args=[self.model_label]) + f"?action={self.action}"
        return context

    def optgroups(self, name: str, value: Any, attrs: dict[str, Any] | None = None) -> list:
        # Render only the chosen value; the rest arrive through the lookup as the user types.
        chosen = {str(v) for v in value if v not in (None, "")}
        groups = []
        index = 0
        if chosen:
            queryset = self.choices.queryset.filter(pk__in=chosen)  # type: ignore[attr-defined]
            for obj in queryset:
                label = getattr(obj, "full_name", "") or str(obj)
                groups.append((None, [self.create_option(name, obj.pk, label, True, index, attrs=attrs)], index))
                index += 1
        empty = self.create_option(name, "", "---------", not chosen, index, attrs=attrs)
        return [(None, [empty], index), *groups]
