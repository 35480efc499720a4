"""Error reports (the e-mail to ADMINS, a 500 page with DEBUG on) without personal data: Django's safe filter
only hides parameters named like passwords, but a form posts names, phones and birth dates, and a frame's local
variables hold the records being handled. Every posted value, query value and local variable is masked; the
report keeps the path, the exception and the stack (file, line, code)."""

from __future__ import annotations

from typing import Any

from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter


class PersonalDataReporterFilter(SafeExceptionReporterFilter):
    def is_active(self, request: Any) -> bool:
        return True  # with DEBUG on too: a developer's screen is no place for citizens' data either

    def get_post_parameters(self, request: Any) -> dict[str, Any]:
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)

    def get_safe_request_meta(self, request: Any) -> dict[str, Any]:
        meta = super().get_safe_request_meta(request)
        if meta.get("QUERY_STRING"):
            meta["QUERY_STRING"] = self.cleansed_substitute
        return meta

    def get_traceback_frame_variables(self, request: Any, tb_frame: Any) -> Any:
        return dict.fromkeys(tb_frame.f_locals, self.cleansed_substitute).items()


class PersonalDataExceptionReporter(ExceptionReporter):
    """The report's own request lines: the URL without its query string, query values masked, the user by
    login name (a user's str() is their full name)."""

    def get_traceback_data(self) -> dict[str, Any]:
        data = super().get_traceback_data()
        if self.request is not None:
            masked = PersonalDataReporterFilter.cleansed_substitute
            data["request_GET_items"] = [(key, masked) for key in self.request.GET]
            data["request_insecure_uri"] = data["request_insecure_uri"].split("?", 1)[0]
            user = getattr(self.request, "user", None)
            signed_in = user is not None and getattr(user, "is_authenticated", False)
            data["user_str"] = user.get_username() if signed_in else "AnonymousUser"  # type: ignore[union-attr]
        return data
