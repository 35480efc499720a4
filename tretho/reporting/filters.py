import django_filters
from django.utils.translation import gettext_lazy as _

from tretho.core.filters import TrethoFilterSet, UnitSubtreeFilter
from tretho.geo.models import AdministrativeUnit

from .choices import ReminderKind, ReportLevel, SubmissionAction, SubmissionStatus
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

_UNITS = AdministrativeUnit.objects.filter(level__lte=2)
# Choice labels name the programme (periods) or the form, unit and period (submissions): fetched in one query.
_PERIODS = ReportingPeriod.objects.select_related("programme")
_SUBMISSIONS = Submission.objects.select_related("form", "unit", "period")
_FIELDS = FormField.objects.select_related("form")


def _period_filter():
    return django_filters.ModelChoiceFilter(queryset=_PERIODS, label=_("Kỳ báo cáo"))


class ReportingPeriodFilterSet(TrethoFilterSet):
    q = None
    period_id = django_filters.CharFilter(label=_("Mã kỳ"), lookup_expr="startswith")

    class Meta:
        model = ReportingPeriod
        fields = ["programme", "period_id", "is_closed"]


class PeriodDeadlineFilterSet(TrethoFilterSet):
    q = None
    period = _period_filter()
    level = django_filters.ChoiceFilter(choices=ReportLevel.choices, label=_("Cấp báo cáo"))

    class Meta:
        model = PeriodDeadline
        fields = ["period", "level"]


class ReportFormFilterSet(TrethoFilterSet):
    class Meta:
        model = ReportForm
        fields = ["q", "programme", "is_active"]


class FormFieldFilterSet(TrethoFilterSet):
    q = None

    class Meta:
        model = FormField
        fields = ["form", "data_element", "required"]


class SubmissionFilterSet(TrethoFilterSet):
    q = None
    status = django_filters.ChoiceFilter(choices=SubmissionStatus.choices, label=_("Trạng thái"))
    within = UnitSubtreeFilter(queryset=_UNITS, label=_("Thuộc"))
    period = _period_filter()

    class Meta:
        model = Submission
        fields = ["period", "form", "status", "within"]


class SubmissionValueFilterSet(TrethoFilterSet):
    q = None
    submission = django_filters.ModelChoiceFilter(queryset=_SUBMISSIONS, label=_("Báo cáo"))
    field = django_filters.ModelChoiceFilter(queryset=_FIELDS, label=_("Ô báo cáo"))

    class Meta:
        model = SubmissionValue
        fields = ["submission", "field"]


class SubmissionEventFilterSet(TrethoFilterSet):
    q = None
    action = django_filters.ChoiceFilter(choices=SubmissionAction.choices, label=_("Thao tác"))
    submission = django_filters.ModelChoiceFilter(queryset=_SUBMISSIONS, label=_("Báo cáo"))

    class Meta:
        model = SubmissionEvent
        fields = ["submission", "action"]


class ReminderLogFilterSet(TrethoFilterSet):
    q = None
    kind = django_filters.ChoiceFilter(choices=ReminderKind.choices, label=_("Loại nhắc"))
    period = _period_filter()
    within = UnitSubtreeFilter(queryset=_UNITS, label=_("Thuộc"))

    class Meta:
        model = ReminderLog
        fields = ["period", "kind", "within"]
