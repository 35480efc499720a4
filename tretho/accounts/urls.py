from django.urls import path

from tretho.core.urls_for_models import model_urls

from . import otp_views, views
from .models import RoleAssignment, SecurityEvent, User

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("password/change/", views.PasswordChangeView.as_view(), name="password_change"),
    path("password/change/done/", views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/done/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("reset/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("reset/done/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("two-factor/", otp_views.TwoFactorVerifyView.as_view(), name="two_factor_verify"),
    path("two-factor/setup/", otp_views.TwoFactorSetupView.as_view(), name="two_factor_setup"),
    path("two-factor/recovery-codes/", otp_views.RecoveryCodesView.as_view(), name="recovery_codes"),
    *model_urls(User, prefix="users/"),
    *model_urls(RoleAssignment, prefix="assignments/"),
    *model_urls(SecurityEvent, prefix="security-events/"),
]
