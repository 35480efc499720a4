"""Signing in and out, lockout after failed logins, passwords, and the security events they leave."""

import re

from django.contrib.auth import authenticate
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse

from tretho.accounts.choices import SecurityEventKind
from tretho.accounts.models import SecurityEvent
from tretho.core.testing.suites import login
from tretho.orgs.choices import AgencyKind
from tretho.orgs.models import Agency

LOGIN = reverse("accounts:login")
NEW_PASSWORD = "mat-khau-moi-rat-dai-2026"


def events(kind):
    return SecurityEvent.objects.filter(kind=kind)


def sign_in(client, username, password, ip="127.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_login_and_logout_are_recorded(client, world):
    response = sign_in(client, "officer_a1a", world.password)
    assert response.status_code == 302
    assert response["Location"] == reverse("core:home")
    event = events(SecurityEventKind.LOGIN).get()
    assert (event.user, event.username, event.ip_address, event.path) == (
        world.officer_a1a, "officer_a1a", "127.0.0.1", LOGIN)

    assert client.post(reverse("accounts:logout")).status_code == 302
    assert events(SecurityEventKind.LOGOUT).get().user == world.officer_a1a
    assert client.get(reverse("core:home")).status_code == 302  # signed out: back to the login page


def test_failed_login_is_recorded_without_the_password(client, world):
    response = sign_in(client, "officer_a1a", "sai-mat-khau")
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    event = events(SecurityEventKind.LOGIN_FAILED).get()
    assert event.username == "officer_a1a"
    assert event.user is None
    assert "sai-mat-khau" not in str(event.detail)


def test_repeated_failures_lock_that_username_from_that_address(client, world, settings):
    assert settings.AXES_FAILURE_LIMIT == 3
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = sign_in(client, "officer_a1a", "sai-mat-khau")
    assert response.status_code in (403, 429)
    assert "Tài khoản tạm thời bị khóa" in response.content.decode()
    locked = events(SecurityEventKind.LOCKED_OUT).get()
    assert (locked.username, locked.ip_address) == ("officer_a1a", "127.0.0.1")
    assert events(SecurityEventKind.LOGIN_FAILED).count() == settings.AXES_FAILURE_LIMIT

    # Even the right password is refused now, from this address...
    response = sign_in(client, "officer_a1a", world.password)
    assert response.status_code in (403, 429)
    assert "_auth_user_id" not in client.session
    assert not events(SecurityEventKind.LOGIN).exists()
    # ...but the lock is on username and address together: others are not locked out by it.
    assert sign_in(client, "officer_a1a", world.password, ip="10.9.8.7").status_code == 302
    client.logout()
    assert sign_in(client, "viewer_a", world.password).status_code == 302


def test_failures_below_the_limit_do_not_lock(client, world, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "officer_a1a", "sai-mat-khau")
    assert sign_in(client, "officer_a1a", world.password).status_code == 302
    assert not events(SecurityEventKind.LOCKED_OUT).exists()


def test_password_change_needs_login(client, world):
    for name in ("accounts:password_change", "accounts:password_change_done"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(LOGIN)


def test_password_change(client, world):
    login(client, world.officer_a1a)
    response = client.post(reverse("accounts:password_change"), {
        "old_password": world.password, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_change_done")
    assert events(SecurityEventKind.PASSWORD_CHANGED).get().user == world.officer_a1a
    assert client.get(response["Location"]).status_code == 200
    request = RequestFactory().post(LOGIN)
    assert authenticate(request, username="officer_a1a", password=NEW_PASSWORD) == world.officer_a1a


def test_password_change_refuses_a_wrong_old_password(client, world):
    login(client, world.officer_a1a)
    response = client.post(reverse("accounts:password_change"), {
        "old_password": "khong-dung", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 200
    assert "old_password" in response.context["form"].errors
    world.officer_a1a.refresh_from_db()
    assert world.officer_a1a.check_password(world.password)
    assert not events(SecurityEventKind.PASSWORD_CHANGED).exists()


def test_password_reset_by_email(client, world):
    response = client.post(reverse("accounts:password_reset"), {"email": "officer_a1a@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert client.get(response["Location"]).status_code == 200
    assert mail.outbox[0].to == ["officer_a1a@example.org"]
    assert events(SecurityEventKind.PASSWORD_RESET_REQUESTED).count() == 1
    link = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[0].body).group(1)

    response = client.get(link)  # Django swaps the token for a session key and redirects
    assert response.status_code == 302
    set_password_url = response["Location"]
    response = client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_complete")
    assert client.get(response["Location"]).status_code == 200
    world.officer_a1a.refresh_from_db()
    assert world.officer_a1a.check_password(NEW_PASSWORD)
    # The link works once.
    assert client.get(link, follow=True).context["validlink"] is False


def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client, world):
    response = client.post(reverse("accounts:password_reset"), {"email": "ai-do@example.org"})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mail.outbox == []


def test_out_of_scope_detail_is_logged_as_access_denied(client, world):
    foreign = Agency.objects.create(name="Hội Nông dân", kind=AgencyKind.OTHER, unit=world.commune_b1)
    login(client, world.officer_a1a)
    assert client.get(reverse("orgs:agency_detail", args=[foreign.pk]), {"q": "tim-kiem"}).status_code == 404
    event = events(SecurityEventKind.ACCESS_DENIED).get()
    assert event.user == world.officer_a1a
    assert event.detail == {"model": "orgs.Agency", "object_pk": str(foreign.pk)}
    assert event.path == reverse("orgs:agency_detail", args=[foreign.pk])  # no query string kept

    # A record that does not exist answers the same 404 and is not an access denial.
    assert client.get(reverse("orgs:agency_detail", args=[foreign.pk + 100])).status_code == 404
    assert events(SecurityEventKind.ACCESS_DENIED).count() == 1


def test_security_events_page_is_for_administrators(client, world):
    for user in (world.officer_a1a, world.officer_b1):
        SecurityEvent.objects.create(kind=SecurityEventKind.LOGIN, user=user, username=user.username)
    url = reverse("accounts:securityevent_list")

    login(client, world.admin_a)
    html = client.get(url).content.decode()
    assert "officer_a1a" in html  # an event of a user in the administrator's province
    assert "officer_b1" not in html  # another province's
    assert url in client.get(reverse("core:home")).content.decode()  # linked from the admin menu

    for user in (world.manager_a, world.officer_a1a, world.nobody):
        login(client, user)
        response = client.get(url)
        # Not an administrator: the page does not exist for them (nor is it in their menu).
        assert response.status_code == 404, user
        assert url not in client.get(reverse("core:home")).content.decode()
