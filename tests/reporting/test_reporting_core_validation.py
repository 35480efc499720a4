"""Field checks (required, min/max, not negative, a part ≤ its total) with their Vietnamese messages, and the
model rules of periods and fields (DHIS2 period ids, canonical breakdown keys)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tests.reporting.reporting_core_factories import add_field, make_period, setup_cycle
from tretho.reporting.models import FormField, option_key, parse_option_key, period_label, period_span
from tretho.reporting.validation import check_values, error_list, format_number


def test_period_ids_spans_and_labels():
    assert period_span("2020") == (dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    assert period_span("2020S2") == (dt.date(2020, 7, 1), dt.date(2020, 12, 31))
    assert period_span("2020Q3") == (dt.date(2020, 7, 1), dt.date(2020, 9, 30))
    assert period_span("202402") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    for wrong in ("2020Q5", "202013", "20", "2020W1"):
        with pytest.raises(ValueError):
            period_span(wrong)
    assert [period_label(p) for p in ("2020", "2020S1", "2020Q3", "202011")] == [
        "Năm 2020", "6 tháng đầu năm 2020", "Quý III/2020", "Tháng 11/2020"]


def test_breakdown_keys_are_canonical():
    assert option_key({"sex": "f", "agegroup": "0-3"}) == "agegroup=0-3;sex=f"
    assert option_key({}) == ""
    assert parse_option_key("agegroup=0-3;sex=f") == {"agegroup": "0-3", "sex": "f"}


def test_numbers_are_written_the_vietnamese_way():
    assert format_number(Decimal("1234.5")) == "1.234,5"
    assert format_number(Decimal("100000.0000")) == "100.000"


def test_check_values_messages(world):
    _period, form, (total, girls) = setup_cycle(world)
    fields = [total, girls]
    assert check_values(fields, {total.pk: Decimal(10), girls.pk: Decimal(4)}) == {}
    errors = check_values(fields, {girls.pk: Decimal(4)})
    assert errors == {total.pk: [f"Ô «{total.label}» bắt buộc phải nhập."]}
    errors = check_values(fields, {total.pk: Decimal(200000), girls.pk: Decimal(-1)})
    assert errors[total.pk] == [f"Ô «{total.label}» không được vượt quá 100.000."]
    assert errors[girls.pk] == [f"Ô «{girls.label}» không được âm."]
    errors = check_values(fields, {total.pk: Decimal("10.5"), girls.pk: Decimal(12)})
    assert errors == {girls.pk: [f"Ô «{girls.label}» (12) không được lớn hơn tổng «{total.label}» (10,5)."]}
    bounded = add_field(form, label="Tỷ lệ", min_value=Decimal(5), max_value=Decimal(100))
    assert check_values([bounded], {bounded.pk: Decimal(3)}) == {bounded.pk: ["Ô «Tỷ lệ» phải từ 5 trở lên."]}


def test_error_list_follows_the_form_order(world):
    from tests.reporting.reporting_core_factories import make_submission

    period, form, (total, girls) = setup_cycle(world)
    submission = make_submission(world.commune_a1a, period, form, {girls: 3})
    assert error_list(submission) == [f"Ô «{total.label}» bắt buộc phải nhập."]


def test_model_rules_of_periods_and_fields(world):
    period = make_period(unit=world.country, period_id="2020", start=dt.date(2019, 12, 15), end=dt.date(2020, 12, 14))
    period.full_clean()  # a government cut-off is a valid span
    period.period_id = "2020Q9"
    period.end = dt.date(2019, 1, 1)
    with pytest.raises(ValidationError) as refused:
        period.full_clean()
    assert set(refused.value.message_dict) == {"period_id", "end"}

    _period, form, (total, girls) = setup_cycle(world)
    wrong = FormField(form=form, data_element=total.data_element, option_key="sex=f;agegroup=0-3", label="Sai",
                      min_value=Decimal(5), max_value=Decimal(1), part_of=girls)
    with pytest.raises(ValidationError) as refused:
        wrong.clean()
    assert set(refused.value.message_dict) == {"option_key", "max_value"}
    _other_period, other_form, (other_total, _g) = setup_cycle(world)
    wrong = FormField(form=form, data_element=total.data_element, option_key="sex=m", label="Nam",
                      part_of=other_total)
    with pytest.raises(ValidationError) as refused:
        wrong.clean()
    assert "part_of" in refused.value.message_dict
