"""The dashboard pages: defaults from the user's scope, the province face (results, lower units, charts' data,
completeness), the commune face (own results and deadlines), filters, the result detail, and scope (404)."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.reporting.test_reporting_results_data import build_results
from tretho.core.testing.suites import login


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


@pytest.fixture
def data(world):
    return build_results(world)


def chart_data(html: str) -> dict:
    match = re.search(r'<script id="dashboard-data" type="application/json">(.*?)</script>', html, re.S)
    assert match, "no chart data on the page"
    return json.loads(match.group(1))


def test_province_dashboard_shows_results_lower_units_charts_and_completeness(client, data):
    world = data.world
    login(client, world.manager_a)
    response = client.get(reverse("reporting:dashboard"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kết quả thực hiện: Tỉnh Sông Hồng — Năm 2020" in html  # defaults: top of scope, latest period
    assert "Số liệu tính đến" in html
    assert "Đạt tiến độ" in html and "75" in html and "125,0%" in html
    assert "Huyện Đông Hòa" in html  # the lower unit's row
    assert 'src="/static/vendor/echarts/echarts.min.js"' in html or "echarts.min" in html
    assert "<script>" not in html.replace('<script id="dashboard-data" type="application/json">', "")
    charts = chart_data(html)
    assert charts["indicator"] == data.groups.name  # the first indicator by code, until one is chosen
    assert charts["bar"]["units"] == ["Huyện Đông Hòa"] and charts["bar"]["values"] == [5.0]
    assert charts["bar"]["targets"] == []  # no target distributed to the district: no "Chỉ tiêu" legend entry
    # one series per status shown, in the bars' own colours (the legend's swatches)
    assert [(s["name"], s["colour"], s["values"]) for s in charts["bar"]["series"]] == [
        ("Chưa có chỉ tiêu", "#6c757d", [5.0])]
    # the by-unit table's headings are the indicators' names (full name in the title), not their codes
    heading = re.search(r'<table[^>]*dashboard-by-unit.*?</thead>', html, re.S).group(0)
    assert data.groups.code not in heading and data.rate.code not in heading
    assert f'title="{data.groups.name}"' in heading
    assert "Tiến độ báo cáo của cấp dưới" in html
    charts = chart_data(client.get(reverse("reporting:dashboard"), {"indicator": data.rate.pk}).content.decode())
    assert charts["indicator"] == data.rate.name and charts["bar"]["values"] == [75.0]
    assert charts["trend"]["periods"] == ["2019", "2020"] and charts["trend"]["values"] == [50.0, 75.0]
    # Export buttons for a manager; none for a viewer (no export right).
    assert reverse("reporting:dashboard_docx") in html
    login(client, world.viewer_a)
    html = client.get(reverse("reporting:dashboard")).content.decode()
    assert "Tỉnh Sông Hồng" in html and reverse("reporting:dashboard_docx") not in html


def test_district_dashboard_lists_its_communes_with_status_colours(client, data):
    world = data.world
    login(client, world.manager_a)
    response = client.get(reverse("reporting:dashboard"), {"unit": world.district_a1.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Xã Hòa An" in html and "Xã Tân Phú" in html
    charts = chart_data(html)
    assert charts["bar"]["units"] == ["Xã Hòa An", "Xã Tân Phú"]
    assert charts["bar"]["values"] == [3.0, 2.0]
    assert "Đúng hạn" in html or "Muộn" in html  # each commune's report state
    # Drilling down keeps the other filters; each value opens the numbers behind it.
    assert f"unit={world.commune_a1a.pk}" in html
    assert f"{reverse('reporting:result_detail')}?unit={world.commune_a1a.pk}&amp;result={data.rate.pk}" in html


def test_commune_dashboard_shows_own_results_and_deadlines(client, data):
    world = data.world
    login(client, world.officer_a1a)
    response = client.get(reverse("reporting:dashboard"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kết quả thực hiện: Xã Hòa An — Năm 2020" in html
    assert "Hạn nộp báo cáo" in html and "Chưa có chỉ tiêu" in html
    assert "60" in html
    assert "Theo đơn vị cấp dưới" not in html


def test_filters_breakdown_period_indicator_and_as_of(client, data):
    world = data.world
    login(client, world.manager_a)
    html = client.get(reverse("reporting:dashboard"), {"breakdown": "gioitinh=nu"}).content.decode()
    assert "Giới tính" not in html or "Nữ" in html
    assert "35" in html and "Chậm tiến độ" in html
    html = client.get(reverse("reporting:dashboard"), {"period": data.period_2019.pk}).content.decode()
    assert "Năm 2019" in html and "50" in html
    html = client.get(reverse("reporting:dashboard"), {"indicator": data.rate.pk}).content.decode()
    assert chart_data(html)["bar"]["values"] == [75.0]
    html = client.get(reverse("reporting:dashboard"), {"as_of": "01/01/2020"}).content.decode()
    assert "Số liệu tính đến 23:59 ngày 01/01/2020" in html and "Chưa có số liệu" in html
    # A filter that does not parse falls back to its default; the page still answers.
    assert client.get(reverse("reporting:dashboard"), {"as_of": "hôm qua", "period": "x"}).status_code == 200


def test_out_of_scope_unit_answers_404(client, data):
    world = data.world
    login(client, world.officer_b1)
    assert client.get(reverse("reporting:dashboard"), {"unit": world.province_a.pk}).status_code == 404
    assert client.get(reverse("reporting:result_detail"),
                      {"unit": world.province_a.pk, "result": data.rate.pk}).status_code == 404
    login(client, world.nobody)
    response = client.get(reverse("reporting:dashboard"))
    assert response.status_code == 200 and "Chưa có kỳ báo cáo hoặc địa bàn nào để xem" in response.content.decode()
    client.logout()
    assert client.get(reverse("reporting:dashboard")).status_code == 302  # to the login page


def test_result_detail_shows_the_numbers_behind_a_value(client, data):
    world = data.world
    login(client, world.manager_a)
    response = client.get(reverse("reporting:result_detail"), {"unit": world.province_a.pk, "result": data.rate.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tổng hợp từ 2 báo cáo đã duyệt" in html
    assert "Xã Hòa An" in html and "Xã Tân Phú" in html  # the accepted reports behind the numerator
    assert data.plan.get_absolute_url() in html  # the target's plan
    # the reports behind are named by their form's name, not its code — here and in the report's breadcrumbs
    assert "Báo cáo kết quả Đề án 1437" in html and "bc-1437" not in html
    submission = next(iter(data.submissions.values()))
    page = client.get(submission.get_absolute_url()).content.decode()
    crumbs = re.search(r'<nav aria-label="breadcrumb">.*?</nav>', page, re.S).group(0)
    assert "Báo cáo kết quả Đề án 1437" in crumbs and "bc-1437" not in crumbs
    assert client.get(reverse("reporting:result_detail"), {"result": 999999}).status_code == 404


def test_results_api_gives_the_dashboards_numbers_scoped(api_client, data):
    world = data.world
    url = reverse("api:results-list")
    api_client.force_authenticate(world.manager_a)
    response = api_client.get(url, {"period": data.period_2020.pk, "lower": "true"})
    assert response.status_code == 200
    rows = {(row["unit_code"], row["indicator"]): row for row in response.json()}
    province = rows[("T91", "TL_TIEP_CAN")]
    assert province["value"] == "75.0000" and province["numerator"] == "150.0000"
    assert province["status"] == "on_track" and province["achieved"] == "100.0" and province["submissions"] == 2
    assert rows[("H911", "SO_NHOM")]["value"] == "5.0000" and rows[("H911", "SO_NHOM")]["status"] == "no_target"
    assert len(rows) == 4  # two indicators × the province and its district
    response = api_client.get(url, {"period": data.period_2020.pk, "unit": world.district_a1.pk,
                                    "breakdown": "gioitinh=nu", "as_of": "2020-06-30"})
    assert [row["status"] for row in response.json()] == ["no_data", "no_data"]
    assert api_client.get(url, {"period": data.period_2020.pk, "as_of": "30/06/2020"}).status_code == 400
    assert api_client.get(url).status_code == 404
    api_client.force_authenticate(world.officer_b1)
    assert api_client.get(url, {"period": data.period_2020.pk, "unit": world.province_a.pk}).status_code == 404
    rows = api_client.get(url, {"period": data.period_2020.pk}).json()
    assert {row["unit_code"] for row in rows} == {"P92001"} and all(row["value"] is None for row in rows)
