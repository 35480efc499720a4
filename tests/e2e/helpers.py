"""Steps the browser tests share."""

from __future__ import annotations

DESKTOP = {"width": 1280, "height": 860}
PHONE = {"width": 360, "height": 740}


def log_in(page, base_url: str, username: str, password: str) -> None:
    """Through the login form, as a person does."""
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("form button[type=submit]")
    page.wait_for_load_state("domcontentloaded")


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page is wider than the window (0 when nothing scrolls sideways)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def elements_past_the_right_edge(page, limit: int = 5) -> list[str]:
    """The elements sticking out to the right of the window: what to fix when a page scrolls sideways."""
    return page.evaluate(
        """(limit) => {
            const width = document.documentElement.clientWidth;
            const found = [];
            for (const el of document.querySelectorAll('body *')) {
                const box = el.getBoundingClientRect();
                if (box.right > width + 0.5 && box.width > 0) {
                    const cls = (el.className && el.className.baseVal === undefined) ? el.className : '';
                    found.push(`${el.tagName.toLowerCase()}.${cls.split(' ').join('.')} right=${box.right}`);
                }
            }
            return found.slice(0, limit);
        }""",
        limit,
    )


def assert_fits_width(page, width: int) -> None:
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, (
        f"{page.url} scrolls sideways: {scroll_width} > {width} px; {elements_past_the_right_edge(page)}"
    )
