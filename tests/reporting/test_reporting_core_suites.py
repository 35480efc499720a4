"""Every reporting model through the shared suites. Periods, deadlines, forms and fields are reference data
(every assigned user reads; administrators and programme managers of the owner's subtree write); submissions,
their values, events and reminders belong to the reporting unit."""

from __future__ import annotations

import datetime as dt
import itertools

from tests.programmes.factories import make_programme
from tests.programmes.test_programmes_suites import REFERENCE_ACTORS, REFERENCE_MATRIX
from tests.reporting.reporting_core_factories import add_field, make_element, make_form, make_period, make_submission
from tretho.core.testing.suites import ModelSuite, unique
from tretho.reporting.models import (
    FormField,
    PeriodDeadline,
    ReminderLog,
    ReportForm,
    ReportingPeriod,
    Submission,
    SubmissionEvent,
    SubmissionValue,
)

_years = itertools.count(2030)


class ReferenceSuite(ModelSuite):
    scope_matrix = REFERENCE_MATRIX
    actors = REFERENCE_ACTORS


class TestReportingPeriod(ReferenceSuite):
    model = ReportingPeriod

    def make(self, world, unit):
        return make_period(make_programme(unit), "2024")

    def form_data(self, world, unit):
        return {"programme": make_programme(unit).pk, "period_id": "2020", "start": "15/12/2019",
                "end": "14/12/2020", "opens_on": "01/11/2020", "closes_on": "31/12/2020"}

    def api_data(self, world, unit):
        return {"programme": make_programme(unit).pk, "period_id": "2020Q3", "start": "2020-07-01",
                "end": "2020-09-30"}

    def edit_changes(self, world, obj):
        return {"period_id": str(next(_years))}

    def list_text(self, obj):
        return str(obj.programme)


class TestPeriodDeadline(ReferenceSuite):
    model = PeriodDeadline

    def make(self, world, unit):
        return PeriodDeadline.objects.create(period=make_period(make_programme(unit)), level=3,
                                             deadline=dt.date(2024, 11, 20))

    def form_data(self, world, unit):
        return {"period": make_period(make_programme(unit)).pk, "level": 2, "deadline": "10/11/2024"}

    def api_data(self, world, unit):
        return {"period": make_period(make_programme(unit)).pk, "level": 1, "deadline": "2024-11-30"}

    def edit_changes(self, world, obj):
        return {"level": 1 if obj.level != 1 else 2}

    def list_text(self, obj):
        return str(obj.period.programme)


class TestReportForm(ReferenceSuite):
    model = ReportForm

    def make(self, world, unit):
        return make_form(make_programme(unit), unit, n_fields=1)

    def form_data(self, world, unit):
        return {"programme": make_programme(world.country).pk, "code": unique("mau").replace(" ", "-"),
                "name": unique("Báo cáo kết quả thực hiện Đề án 1437"), "levels": "23", "unit": unit.pk,
                "is_active": "on"}

    def api_data(self, world, unit):
        return self.form_data(world, unit) | {"is_active": True}


class TestFormField(ReferenceSuite):
    model = FormField

    def make(self, world, unit):
        return add_field(make_form(make_programme(unit), unit, n_fields=0), label=unique("Số nhóm trẻ"))

    def form_data(self, world, unit):
        form = make_form(make_programme(unit), unit, n_fields=0)
        return {"form": form.pk, "order": 1, "section": "I. Nhóm trẻ", "label": unique("Số trẻ em gái"),
                "data_element": make_element(world.country).pk, "option_key": "sex=f", "required": "on",
                "min_value": "0", "max_value": "1000,5"}

    def api_data(self, world, unit):
        data = self.form_data(world, unit)
        return data | {"required": True, "max_value": "1000.5"}

    def edit_changes(self, world, obj):
        return {"label": unique("Số trẻ được chăm sóc")}

    def list_text(self, obj):
        return obj.label


def _national_form(world):
    programme = make_programme(world.country)
    return make_period(programme, "2024"), make_form(programme, world.country, n_fields=2)


class TestSubmission(ModelSuite):
    model = Submission

    def make(self, world, unit):
        period, form = _national_form(world)
        return make_submission(unit, period, form, results_text=unique("Kết quả"))

    def form_data(self, world, unit):
        period, form = _national_form(world)
        return {"unit": unit.pk, "period": period.pk, "form": form.pk, "results_text": unique("Đã tổ chức")}

    def api_data(self, world, unit):
        return self.form_data(world, unit)

    def edit_changes(self, world, obj):
        return {"results_text": unique("Kết quả thực hiện")}

    def list_text(self, obj):
        return obj.unit.name  # form names are also in the filter's choices (reference data)


class TestSubmissionValue(ModelSuite):
    model = SubmissionValue

    def make(self, world, unit):
        period, form = _national_form(world)
        field = form.fields.first()
        field.label = unique("Số nhóm trẻ")
        field.save()
        return make_submission(unit, period, form, {field: 7}).values.get()

    def form_data(self, world, unit):
        period, form = _national_form(world)
        submission = make_submission(unit, period, form)
        return {"submission": submission.pk, "field": form.fields.first().pk, "value": "12,5",
                "prefilled_value": "10", "override_reason": "Có thêm 2,5 nhóm ghép"}

    def api_data(self, world, unit):
        return self.form_data(world, unit) | {"value": "12.5"}

    def edit_changes(self, world, obj):
        return {"override_reason": unique("Số liệu rà soát lại")}

    def list_text(self, obj):
        return str(obj.submission)  # field labels are also in the filter's choices (reference data)


class TestSubmissionEvent(ModelSuite):
    model = SubmissionEvent

    def make(self, world, unit):
        period, form = _national_form(world)
        return SubmissionEvent.objects.create(submission=make_submission(unit, period, form), action="submit",
                                              actor=world.officer_a1a, comment=unique("Gửi báo cáo năm"))

    def form_data(self, world, unit):
        raise AssertionError("events are written by the workflow: no add page")

    def list_text(self, obj):
        return obj.comment


class TestReminderLog(ModelSuite):
    model = ReminderLog

    def make(self, world, unit):
        period, form = _national_form(world)
        return ReminderLog.objects.create(period=period, form=form, unit=unit, kind="before",
                                          deadline=dt.date(2024, 11, 20), recipient=world.officer_a1a,
                                          email=f"{unique('canbo').replace(' ', '')}@example.org")

    def form_data(self, world, unit):
        raise AssertionError("reminders are logged by the command: no add page")

    def list_text(self, obj):
        return obj.unit.name
