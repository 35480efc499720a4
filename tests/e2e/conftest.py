"""Browser tests: Playwright for Python driving Debian's chromium (never a downloaded browser).

Skipped, with the reason, when /usr/bin/chromium is absent (`apt-get install chromium`; the Makefile does it).
Playwright's sync API runs an event loop in the test thread, which Django would take for async code: the
tests set DJANGO_ALLOW_ASYNC_UNSAFE while a browser is open.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.e2e.helpers import DESKTOP, PHONE

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "screenshots: takes the user guide's screenshots (skipped unless TRETHO_SCREENSHOTS=1)"
    )


# Per module, not per session: the variable (and Playwright's event loop) stay confined to the browser tests.
@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Không có /usr/bin/chromium: cài bằng `apt-get install -y chromium` để chạy kiểm thử trình duyệt")
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def desktop_page(browser):
    context = browser.new_context(viewport=DESKTOP, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(viewport=PHONE, locale="vi-VN", is_mobile=True, has_touch=True,
                                  device_scale_factor=2)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()

