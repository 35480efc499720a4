"""Type-ahead choices for large foreign-key lists (administrative units number in the tens of thousands).

`/lookup/<app_label>.<model>/?q=…&action=add` answers `<option>` elements for the rows the user may use for that
action, matched accent-insensitively on the stored search key. Only models with a search key and a scope path
are served; anything else answers 404.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from .scoping import ACTIONS, VIEW
from .text import fold

LOOKUP_LIMIT = 50


class LookupView(LoginRequiredMixin, View):
    scoped_by = "restrict"

    def get(self, request: HttpRequest, model_label: str) -> HttpResponse:
        try:
            model = apps.get_model(model_label)
        except (LookupError, ValueError):
            raise Http404 from None
        if not getattr(model, "scope_path_field", "") or not hasattr(model, "search_key"):
            raise Http404
        action = request.GET.get("action", VIEW)
        if action not in ACTIONS:
            action = VIEW
        rows = model.objects.restrict(request.user, action)
        level = request.GET.get("level_max")
        if level and level.isdigit() and hasattr(model, "level"):
            rows = rows.filter(level__lte=int(level))
        words = fold(request.GET.get("q", "")).split()
        for word in words:
            rows = rows.filter(search_key__contains=word)
        if hasattr(model, "valid_to") and request.GET.get("current") == "1":
            rows = rows.filter(valid_to__isnull=True)
        options = list(rows.order_by(*(["level"] if hasattr(model, "level") else []), "sort_key")[:LOOKUP_LIMIT])
        return render(request, "core/lookup_options.html", {"options": options, "query": " ".join(words)})
