"""Base filter set: accent-insensitive search on the stored folded key, and "within this unit" by subtree."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from .scoping import restrict_choices
from .text import fold


class TrethoFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Tìm kiếm"))

    def __init__(self, *args: Any, request: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, request=request, **kwargs)
        for field in self.form.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", f"{css} form-control-sm" if css == "form-control" else css)
            restrict_choices(field, getattr(request, "user", None))
            # A filter left empty means "all", and says so ("---------" reads as a missing value).
            if getattr(field, "empty_label", None) == "---------":
                field.empty_label = _("Tất cả")
            if isinstance(field.widget, forms.NullBooleanSelect):
                # Django's own words for the empty choice read "Chưa xác định" (unknown); a filter means "all".
                field.widget.choices = [("unknown", _("Tất cả")), ("true", _("Có")), ("false", _("Không"))]
            elif isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
                # Setting choices again also resets the widget's copy, which was taken when the field was built.
                choices: list[Any] = list(field.choices)  # type: ignore[arg-type]
                if choices and choices[0][0] == "":
                    field.choices = [("", _("Tất cả")), *choices[1:]]

    def search(self, queryset: models.QuerySet, name: str, value: str) -> models.QuerySet:
        for word in fold(value).split():
            queryset = queryset.filter(search_key__contains=word)
        return queryset


class UnitSubtreeFilter(django_filters.ModelChoiceFilter):
    """Rows whose unit lies in the chosen unit's subtree (prefix match on the materialized path)."""

    def __init__(self, *args: Any, path_field: str = "unit__path", **kwargs: Any) -> None:
        self.path_field = path_field
        super().__init__(*args, **kwargs)

    def filter(self, qs: models.QuerySet, value: Any) -> models.QuerySet:
        if not value:
            return qs
        return qs.filter(**{f"{self.path_field}__startswith": value.path})
