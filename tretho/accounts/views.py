"""Sign in and out, change and reset the password: Django's auth views with our templates and events."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import reverse, reverse_lazy
from django.utils.http import urlencode

from tretho.core.scoping import ADD
from tretho.core.views import SCOPE_PUBLIC, SCOPE_SELF, ObjectEditView

from .choices import SecurityEventKind
from .forms import LoginForm, StyledPasswordChangeForm, StyledPasswordResetForm, StyledSetPasswordForm
from .signals import record_event


class LoginView(auth_views.LoginView):
    scoped_by = SCOPE_PUBLIC
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        from .demo_logins import demo_logins

        return super().get_context_data(**kwargs) | {
            "demo_logins": demo_logins(), "demo_skips_2fa": settings.TRETHO_DEMO_SKIP_2FA,
        }


class LogoutView(auth_views.LogoutView):
    scoped_by = SCOPE_SELF


class PasswordChangeView(auth_views.PasswordChangeView):
    scoped_by = SCOPE_SELF
    template_name = "accounts/password_change.html"
    form_class = StyledPasswordChangeForm
    success_url = reverse_lazy("accounts:password_change_done")

    def form_valid(self, form):
        response = super().form_valid(form)
        record_event(SecurityEventKind.PASSWORD_CHANGED, self.request, self.request.user)
        return response


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    scoped_by = SCOPE_SELF
    template_name = "accounts/password_change_done.html"


class PasswordResetView(auth_views.PasswordResetView):
    scoped_by = SCOPE_PUBLIC
    template_name = "accounts/password_reset.html"
    form_class = StyledPasswordResetForm
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        # No username or address in the event: the request itself is what an investigation needs.
        record_event(SecurityEventKind.PASSWORD_RESET_REQUESTED, self.request)
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    scoped_by = SCOPE_PUBLIC
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    scoped_by = SCOPE_PUBLIC
    template_name = "accounts/password_reset_confirm.html"
    form_class = StyledSetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    scoped_by = SCOPE_PUBLIC
    template_name = "accounts/password_reset_complete.html"


class UserEditView(ObjectEditView):
    """Adding an account leads straight to giving it a role: until it has one, the account lies in no
    administrator's scope, and its own page would answer 404 to the person who just created it."""

    def url(self, page, obj=None):
        if page == "detail" and self.action == ADD and obj is not None and not obj.role_assignments.exists():
            return reverse("accounts:roleassignment_add") + "?" + urlencode({"user": obj.pk})
        return super().url(page, obj)
