"""A commune officer in a real browser: log in, find a unit without typing accents, open it, and meet a 404
for a unit of another province. Then the login and home pages on a 360-px phone, without sideways scrolling."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.demo.demo_units import build_demo_units
from tests.e2e.helpers import assert_fits_width, log_in
from tretho.accounts.demo_logins import DEMO_PASSWORD
from tretho.geo.models import AdministrativeUnit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

OFFICER = "demo.longbinh2025.officer"  # officer of the new phường Long Bình (and the wards it absorbed)


@pytest.fixture
def demo_site(live_server):
    build_demo_units()
    call_command("demo", verbosity=0)
    return live_server.url


def test_commune_officer_finds_a_unit_without_accents_and_gets_404_elsewhere(demo_site, desktop_page):
    page = desktop_page
    log_in(page, demo_site, OFFICER, DEMO_PASSWORD)
    expect(page.locator("h1")).to_contain_text("Võ Thị Kim Ngân")  # home page greets by full name
    expect(page.locator("main, body").first).to_contain_text("Phường Long Bình")

    page.goto(f"{demo_site}/units/")
    search = page.locator("main input[name=q]").first
    search.fill("dong nai")
    search.press("Enter")
    page.wait_for_load_state("domcontentloaded")
    assert parse_qs(urlparse(page.url).query)["q"] == ["dong nai"]
    main = page.locator("main")
    expect(main).to_contain_text("Phường Long Bình")
    expect(main).not_to_contain_text("Ninh Bình")
    expect(main).not_to_contain_text("Hóa An")  # same province, outside the officer's ward

    unit = AdministrativeUnit.objects.get(code="26020", level=3, valid_from__isnull=False)  # the new ward
    link = main.locator(f"a[href*='/units/{unit.pk}/']").first
    expect(link).to_contain_text("Phường Long Bình")
    link.click()
    page.wait_for_load_state("domcontentloaded")
    assert urlparse(page.url).path == f"/units/{unit.pk}/"
    expect(page.locator("h1")).to_contain_text("Phường Long Bình")
    expect(main).to_contain_text("26020")
    expect(main).to_contain_text("Tỉnh Đồng Nai")
    expect(main).to_contain_text("01/07/2025")  # in force from, as dd/mm/yyyy

    elsewhere = AdministrativeUnit.objects.get(code="37", level=1, valid_from__isnull=False)  # Tỉnh Ninh Bình
    response = page.goto(f"{demo_site}/units/{elsewhere.pk}/")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_contain_text("404")
    expect(page.locator("body")).to_contain_text("Không tìm thấy")
    expect(page.locator("body")).not_to_contain_text("Ninh Bình")


def test_login_and_home_fit_a_phone(demo_site, phone_page):
    page = phone_page
    page.goto(f"{demo_site}/accounts/login/")
    expect(page.locator("input[name=username]")).to_be_visible()
    assert_fits_width(page, 360)

    log_in(page, demo_site, OFFICER, DEMO_PASSWORD)
    expect(page.locator("h1")).to_contain_text("Võ Thị Kim Ngân")
    assert_fits_width(page, 360)
