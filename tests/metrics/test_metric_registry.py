"""The registry of computed metrics, and the Metric rows kept in step with it and with the data elements."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tretho.metrics import registry
from tretho.metrics.choices import MetricKind
from tretho.metrics.models import Breakdown, DataElement, Metric
from tretho.metrics.standard import STANDARD_BREAKDOWNS, ensure_standard_breakdowns
from tretho.metrics.sync import sync_computed_metrics

START, END = dt.date(2020, 1, 1), dt.date(2020, 12, 31)


def groups_established(unit_path, start, end):
    return len(unit_path) * 10 + (end - start).days // 365


def other_function(unit_path, start, end):
    return 0


@pytest.fixture
def registered():
    metric = registry.register_computed("nhom_tre_thanh_lap_moi", "Số nhóm trẻ thành lập mới", groups_established,
                                        unit_of_measure="nhóm", breakdowns=("loai_khu",))
    yield metric
    registry.unregister("nhom_tre_thanh_lap_moi")


def test_register_and_compute(registered):
    assert registry.is_computed("nhom_tre_thanh_lap_moi")
    assert registry.get_computed("nhom_tre_thanh_lap_moi") is registered
    assert registry.compute("nhom_tre_thanh_lap_moi", "/1/5/", START, END) == 51  # 5 characters, 365 days
    assert registered in registry.computed_metrics()
    with pytest.raises(registry.MetricRegistryError, match="ends"):
        registry.compute("nhom_tre_thanh_lap_moi", "/1/", END, START)
    with pytest.raises(registry.MetricRegistryError, match="no computed metric"):
        registry.compute("khong_co", "/1/", START, END)


def test_a_code_belongs_to_one_function(registered):
    # The same function again (a module imported twice) is harmless; another function under the code is not.
    registry.register_computed("nhom_tre_thanh_lap_moi", "Số nhóm trẻ thành lập mới", groups_established,
                               unit_of_measure="nhóm")
    with pytest.raises(registry.MetricRegistryError, match="already registered"):
        registry.register_computed("nhom_tre_thanh_lap_moi", "Khác", other_function, unit_of_measure="nhóm")
    for bad in ("", "có dấu cách", "a/b"):
        with pytest.raises(registry.MetricRegistryError):
            registry.register_computed(bad, "x", other_function, unit_of_measure="")
    with pytest.raises(registry.MetricRegistryError, match="value type"):
        registry.register_computed("x", "x", other_function, unit_of_measure="", value_type="bool")


def test_sync_creates_updates_and_deactivates_metric_rows(world, registered):
    assert sync_computed_metrics()["created"] == ["nhom_tre_thanh_lap_moi"]
    metric = Metric.objects.get(code="nhom_tre_thanh_lap_moi")
    assert (metric.kind, metric.unit, metric.unit_of_measure) == (MetricKind.COMPUTED, world.country, "nhóm")
    assert metric.is_computed and metric.compute("/1/", START, END) == 31
    assert metric.breakdown_codes() == ("loai_khu",)
    assert sync_computed_metrics() == {"created": [], "updated": [], "deactivated": []}  # idempotent
    registry.unregister("nhom_tre_thanh_lap_moi")
    registry.register_computed("nhom_tre_thanh_lap_moi", "Số nhóm trẻ mới thành lập", groups_established,
                               unit_of_measure="nhóm")
    assert sync_computed_metrics()["updated"] == ["nhom_tre_thanh_lap_moi"]
    registry.unregister("nhom_tre_thanh_lap_moi")
    assert sync_computed_metrics()["deactivated"] == ["nhom_tre_thanh_lap_moi"]
    metric.refresh_from_db()
    assert (metric.name, metric.is_active) == ("Số nhóm trẻ mới thành lập", False)  # kept, not deleted


def test_a_data_element_keeps_its_metric_row(world):
    element = DataElement.objects.create(code="so_nhom_tre", name="Số nhóm trẻ", unit_of_measure="nhóm",
                                         unit=world.province_a)
    metric = element.metric
    assert (metric.code, metric.kind, metric.unit, metric.name) == ("so_nhom_tre", MetricKind.REPORTED,
                                                                    world.province_a, "Số nhóm trẻ")
    element.name, element.code = "Số nhóm trẻ độc lập", "so_nhom_tre_dltt"
    element.save()
    metric.refresh_from_db()
    assert (metric.code, metric.name, metric.version) == ("so_nhom_tre_dltt", "Số nhóm trẻ độc lập", 2)
    assert Metric.objects.filter(kind=MetricKind.REPORTED).count() == 1  # computed metrics of the apps aside
    with pytest.raises(registry.MetricRegistryError, match="reported"):
        metric.compute("/1/", START, END)


def test_codes_are_unique_across_data_elements_and_computed_metrics(world, registered):
    sync_computed_metrics()
    for code in ("nhom_tre_thanh_lap_moi",):
        with pytest.raises(ValidationError) as raised:
            DataElement(code=code, name="x", unit=world.country).full_clean()
        assert "code" in raised.value.message_dict
    registry.unregister("nhom_tre_thanh_lap_moi")  # no longer registered, but its Metric row keeps the code
    with pytest.raises(ValidationError):
        DataElement(code="nhom_tre_thanh_lap_moi", name="x", unit=world.country).full_clean()
    DataElement(code="ma_moi", name="x", unit=world.country).full_clean()


def test_a_metric_is_either_reported_or_computed(world):
    element = DataElement.objects.create(code="de", name="x", unit=world.country)
    with pytest.raises(IntegrityError), transaction.atomic():
        Metric.objects.create(code="sai", name="x", kind=MetricKind.COMPUTED, data_element=element)
    with pytest.raises(IntegrityError), transaction.atomic():
        Metric.objects.create(code="sai2", name="x", kind=MetricKind.REPORTED)


def test_an_indicator_may_point_at_a_computed_metric(world, registered):
    from tretho.programmes.models import Indicator, Programme

    sync_computed_metrics()
    programme = Programme.objects.create(code="404", title="x", start_year=2014, end_year=2020, unit=world.country)
    indicator = Indicator(programme=programme, code="C1", name="Số nhóm trẻ thành lập mới", unit_of_measure="count",
                          numerator=Metric.objects.get(code="nhom_tre_thanh_lap_moi"))
    indicator.full_clean()
    indicator.save()
    assert indicator.numerator.is_computed


def test_standard_breakdowns_are_created_once(world):
    ensure_standard_breakdowns()
    ensure_standard_breakdowns()
    assert Breakdown.objects.count() == len(STANDARD_BREAKDOWNS)
    sex = Breakdown.objects.get(code="gioi_tinh")
    assert [o.name for o in sex.options.all()] == ["Nam", "Nữ"]
    assert sex.unit == world.country
