"""A computed metric returning a breakdown mapping (people trained by category and sex) as an indicator's
numerator: the results (tretho.reporting.results), the dashboard and the result detail show the chosen option's
number, the total with no option or an option the metric does not have."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from tests.reporting.test_reporting_dashboard import chart_data
from tests.reporting.test_reporting_results_data import build_results
from tretho.activities.choices import AudienceCategory as Cat
from tretho.activities.models import Training, TrainingAudience
from tretho.core.testing.suites import login
from tretho.metrics.models import Breakdown, DataElement, Metric
from tretho.metrics.standard import ensure_standard_breakdowns
from tretho.metrics.sync import sync_computed_metrics
from tretho.programmes.models import Indicator
from tretho.reporting import results
from tretho.reporting.models import FormField

pytestmark = pytest.mark.django_db
PEOPLE_TRAINED = "so_luot_nguoi_duoc_tap_huan"


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


@pytest.fixture
def data(world):
    """build_results' programme and 2020 period, plus an indicator "people trained" computed from three trainings:
    Xã Hòa An 1 + 9 caregivers, Xã Tân Phú 4 + 2 officials (Tỉnh Sông Hồng: 16, 11 women), Phường Bình Minh 50
    mothers (province B). The form collects the women trained (gioi_tinh=nu), so the dashboard offers it."""
    data = build_results(world)
    ensure_standard_breakdowns()
    sync_computed_metrics()
    metric = Metric.objects.get(code=PEOPLE_TRAINED)
    data.trained = Indicator.objects.create(programme=data.programme, code="A_TAP_HUAN", name="Số lượt người được "
                                            "tập huấn", unit_of_measure="count", numerator=metric)
    element = DataElement.objects.create(code="luot_tap_huan", name="Số lượt người được tập huấn",
                                         unit_of_measure="người", unit=world.country)
    element.breakdowns.set([Breakdown.objects.get(code="gioi_tinh")])
    FormField.objects.create(form=data.form, order=9, data_element=element, option_key="gioi_tinh=nu",
                             label="Số lượt người được tập huấn, trong đó nữ", prefill_metric=metric)
    for unit, day, category, male, female in ((world.commune_a1a, dt.date(2020, 5, 1), Cat.CAREGIVERS, 1, 9),
                                              (world.commune_a1b, dt.date(2020, 6, 1), Cat.OFFICIALS, 4, 2),
                                              (world.commune_b1, dt.date(2020, 6, 1), Cat.MOTHERS, 0, 50)):
        made = Training.objects.create(unit=unit, title="Tập huấn chăm sóc trẻ", start_date=day)
        TrainingAudience.objects.create(training=made, category=category, male=male, female=female)
    return data


def trained_result(data, unit, option_key=""):
    found = results.unit_results(data.period_2020, unit, option_key, indicators=[data.trained])
    return found[0]


def test_results_take_the_chosen_option_of_a_mapping_metric(data):
    world = data.world
    total = trained_result(data, world.province_a)
    assert total.value == 16 and total.numerator.source == "computed" and total.numerator.option_key == ""
    women = trained_result(data, world.province_a, "gioi_tinh=nu")
    assert women.value == 11 and women.numerator.option_key == "gioi_tinh=nu"
    pair = trained_result(data, world.district_a1, "doi_tuong=bao_mau;gioi_tinh=nu")
    assert pair.value == Decimal(9)
    assert trained_result(data, world.commune_a1b, "doi_tuong=can_bo").value == 6
    # A breakdown the metric does not have ("gioitinh", the reported element's): the total.
    other = trained_result(data, world.province_a, "gioitinh=nu")
    assert other.value == 16 and other.numerator.option_key == ""
    assert trained_result(data, world.province_b, "gioi_tinh=nu").value == 50
    # A reported indicator beside it is unchanged.
    rate = results.unit_results(data.period_2020, world.province_a, "gioi_tinh=nu", indicators=[data.rate])[0]
    assert rate.value == Decimal("75.0")


def test_dashboard_and_result_detail_show_the_chosen_option(client, data):
    world = data.world
    login(client, world.manager_a)
    params = {"period": data.period_2020.pk, "indicator": data.trained.pk, "breakdown": "gioi_tinh=nu"}
    response = client.get(reverse("reporting:dashboard"), params)
    html = response.content.decode()
    assert response.status_code == 200
    charts = chart_data(html)
    assert charts["indicator"] == data.trained.name
    assert charts["bar"]["units"] == ["Huyện Đông Hòa"] and charts["bar"]["values"] == [11.0]
    total = chart_data(client.get(reverse("reporting:dashboard"), params | {"breakdown": ""}).content.decode())
    assert total["bar"]["values"] == [16.0]
    detail = client.get(reverse("reporting:result_detail"),
                        params | {"unit": world.province_a.pk, "result": data.trained.pk}).content.decode()
    assert "Tính tự động từ dữ liệu quản lý trên địa bàn trong kỳ." in detail
    value = re.search(r"Kết quả</dt><dd[^>]*>(\d+)", detail)
    assert value and value.group(1) == "11"
