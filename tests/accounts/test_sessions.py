"""Sessions end: after 30 idle minutes (configurable), SESSION_COOKIE_AGE after signing in, at logout (on the
server, so an old cookie is worthless), and everywhere when the password changes or the account is disabled."""

from __future__ import annotations

import time

from django.conf import settings as django_settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from tretho.accounts.middleware import LOGIN_AT, SEEN_AT
from tretho.core.testing.suites import login

LOGIN = reverse("accounts:login")
HOME = reverse("core:home")
NEW_PASSWORD = "mat-khau-moi-that-dai-2026"


def signed_in(client, user, password):
    response = client.post(LOGIN, {"username": user.username, "password": password})
    assert response.status_code == 302
    return client


def set_clock(client, **values):
    session = client.session
    session.update(values)
    session.save()


def session_key(client):
    return client.cookies[django_settings.SESSION_COOKIE_NAME].value


def is_signed_in(client):
    return client.get(HOME).status_code == 200


def test_signing_in_stores_the_login_time(client, world):
    before = time.time()
    signed_in(client, world.officer_a1a, world.password)
    assert before <= client.session[LOGIN_AT] <= time.time()


def test_idle_session_ends_after_30_minutes_and_its_row_is_deleted(client, world, settings):
    assert settings.TRETHO_SESSION_IDLE_MINUTES == 30
    signed_in(client, world.officer_a1a, world.password)
    set_clock(client, **{SEEN_AT: time.time() - 29 * 60})
    assert is_signed_in(client)  # 29 minutes: still in, and the clock restarts
    set_clock(client, **{SEEN_AT: time.time() - 31 * 60})
    key = session_key(client)
    response = client.get(HOME)
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    assert not Session.objects.filter(session_key=key).exists()
    assert not is_signed_in(client)


def test_idle_timeout_is_configurable(client, world, settings):
    settings.TRETHO_SESSION_IDLE_MINUTES = 5
    login(client, world.officer_a1a)
    set_clock(client, **{SEEN_AT: time.time() - 4 * 60})
    assert is_signed_in(client)
    set_clock(client, **{SEEN_AT: time.time() - 6 * 60})
    assert not is_signed_in(client)


def test_absolute_lifetime_ends_an_active_session(client, world, settings):
    assert settings.SESSION_COOKIE_AGE == 8 * 3600
    signed_in(client, world.officer_a1a, world.password)
    set_clock(client, **{LOGIN_AT: time.time() - 8 * 3600 + 60})
    assert is_signed_in(client)  # busy all day, one minute left
    set_clock(client, **{LOGIN_AT: time.time() - 8 * 3600 - 1})
    assert not is_signed_in(client)


def test_logout_ends_the_session_on_the_server(client, world):
    signed_in(client, world.officer_a1a, world.password)
    key = session_key(client)
    assert Session.objects.filter(session_key=key).exists()
    client.post(reverse("accounts:logout"))
    assert not Session.objects.filter(session_key=key).exists()

    stolen = Client()
    stolen.cookies[django_settings.SESSION_COOKIE_NAME] = key
    assert not is_signed_in(stolen)


def test_changing_the_password_ends_the_other_sessions(world):
    office, phone = Client(), Client()
    signed_in(office, world.officer_a1a, world.password)
    signed_in(phone, world.officer_a1a, world.password)
    response = office.post(reverse("accounts:password_change"), {
        "old_password": world.password, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert is_signed_in(office)  # the session that changed it goes on
    assert not is_signed_in(phone)


def test_a_password_set_by_someone_else_ends_every_session(world):
    office = signed_in(Client(), world.officer_a1a, world.password)
    world.officer_a1a.set_password(NEW_PASSWORD)
    world.officer_a1a.save()
    assert not is_signed_in(office)


def test_disabling_an_account_ends_its_sessions(world):
    office = signed_in(Client(), world.officer_a1a, world.password)
    assert is_signed_in(office)
    world.officer_a1a.is_active = False
    world.officer_a1a.save()
    assert not is_signed_in(office)
    # …and it cannot sign in again.
    response = Client().post(LOGIN, {"username": "officer_a1a", "password": world.password})
    assert response.status_code == 200


def user_sessions(user):
    return [s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(user.pk)]


def test_disabling_an_account_deletes_its_session_rows(world):
    signed_in(Client(), world.officer_a1a, world.password)
    signed_in(Client(), world.officer_a1a, world.password)
    other = signed_in(Client(), world.viewer_a, world.password)
    assert len(user_sessions(world.officer_a1a)) == 2
    world.officer_a1a.is_active = False
    world.officer_a1a.save()
    assert user_sessions(world.officer_a1a) == []
    assert is_signed_in(other)  # nobody else is touched


def test_a_new_password_deletes_the_other_session_rows_and_keeps_the_changing_one(world):
    office, phone = Client(), Client()
    signed_in(office, world.officer_a1a, world.password)
    signed_in(phone, world.officer_a1a, world.password)
    phone_key = session_key(phone)
    office.post(reverse("accounts:password_change"), {
        "old_password": world.password, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert not Session.objects.filter(session_key=phone_key).exists()
    assert len(user_sessions(world.officer_a1a)) == 1
    assert is_signed_in(office)


def test_signing_in_again_does_not_end_sessions(world):
    first = signed_in(Client(), world.officer_a1a, world.password)
    signed_in(Client(), world.officer_a1a, world.password)  # saves last_login only
    assert is_signed_in(first)


def test_a_new_password_or_disabling_ends_the_api_token(world, api_client):
    from rest_framework.authtoken.models import Token

    user = world.officer_a1a
    units = reverse("api:units-list")
    for end in ("password", "disable"):
        token = Token.objects.create(user=user)
        api_client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        assert api_client.get(units).status_code == 200
        if end == "password":
            user.set_password("a whole new passphrase 2026")
            user.save()
        else:
            user.is_active = False
            user.save()
        assert api_client.get(units).status_code in (401, 403)  # the token no longer authenticates
        assert not Token.objects.filter(user=user).exists()
        user.is_active = True
        user.save()
