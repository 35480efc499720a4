"""Records for the reporting tests: a programme's period, a form with fields over data elements, submissions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from tests.programmes.factories import code, make_programme
from tretho.core.testing.suites import unique
from tretho.metrics.models import DataElement
from tretho.reporting.choices import SubmissionStatus
from tretho.reporting.models import FormField, PeriodDeadline, ReportForm, ReportingPeriod, Submission, SubmissionValue


def make_element(unit: Any, **fields: Any) -> DataElement:
    values = {"code": code("de").lower(), "name": unique("Số nhóm trẻ độc lập"), "unit": unit}
    return DataElement.objects.create(**values | fields)


def make_period(programme: Any = None, period_id: str = "2024", *, unit: Any = None, **fields: Any) -> ReportingPeriod:
    programme = programme or make_programme(unit)
    year = int(period_id[:4])
    values = {"programme": programme, "period_id": period_id, "start": dt.date(year, 1, 1),
              "end": dt.date(year, 12, 31), "opens_on": dt.date(year, 10, 1), "closes_on": dt.date(year + 1, 1, 31)}
    return ReportingPeriod.objects.create(**values | fields)


def make_deadlines(period: ReportingPeriod, **levels: dt.date) -> list[PeriodDeadline]:
    """make_deadlines(period, commune=date, district=date, province=date)."""
    numbers = {"province": 1, "district": 2, "commune": 3}
    return [PeriodDeadline.objects.create(period=period, level=numbers[name], deadline=date)
            for name, date in levels.items()]


def make_form(programme: Any, unit: Any, n_fields: int = 2, **fields: Any) -> ReportForm:
    values = {"programme": programme, "code": code("mau").lower(), "name": unique("Báo cáo kết quả Đề án"),
              "unit": unit}
    form = ReportForm.objects.create(**values | fields)
    for index in range(n_fields):
        add_field(form, label=f"Chỉ tiêu {index + 1}", order=index + 1)
    return form


def add_field(form: ReportForm, **fields: Any) -> FormField:
    values = {"form": form, "label": unique("Số trẻ em"), "order": form.fields.count() + 1}
    if "data_element" not in fields:
        values["data_element"] = make_element(form.unit)
    return FormField.objects.create(**values | fields)


def make_submission(unit: Any, period: ReportingPeriod, form: ReportForm, values: dict | None = None,
                    status: str = SubmissionStatus.DRAFT, **fields: Any) -> Submission:
    submission = Submission.objects.create(unit=unit, period=period, form=form, status=status, **fields)
    for field, value in (values or {}).items():
        SubmissionValue.objects.create(submission=submission, field=field,
                                       value=None if value is None else Decimal(str(value)))
    return submission


def setup_cycle(world: Any, period_id: str = "2024") -> tuple[ReportingPeriod, ReportForm, list[FormField]]:
    """A national programme with a period and a two-field form (total and "of which girls", a part of it)."""
    programme = make_programme(world.country)
    period = make_period(programme, period_id)
    form = make_form(programme, world.country, n_fields=0)
    total = add_field(form, label="Tổng số trẻ em được chăm sóc", required=True, min_value=0, max_value=100000)
    girls = add_field(form, label="Trong đó: trẻ em gái", data_element=total.data_element, option_key="sex=f",
                      part_of=total)
    return period, form, [total, girls]
