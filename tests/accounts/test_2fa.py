"""The second factor (TOTP with django-otp): required for administrators and programme managers, optional for
others; set-up with a QR code drawn here and recovery codes shown once; no page before the code; no replay;
wrong codes lock the step like wrong passwords do."""

from __future__ import annotations

from base64 import b32encode

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tretho.accounts import otp
from tretho.accounts.choices import SecurityEventKind
from tretho.accounts.models import SecurityEvent

LOGIN = reverse("accounts:login")
HOME = reverse("core:home")
VERIFY = reverse("accounts:two_factor_verify")
SETUP = reverse("accounts:two_factor_setup")
CODES = reverse("accounts:recovery_codes")


@pytest.fixture(autouse=True)
def second_factor_on(settings):
    settings.TRETHO_2FA_REQUIRED_ROLES = ["admin", "programme_manager"]
    settings.TRETHO_DEMO_SKIP_2FA = False
    settings.TRETHO_2FA_FAILURE_LIMIT = 3
    # django-otp also slows guessing (1 s, 2 s, 4 s… after a wrong code); the tests do not wait.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def sign_in(client, user, password):
    response = client.post(LOGIN, {"username": user.username, "password": password})
    assert response.status_code == 302, response.content.decode()[:500]
    return response


def code_for(device, offset=0):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset):06d}"


def confirmed_device(user):
    return TOTPDevice.objects.create(user=user, name="tretho", confirmed=True)


def test_manager_sets_up_a_device_and_sees_recovery_codes_once(client, world):
    sign_in(client, world.manager_a, world.password)
    response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"].startswith(SETUP)

    page = client.get(SETUP)
    device = TOTPDevice.objects.get(user=world.manager_a, confirmed=False)
    html = page.content.decode()
    assert 'src="data:image/svg+xml' in html  # the QR code is drawn here, no outside service
    assert b32encode(device.bin_key).decode()[:4] in html  # the secret for typing by hand
    assert client.get(SETUP).context["secret"] == page.context["secret"]  # same secret until confirmed

    refused = client.post(SETUP, {"code": "000000" if code_for(device) != "000000" else "111111"})
    assert refused.status_code == 200 and refused.context["form"].errors
    assert client.get(HOME).status_code == 302

    response = client.post(SETUP, {"code": code_for(device)})
    assert response["Location"] == CODES
    device.refresh_from_db()
    assert device.confirmed
    shown = client.get(CODES)
    assert len(shown.context["codes"]) == otp.RECOVERY_CODE_COUNT == 10
    again = client.get(CODES)
    assert again.context["codes"] is None and again.context["left"] == 10  # shown once
    for code in shown.context["codes"]:
        assert code not in again.content.decode()
    assert client.get(HOME).status_code == 200


def test_admins_managers_and_superusers_must_others_may(world):
    assert otp.second_factor_required(world.admin_a)
    assert otp.second_factor_required(world.manager_a)
    assert otp.second_factor_required(world.superuser)
    for user in (world.officer_a1a, world.approver_a1, world.viewer_a):
        assert not otp.second_factor_required(user)


def test_an_officer_goes_on_without_a_device_and_may_set_one_up(client, world):
    sign_in(client, world.officer_a1a, world.password)
    assert client.get(HOME).status_code == 200
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=world.officer_a1a)
    assert client.post(SETUP, {"code": code_for(device)})["Location"] == CODES
    assert otp.has_second_factor(world.officer_a1a)


def test_with_a_device_no_page_opens_before_the_code(client, world):
    device = confirmed_device(world.officer_a1a)
    otp.new_recovery_codes(world.officer_a1a)
    sign_in(client, world.officer_a1a, world.password)
    target = reverse("orgs:agency_list")
    response = client.get(target)
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY) and "next=%2Forgs%2F" in response["Location"]
    # Not even the recovery codes (a fresh set would be a way round the code), nor the API.
    assert client.get(CODES).status_code == 302
    assert client.post(CODES).status_code == 302
    assert otp.recovery_codes_left(world.officer_a1a) == 10
    assert client.get("/api/v1/").status_code == 403
    # The verify page itself, language and sign-out stay reachable.
    assert client.get(VERIFY).status_code == 200

    response = client.post(VERIFY, {"code": code_for(device), "next": target})
    assert response["Location"] == target
    assert client.get(target).status_code == 200
    assert SecurityEvent.objects.filter(kind=SecurityEventKind.LOGIN, detail__step=otp.STEP).count() == 1


