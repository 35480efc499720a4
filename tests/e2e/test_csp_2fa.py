"""In a real browser, under the Content Security Policy: no page breaks a rule (inline scripts, handlers or
styles would be refused and logged), the language picker works without an inline handler, Swagger UI draws,
and a programme manager sets up the second factor from the QR page's secret."""

from __future__ import annotations

from base64 import b32decode

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from tests.e2e.helpers import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def watch_policy(page) -> list[str]:
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text
            else None)
    return refused


def test_pages_keep_to_the_content_security_policy(live_server, desktop_page, world):
    page = desktop_page
    refused = watch_policy(page)
    log_in(page, live_server.url, "admin_a", world.password)
    for path in ("/", "/units/", "/orgs/agencies/", "/orgs/agencies/add/", "/accounts/users/"):
        response = page.goto(f"{live_server.url}{path}")
        assert response is not None and response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
    page.goto(f"{live_server.url}/api/docs/")
    # Swagger UI's own script (served as a file by the split view) draws the schema: slow to generate.
    expect(page.locator(".swagger-ui .info .title").first).to_contain_text("tretho API", timeout=60_000)

    page.goto(f"{live_server.url}/")
    page.select_option("select[name=language]", "en")
    page.wait_for_load_state("domcontentloaded")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert refused == []


def test_a_manager_sets_up_the_second_factor_in_the_browser(live_server, desktop_page, world, settings):
    settings.TRETHO_2FA_REQUIRED_ROLES = ["admin", "programme_manager"]
    page = desktop_page
    refused = watch_policy(page)
    log_in(page, live_server.url, "manager_a", world.password)
    assert "/accounts/two-factor/setup/" in page.url
    expect(page.locator("#otp-qr")).to_be_visible()
    secret = page.locator("#otp-secret").inner_text().replace(" ", "")
    page.fill("input[name=code]", f"{totp(b32decode(secret)):06d}")
    page.click("main form button[type=submit]")
    page.wait_for_load_state("domcontentloaded")
    expect(page.locator("#recovery-codes li")).to_have_count(10)
    page.goto(f"{live_server.url}/")
    expect(page.locator("h1").first).to_be_visible()
    assert "/two-factor/" not in page.url
    assert refused == []
