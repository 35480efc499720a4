"""Numbers and dates the way Vietnamese officials write them (core.formats, Django's vi formats)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import formats, translation

from tretho.core.formats import format_date, format_money, format_number, format_place_date


@pytest.mark.parametrize(("value", "decimals", "expected"), [
    (1234.5, 1, "1.234,5"),
    (1234567, 0, "1.234.567"),
    (Decimal("1234567.25"), 2, "1.234.567,25"),
    (0.5, 1, "0,5"),
    (-1234.5, 1, "-1.234,5"),
    (999, 0, "999"),
])
def test_numbers_use_dot_for_thousands_and_comma_for_decimals(value, decimals, expected):
    assert format_number(value, decimals) == expected


def test_money_is_in_dong():
    assert format_money(160000) == "160.000 đồng"
    assert format_money(None) == format_number(None) == ""


def test_dates_are_day_first():
    assert format_date(dt.date(2020, 2, 5)) == "05/02/2020"
    assert format_date(None) == ""


@pytest.mark.parametrize(("date", "expected"), [
    (dt.date(2020, 6, 2), "Kiên Giang, ngày 02 tháng 6 năm 2020"),
    (dt.date(2020, 2, 5), "Kiên Giang, ngày 05 tháng 02 năm 2020"),  # months 1 and 2 take a zero
    (dt.date(2021, 1, 15), "Kiên Giang, ngày 15 tháng 01 năm 2021"),
    (dt.date(2019, 12, 31), "Kiên Giang, ngày 31 tháng 12 năm 2019"),
])
def test_dateline_of_an_official_document(date, expected):
    assert format_place_date("Kiên Giang", date) == expected


def test_django_formats_in_vietnamese():
    with translation.override("vi"):
        assert formats.number_format(1234.5, 1, force_grouping=True) == "1.234,5"
        assert formats.date_format(dt.date(2020, 6, 2), "SHORT_DATE_FORMAT") == "02/06/2020"
        assert formats.date_format(dt.date(2020, 6, 2)) == "02/06/2020"
        rendered = Template('{{ n|floatformat:"1g" }} {{ d|date:"SHORT_DATE_FORMAT" }}').render(
            Context({"n": 1234.5, "d": dt.date(2020, 6, 2)}))
        assert rendered == "1.234,5 02/06/2020"
        assert formats.sanitize_separators("1.234,5") == "1234.5"  # what forms read back


def test_dates_typed_day_first_are_read_day_first():
    from django import forms

    with translation.override("vi"):
        assert forms.DateField().clean("02/06/2020") == dt.date(2020, 6, 2)


def test_template_filters_for_numbers():
    rendered = Template("{% load tretho %}{{ n|vn_number:1 }} · {{ m|vn_money }}").render(
        Context({"n": 1234.5, "m": 160000}))
    assert rendered == "1.234,5 · 160.000 đồng"
