"""The API's share of the access log, without touching the viewsets: for a model holding personal data, a
successful list call is an export (one event with its filters and row count), a detail read or a write is a
record access. Runs around DRF views only; every other request passes straight through."""

from __future__ import annotations

import unicodedata
from typing import Any

from django.http import HttpRequest, HttpResponse

from tretho.core import signals
from tretho.core.exports import REDACTED
from tretho.core.scoping import CHANGE, VIEW

_ACCESS_ACTIONS = {"retrieve": VIEW, "update": CHANGE, "partial_update": CHANGE}
# Query parameters that only page through the rows; the rest are filters.
_PAGING = {"limit", "offset", "page", "page_size", "format", "ordering"}
_FREE_TEXT = {"q", "search"}


class ApiAccessLogMiddleware:
    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any) -> None:
        viewset = getattr(view_func, "cls", None)
        actions = getattr(view_func, "actions", None)
        queryset = getattr(viewset, "queryset", None)
        if not actions or queryset is None or not getattr(queryset.model, "personal_fields", ()):
            return None
        action = actions.get((request.method or "").lower())
        request._api_access = (queryset.model, action, view_kwargs)  # type: ignore[attr-defined]
        return None

    def process_template_response(self, request: HttpRequest, response: Any) -> Any:
        # DRF responses are template responses: this runs once the view has answered, before rendering.
        noted = getattr(request, "_api_access", None)
        if noted is None or not 200 <= response.status_code < 300:
            return response
        model, action, kwargs = noted
        data = getattr(response, "data", None)
        if action == "list":
            signals.export_done.send(sender=model, request=request, format="api", filters=_filters(request),
                                     rows=_row_count(data))
        elif action in _ACCESS_ACTIONS and "pk" in kwargs:
            record = model(pk=kwargs["pk"])  # the pk is all the log needs: no second query
            signals.record_accessed.send(sender=model, request=request, obj=record, action=_ACCESS_ACTIONS[action])
        return response


def _filters(request: HttpRequest) -> dict[str, Any]:
    """Filter parameters by name; free text (search) redacted, ids and codes kept."""
    described: dict[str, Any] = {}
    for raw_name, raw_value in request.GET.items():
        # A query string can carry any character; PostgreSQL refuses NUL in a JSON field (the request would
        # answer 500), and no control character belongs in the log anyway.
        name, value = _printable(raw_name), _printable(str(raw_value))
        if not name or name in _PAGING or not value:
            continue
        described[name] = value if _is_code(name, value) else REDACTED
    return described


def _printable(text: str) -> str:
    """`text` without control characters (NUL, escapes, line breaks) or lone surrogates."""
    return "".join(char for char in text if unicodedata.category(char) not in ("Cc", "Cs"))


def _is_code(name: str, value: str) -> bool:
    """Ids and codes ("12", "1,4", "kcn") are kept; anything that could be typed text (a name) is not."""
    if value.replace(",", "").isdigit():
        return True
    return name not in _FREE_TEXT and len(value) <= 20 and value.isascii() and " " not in value


def _row_count(data: Any) -> int:
    if isinstance(data, dict):
        results = data.get("results")
        return len(results) if isinstance(results, list) else 0
    return len(data) if isinstance(data, list) else 0
