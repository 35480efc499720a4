from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from tretho.core.forms import TrethoModelForm

from .models import RoleAssignment, User


class LoginForm(AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update({"class": "form-control", "autocomplete": "username"})
        self.fields["password"].widget.attrs.update({"class": "form-control", "autocomplete": "current-password"})


class BootstrapInputsMixin:
    """Django's own password forms drawn like the rest of the site."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")


class StyledPasswordChangeForm(BootstrapInputsMixin, PasswordChangeForm):
    pass


class StyledSetPasswordForm(BootstrapInputsMixin, SetPasswordForm):
    pass


class StyledPasswordResetForm(BootstrapInputsMixin, PasswordResetForm):
    pass


class UserForm(TrethoModelForm):
    """Accounts are edited by administrators; the password is set by the user (reset link) or `changepassword`."""

    class Meta:
        model = User
        fields = ["username", "full_name", "email", "phone", "is_active"]

    def save(self, commit: bool = True) -> User:
        user = super().save(commit=False)
        if not user.pk:
            # The new user sets a password through the reset link; nobody else ever knows it.
            user.set_unusable_password()
        if commit:
            user.save()
        return user

    def check_scope(self, obj: User) -> None:
        # A new account has no assignment yet: only administrators reach this form, and the next step is to
        # give the account a role inside their own scope.
        if obj.role_assignments.exists():
            super().check_scope(obj)


class RoleAssignmentForm(TrethoModelForm):
    class Meta:
        model = RoleAssignment
        fields = ["user", "role", "unit", "agency"]
        help_texts = {"unit": _("Người dùng thấy đơn vị này và mọi đơn vị trực thuộc.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Any account may be given a role; the unit must lie in the administrator's scope.
        self.fields["user"].queryset = User.objects.filter(is_active=True)
        self.fields["unit"].widget = forms.Select(attrs={"class": "form-select"})
        self.fields["unit"].queryset = self.fields["unit"].queryset.filter(level__lte=3)


class OneTimeCodeForm(forms.Form):
    """A 6-digit code from the authenticator app, or one of the 10-digit recovery codes."""

    code = forms.CharField(
        label=_("Mã xác thực"), max_length=16,
        widget=forms.TextInput(attrs={"class": "form-control", "autocomplete": "one-time-code", "inputmode": "numeric",
                                      "autofocus": True}),
    )

    def clean_code(self) -> str:
        return "".join(self.cleaned_data["code"].split())