def test_a_code_cannot_be_replayed(client, world):
    device = confirmed_device(world.officer_a1a)
    code = code_for(device)
    sign_in(client, world.officer_a1a, world.password)
    assert client.post(VERIFY, {"code": code})["Location"] == HOME
    client.post(reverse("accounts:logout"))

    sign_in(client, world.officer_a1a, world.password)
    response = client.post(VERIFY, {"code": code})
    assert response.status_code == 200
    assert "Mã không đúng hoặc đã được dùng" in response.content.decode()
    assert client.get(HOME).status_code == 302
    device.refresh_from_db()
    assert device.last_t is not None  # django-otp remembers the last time step used


def test_a_recovery_code_works_once(client, world):
    confirmed_device(world.manager_a)
    codes = otp.new_recovery_codes(world.manager_a)
    sign_in(client, world.manager_a, world.password)
    assert client.post(VERIFY, {"code": codes[0]})["Location"] == HOME
    assert client.get(HOME).status_code == 200
    assert otp.recovery_codes_left(world.manager_a) == 9
    client.post(reverse("accounts:logout"))

    sign_in(client, world.manager_a, world.password)
    assert client.post(VERIFY, {"code": codes[0]}).status_code == 200
    assert client.get(HOME).status_code == 302


def test_recovery_codes_can_be_renewed_after_the_second_factor(client, world):
    device = confirmed_device(world.officer_a1a)
    old = otp.new_recovery_codes(world.officer_a1a)
    sign_in(client, world.officer_a1a, world.password)
    client.post(VERIFY, {"code": code_for(device)})
    assert client.post(CODES)["Location"] == CODES
    new = client.get(CODES).context["codes"]
    assert len(new) == 10 and not set(new) & set(old)


def test_wrong_codes_lock_the_step_and_signing_in_again_does_not_unlock_it(client, world, settings):
    device = confirmed_device(world.officer_a1a)
    sign_in(client, world.officer_a1a, world.password)
    for _ in range(settings.TRETHO_2FA_FAILURE_LIMIT - 1):
        assert client.post(VERIFY, {"code": "12345678"}).status_code == 200
    response = client.post(VERIFY, {"code": "12345678"})
    assert response.status_code == 403
    assert "Tài khoản tạm thời bị khóa" in response.content.decode()
    assert client.get(HOME).status_code == 302  # signed out
    assert SecurityEvent.objects.filter(kind=SecurityEventKind.LOGIN_FAILED, detail__step=otp.STEP).count() == 3
    assert SecurityEvent.objects.filter(kind=SecurityEventKind.LOCKED_OUT, user=world.officer_a1a).exists()

    # The right password again (django-axes resets its own count) does not buy more guesses, even with a right code.
    sign_in(client, world.officer_a1a, world.password)
    response = client.post(VERIFY, {"code": code_for(device)})
    assert response.status_code == 403
    assert client.get(HOME).status_code == 302


def test_password_lockout_still_works_with_the_second_factor(client, world, settings):
    confirmed_device(world.manager_a)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(LOGIN, {"username": "manager_a", "password": "sai-mat-khau"})
    assert response.status_code in (403, 429)
    response = client.post(LOGIN, {"username": "manager_a", "password": world.password})
    assert response.status_code in (403, 429)
    assert client.get(VERIFY).status_code == 302  # never signed in


def test_demo_mode_skips_the_second_factor_and_says_so(client, world, settings):
    settings.TRETHO_DEMO_SKIP_2FA = True
    assert "demo-skips-2fa" in client.get(LOGIN).content.decode()
    sign_in(client, world.admin_a, world.password)
    assert client.get(HOME).status_code == 200
    settings.TRETHO_DEMO_SKIP_2FA = False
    assert "demo-skips-2fa" not in client.get(LOGIN).content.decode()


TOKEN = reverse("api:token")


def test_an_api_token_needs_the_second_factor_where_the_site_does(api_client, world):
    password = world.password
    # An officer needs no second factor: password alone gives a token.
    assert api_client.post(TOKEN, {"username": world.officer_a1a.username, "password": password}).status_code == 200
    # A manager without a device is told to set one up on the site first.
    refused = api_client.post(TOKEN, {"username": world.manager_a.username, "password": password})
    assert refused.status_code == 403 and "otp" in refused.json()
    device = confirmed_device(world.manager_a)
    # With a device: no code or a wrong one is refused and counted; the current code gives the token once.
    assert api_client.post(TOKEN, {"username": world.manager_a.username, "password": password}).status_code == 400
    assert SecurityEvent.objects.filter(kind=SecurityEventKind.LOGIN_FAILED, user=world.manager_a,
                                        detail__step=otp.STEP).count() == 1
    code = code_for(device)
    granted = api_client.post(TOKEN, {"username": world.manager_a.username, "password": password, "otp": code})
    assert granted.status_code == 200 and granted.json()["token"]
    replay = api_client.post(TOKEN, {"username": world.manager_a.username, "password": password, "otp": code})
    assert replay.status_code == 400
