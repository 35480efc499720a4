"""The user guide's screenshots (docs/screenshots/*.png), taken in a real browser on the demo data.

Skipped unless asked for, since it rewrites files in docs/:

    TRETHO_SCREENSHOTS=1 .venv/bin/pytest tests/e2e/test_screenshots.py

Uses the real unit lists when `tretho load_units` is available (so the province lists look as they will),
the small test set otherwise.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.core.management import call_command, get_commands
from playwright.sync_api import expect

from tests.demo.demo_units import build_demo_units
from tests.e2e.helpers import DESKTOP, PHONE, assert_fits_width, log_in
from tretho.accounts.demo_logins import DEMO_PASSWORD
from tretho.geo.models import AdministrativeUnit
from tretho.orgs.models import Agency, SteeringCommittee

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.screenshots,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(os.environ.get("TRETHO_SCREENSHOTS") != "1", reason="chụp ảnh màn hình: TRETHO_SCREENSHOTS=1"),
]

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
MANAGER = "demo.dongnai.manager"
OFFICER = "demo.longbinh2025.officer"


@pytest.fixture
def demo_site(live_server, monkeypatch):
    monkeypatch.setenv("TRETHO_DEMO", "1")  # the login page lists the demo accounts
    if "load_units" in get_commands():
        call_command("load_units", verbosity=0)
    else:
        build_demo_units()
    call_command("demo", verbosity=0)
    OUT.mkdir(parents=True, exist_ok=True)
    return live_server.url


def shoot(page, name: str, full_page: bool = True) -> None:
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=full_page)


def new_page(browser, viewport: dict):
    context = browser.new_context(viewport=viewport, locale="vi-VN", device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def unit_pk(code: str, level: int, after_reform: bool) -> int:
    return AdministrativeUnit.objects.get(code=code, level=level, valid_from__isnull=not after_reform).pk


def test_take_the_user_guide_screenshots(demo_site, browser):
    base = demo_site
    context, page = new_page(browser, DESKTOP)

    page.goto(f"{base}/accounts/login/")
    expect(page.locator("#demo-logins")).to_contain_text(OFFICER)
    shoot(page, "01-dang-nhap")

    log_in(page, base, OFFICER, DEMO_PASSWORD)
    expect(page.locator("h1")).to_contain_text("Võ Thị Kim Ngân")
    shoot(page, "02-trang-chu-pham-vi")
    context.close()

    context, page = new_page(browser, DESKTOP)
    log_in(page, base, MANAGER, DEMO_PASSWORD)
    page.goto(f"{base}/units/")
    shoot(page, "03-don-vi-hanh-chinh")

    page.locator("main input[name=q]").first.fill("long binh")
    page.locator("main input[name=q]").first.press("Enter")
    expect(page.locator("main")).to_contain_text("Phường Long Bình")
    shoot(page, "04-tim-khong-dau")

    page.goto(f"{base}/units/{unit_pk('26020', 3, True)}/")
    shoot(page, "05-don-vi-va-don-vi-cu")

    page.goto(f"{base}/units/{unit_pk('731', 2, False)}/?as_of=01/03/2017")
    expect(page.locator("h1")).to_contain_text("Biên Hòa")
    shoot(page, "06-don-vi-truoc-sap-xep")

    page.goto(f"{base}/orgs/agencies/")
    shoot(page, "07-co-quan")

    committee = SteeringCommittee.objects.get(name="Ban Điều hành Đề án 404 tỉnh Đồng Nai")
    page.goto(f"{base}/orgs/committees/{committee.pk}/")
    shoot(page, "08-ban-chi-dao")

    # An edit through the form, so the history page has something to show.
    agency = Agency.objects.get(name="Hội Liên hiệp Phụ nữ tỉnh Đồng Nai")
    page.goto(f"{base}/orgs/agencies/{agency.pk}/edit/")
    page.fill("input[name=address]", "Số 2 đường Nguyễn Văn Trị, phường Thanh Bình, thành phố Biên Hòa")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state("domcontentloaded")
    page.goto(f"{base}/orgs/agencies/{agency.pk}/history/")
    expect(page.locator("main")).to_contain_text("Nguyễn Văn Trị")
    shoot(page, "09-lich-su")

    page.goto(f"{base}/accounts/password/change/")
    shoot(page, "10-doi-mat-khau")

    page.goto(f"{base}/")
    page.select_option("select[name=language]", "en")
    page.wait_for_load_state("domcontentloaded")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    shoot(page, "11-tieng-anh")
    context.close()

    context, page = new_page(browser, PHONE)
    log_in(page, base, OFFICER, DEMO_PASSWORD)
    assert_fits_width(page, PHONE["width"])
    shoot(page, "12-dien-thoai-trang-chu")
    page.goto(f"{base}/units/?q=dong+nai")
    assert_fits_width(page, PHONE["width"])
    shoot(page, "13-dien-thoai-tim-don-vi")
    context.close()
