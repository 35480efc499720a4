"""A logging filter for every handler that writes log lines: a request attached to a record (django.request
does so for 4xx and 5xx) is shown as method and path only — its repr would carry the query string, where search
words (a child's name) travel. Messages themselves name request.path, never the query or the body."""

from __future__ import annotations

import logging
from typing import Any


class SafeRequest:
    """The request, but printed without its query string; everything else is the request's own."""

    def __init__(self, request: Any) -> None:
        self._request = request

    def __getattr__(self, name: str) -> Any:
        return getattr(self._request, name)

    def get_full_path(self, *args: Any, **kwargs: Any) -> str:
        return self._request.path

    def __repr__(self) -> str:
        return f"<{type(self._request).__name__}: {getattr(self._request, 'method', '')} {self._request.path!r}>"

    __str__ = __repr__


class PersonalDataLogFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        if request is not None and not isinstance(request, SafeRequest) and hasattr(request, "path"):
            record.request = SafeRequest(request)
        return True
