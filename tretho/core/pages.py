"""Pages of core itself: the home page with the user's units."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView

from .views import SCOPE_SELF


class HomeView(LoginRequiredMixin, TemplateView):
    scoped_by = SCOPE_SELF
    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user: Any = self.request.user  # signed in (LoginRequiredMixin); core does not import accounts' User
        context["assignments"] = user.role_assignments.select_related("role", "unit", "agency")
        return context
