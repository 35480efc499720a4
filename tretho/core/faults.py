"""Database unreachable or locked: answer 503 with a Vietnamese page instead of a crash, and keep what the user
typed. For a POST the page carries the submitted fields as hidden inputs (never passwords or the CSRF token) and a
"Gửi lại" button posting them again to the same URL; nothing goes into the URL or the log.

Nothing is half-written: the views save inside transaction.atomic(), so the failed request's writes roll back.
The page is drawn without the database (no user, no navigation): it must not fail the same way.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string

DATABASE_FAULTS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
logger = logging.getLogger(__name__)


def is_database_fault(exception: BaseException | None) -> bool:
    return isinstance(exception, DATABASE_FAULTS)


def kept_fields(request: Any) -> list[tuple[str, str]]:
    """The POST fields worth sending again: everything but the CSRF token and passwords."""
    if request.method != "POST":
        return []
    return [
        (name, value)
        for name, values in request.POST.lists()
        if name != "csrfmiddlewaretoken" and "password" not in name.lower()
        for value in values
    ]


def fault_response(request: Any, exception: BaseException) -> HttpResponse:
    # The kind of fault only: the message may quote SQL with the submitted values.
    logger.error("database unavailable (%s) on %s %s", type(exception).__name__, request.method, request.path)
    context = {
        "fields": kept_fields(request),
        "action": request.path,
        "csrf_token": get_token(request) if request.method == "POST" else "",
        "had_files": bool(getattr(request, "FILES", None)),
    }
    response = HttpResponse(render_to_string("errors/503.html", context), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def current_fault() -> BaseException | None:
    """The exception being handled, when a 500 handler runs (Django calls it inside its except block)."""
    exception = sys.exc_info()[1]
    return exception if is_database_fault(exception) else None


class DatabaseFaultMiddleware:
    """Catches database faults raised by a view. Faults raised earlier (loading the session or the user in
    another middleware) reach handler500, which tretho.core.errors sends here too."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        return self.get_response(request)

    def process_exception(self, request: Any, exception: Exception) -> HttpResponse | None:
        if is_database_fault(exception):
            return fault_response(request, exception)
        return None
