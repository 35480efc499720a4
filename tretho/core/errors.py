"""Error pages in Vietnamese, without stack traces."""

from django.shortcuts import render

from .faults import current_fault, fault_response


def not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def forbidden(request, exception=None):
    return render(request, "errors/403.html", status=403)


def server_error(request):
    fault = current_fault()
    if fault is not None:  # the database is down or locked: 503, with the user's input kept
        return fault_response(request, fault)
    return render(request, "errors/500.html", status=500)
