"""The map of childcare groups in a real browser, on a 360-px phone: the demo officer of phường Long Bình sees their
groups drawn by ECharts (no Content Security Policy error), switches the colouring to the last visit outcome without
reloading, and a tap on a point opens that group's page."""

from __future__ import annotations

import os

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.demo.demo_units import build_demo_units
from tests.e2e.helpers import assert_fits_width, log_in
from tretho.accounts.demo_logins import DEMO_PASSWORD
from tretho.registry import demo

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

OFFICER = "demo.longbinh.officer"
SCREENSHOT = os.environ.get("TRETHO_MAP_SCREENSHOT")  # a path, to look at the page while working on it


@pytest.fixture
def demo_site(live_server):
    build_demo_units()
    call_command("demo", verbosity=0)
    return live_server.url


def drawn_points(page) -> list[dict]:
    """Each drawn point with its series (category) and its position on the page, read back from the chart."""
    return page.evaluate("""() => {
        const chart = window.trethoGroupMap;
        const drawn = window.trethoGroupMapPoints();
        const box = document.getElementById('group-map').getBoundingClientRect();
        const found = [];
        chart.getOption().series.forEach((series, index) => {
            series.data.forEach((item, at) => {
                const [x, y] = chart.convertToPixel({seriesIndex: index}, item.value);
                const point = drawn[index][at];
                found.push({series: series.name, name: point.name, url: point.url, x: box.left + x, y: box.top + y});
            });
        });
        return found;
    }""")


def test_officer_sees_colours_and_opens_a_group_from_the_map_on_a_phone(demo_site, phone_page):
    page = phone_page
    policy_errors = []
    page.on("console", lambda message: policy_errors.append(message.text)
            if "Content Security Policy" in message.text else None)
    log_in(page, demo_site, OFFICER, DEMO_PASSWORD)
    page.goto(f"{demo_site}/registry/groups/map/")
    page.wait_for_function("window.trethoGroupMap !== undefined")
    expect(page.locator("#group-map canvas")).to_have_count(1)

    placed = {spec.name for spec in demo.GROUPS if spec.commune == demo.LONG_BINH and spec.placed}
    points = drawn_points(page)
    assert {point["name"] for point in points} == placed
    assert {point["series"] for point in points} <= {"Đang hoạt động", "Tạm dừng", "Đã giải thể"}
    expect(page.locator("#group-map-legend")).to_contain_text("Đang hoạt động")
    # Axis labels the Vietnamese way: a decimal comma (10,947), never 10.947.
    labels = page.evaluate("""() => {
        const option = window.trethoGroupMap.getOption();
        return [option.xAxis[0].axisLabel.formatter(106.8234), option.yAxis[0].axisLabel.formatter(10.9472)];
    }""")
    assert labels == ["106,823", "10,947"]

    # Colour by the last visit: redrawn in place, the legend follows, the address keeps the choice.
    page.locator("label", has_text="Kết quả giám sát gần nhất").click()
    expect(page.locator("#group-map")).to_have_attribute("data-colour-by", "visit")
    expect(page.locator("#group-map-legend")).to_contain_text("Chưa được giám sát")
    by_visit = {point["name"]: point["series"] for point in drawn_points(page)}
    assert by_visit["Nhóm trẻ Hoa Mai"] == "Đạt tất cả tiêu chí"
    assert by_visit["Nhóm trẻ Bé Ngoan"] == "Đạt một phần"
    assert by_visit["Nhóm trẻ Sao Mai"] == "Chưa được giám sát"
    if SCREENSHOT:
        page.screenshot(path=SCREENSHOT, full_page=True)
    assert "colour=visit" in page.url
    assert_fits_width(page, 360)

    # A tap on a point opens its group.
    target = next(point for point in drawn_points(page) if point["name"] == "Nhóm trẻ Hoa Mai")
    page.mouse.click(target["x"], target["y"])
    page.wait_for_url(f"**{target['url']}")
    expect(page.locator("h1")).to_contain_text("Nhóm trẻ Hoa Mai")
    assert policy_errors == []
