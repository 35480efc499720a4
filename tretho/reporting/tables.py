from decimal import Decimal

import django_tables2 as tables
from django.db import models
from django.utils.translation import gettext_lazy as _

from tretho.core.tables import TrethoTable as BaseTable
from tretho.core.tables import linked_column

from .models import (
    FormField,
    PeriodDeadline,
    ReminderLog,
    ReportForm,
    ReportingPeriod,
    Submission,
    SubmissionEvent,
    SubmissionValue,
)
from .validation import format_number


class TrethoTable(BaseTable):
    """The base table, also fetching what the rows' texts need beyond their own foreign keys (`deep`)."""

    deep: tuple[str, ...] = ()

    def __init__(self, data=None, *args, **kwargs):
        if isinstance(data, models.QuerySet) and self.deep:
            data = data.select_related(*self.deep)
        super().__init__(data, *args, **kwargs)

    class Meta(BaseTable.Meta):
        pass


class ReportingPeriodTable(TrethoTable):
    period_id = tables.Column(linkify=True, verbose_name=_("Mã kỳ"))

    class Meta(TrethoTable.Meta):
        model = ReportingPeriod
        fields = ("period_id", "programme", "start", "end", "opens_on", "closes_on", "is_closed")


class PeriodDeadlineTable(TrethoTable):
    deep: tuple[str, ...] = ("period__programme",)
    level = tables.Column(linkify=True, verbose_name=_("Cấp báo cáo"))
    period = tables.Column(verbose_name=_("Kỳ báo cáo"), order_by=("period__start",))

    class Meta(TrethoTable.Meta):
        model = PeriodDeadline
        fields = ("level", "period", "deadline")


class ReportFormTable(TrethoTable):
    name = linked_column(_("Tên mẫu báo cáo"))
    levels = tables.Column(verbose_name=_("Cấp báo cáo"), accessor="levels_label", order_by=("levels",))

    class Meta(TrethoTable.Meta):
        model = ReportForm
        fields = ("name", "code", "programme", "levels", "is_active")


class FormFieldTable(TrethoTable):
    deep: tuple[str, ...] = ("form__programme", "prefill_metric", "part_of__form")
    label = tables.Column(linkify=True, verbose_name=_("Nhãn"))
    prefill_metric = tables.Column(verbose_name=_("Điền sẵn từ số liệu"))
    part_of = tables.Column(verbose_name=_("Là một phần của"), linkify=True)

    class Meta(TrethoTable.Meta):
        model = FormField
        fields = ("label", "form", "order", "section", "data_element", "option_key", "required", "prefill_metric",
                  "part_of")


class FormFieldOfFormTable(FormFieldTable):
    """The fields on their form's own page: the form's name would repeat on every row."""

    deep: tuple[str, ...] = ("prefill_metric", "part_of__form")

    class Meta(FormFieldTable.Meta):
        exclude = ("form",)

    def render_part_of(self, value: FormField) -> str:
        return value.label  # the total is on the same form: its label alone


class SubmissionTable(TrethoTable):
    deep: tuple[str, ...] = ("period__programme",)
    form = tables.Column(linkify=lambda record: record.get_absolute_url(), verbose_name=_("Mẫu báo cáo"))
    unit = tables.Column(verbose_name=_("Đơn vị báo cáo"), order_by=("unit__sort_key",))
    period = tables.Column(verbose_name=_("Kỳ báo cáo"), order_by=("period__start",))

    class Meta(TrethoTable.Meta):
        model = Submission
        fields = ("form", "unit", "period", "status", "submitted_at", "decided_at")


class SubmissionValueTable(TrethoTable):
    deep: tuple[str, ...] = ("submission__form", "submission__unit", "submission__period", "field__form")
    field = tables.Column(linkify=lambda record: record.get_absolute_url(), verbose_name=_("Ô báo cáo"))
    submission = tables.Column(verbose_name=_("Báo cáo"))

    class Meta(TrethoTable.Meta):
        model = SubmissionValue
        fields = ("field", "submission", "value", "prefilled_value", "override_reason")

    def render_value(self, value: Decimal) -> str:
        return format_number(value)  # 26, not 26,0000

    def render_prefilled_value(self, value: Decimal) -> str:
        return format_number(value)


class SubmissionValueOfSubmissionTable(SubmissionValueTable):
    """The values on their report's own page: no report column, each field by its label."""

    deep: tuple[str, ...] = ("field",)

    class Meta(SubmissionValueTable.Meta):
        exclude = ("submission",)

    def render_field(self, value: FormField) -> str:
        return value.label


class SubmissionEventTable(TrethoTable):
    deep: tuple[str, ...] = ("submission__form", "submission__unit", "submission__period")
    action = tables.Column(linkify=True, verbose_name=_("Thao tác"))
    submission = tables.Column(verbose_name=_("Báo cáo"))

    class Meta(TrethoTable.Meta):
        model = SubmissionEvent
        fields = ("action", "submission", "actor", "at", "comment")


class SubmissionEventOfSubmissionTable(SubmissionEventTable):
    """The workflow history on its report's own page."""

    deep: tuple[str, ...] = ("actor",)

    class Meta(SubmissionEventTable.Meta):
        exclude = ("submission",)


class ReminderLogTable(TrethoTable):
    deep: tuple[str, ...] = ("period__programme",)
    kind = tables.Column(linkify=True, verbose_name=_("Loại nhắc"))
    unit = tables.Column(verbose_name=_("Đơn vị"), order_by=("unit__sort_key",))

    class Meta(TrethoTable.Meta):
        model = ReminderLog
        fields = ("kind", "period", "form", "unit", "deadline", "email", "sent_at")
