"""The dashboard in a real browser under the Content Security Policy: the ECharts script draws the bar chart, the
map and the trend from the page's JSON (no inline script), nothing is refused, and the page fits a 360-px phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import browser, desktop_page, phone_page  # noqa: F401 - the browser fixtures
from tests.e2e.helpers import assert_fits_width, log_in
from tests.reporting.test_reporting_results_data import build_results

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def watch_policy(page) -> list[str]:
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text or message.type == "error" else None)
    return refused


def test_dashboard_charts_draw_under_the_policy_on_desktop_and_phone(live_server, desktop_page, phone_page,  # noqa: F811
                                                                     world):
    data = build_results(world)
    world.district_a1.latitude, world.district_a1.longitude = 10.95, 106.82
    world.district_a1.save()
    url = f"{live_server.url}/reports/dashboard/?indicator={data.rate.pk}"
    for page in (desktop_page, phone_page):
        refused = watch_policy(page)
        log_in(page, live_server.url, "manager_a", world.password)
        response = page.goto(url)
        assert response is not None and response.status == 200
        expect(page.locator("h1")).to_contain_text("Tỉnh Sông Hồng")
        expect(page.locator("html")).to_have_attribute("data-dashboard-charts", "3")
        for chart in ("#chart-bar", "#chart-map", "#chart-trend"):
            expect(page.locator(f"{chart} canvas")).to_have_count(1)
            box = page.locator(chart).bounding_box()
            assert box is not None and box["height"] > 100 and box["width"] > 200, chart
        assert refused == []
    # Numbers the Vietnamese way on the axes; the legend names the bars' status in their colour (grey: no
    # target for the district) and has no "Chỉ tiêu" entry.
    page = desktop_page
    assert page.evaluate("window.trethoDashboardNumber(10947.5)") == "10.947,5"
    assert page.evaluate("""() => {
        const map = echarts.getInstanceByDom(document.getElementById('chart-map')).getOption();
        const bar = echarts.getInstanceByDom(document.getElementById('chart-bar')).getOption();
        return [map.xAxis[0].axisLabel.formatter(106.947), map.yAxis[0].axisLabel.formatter(12.3),
                bar.yAxis[0].axisLabel.formatter(1234.5), bar.legend[0].data,
                bar.series.map(s => s.itemStyle.color)];
    }""") == ["106,947°", "12,3°", "1.234,5", ["Chưa có chỉ tiêu"], ["#6c757d"]]
    assert_fits_width(phone_page, 360)
