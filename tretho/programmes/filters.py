import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tretho.core.filters import TrethoFilterSet, UnitSubtreeFilter
from tretho.geo.models import AdministrativeUnit
from tretho.orgs.models import Agency

from .choices import BudgetSource, Frequency, ObjectiveKind, PlanStatus, UnitOfMeasure
from .models import (
    AgencyDuty,
    Indicator,
    Phase,
    Plan,
    PlanObjective,
    PlanRecipient,
    PlanTarget,
    PlanTask,
    Programme,
    ReportingRequirement,
)

_UNITS = AdministrativeUnit.objects.filter(level__lte=2)


class ProgrammeFilterSet(TrethoFilterSet):
    class Meta:
        model = Programme
        fields = ["q"]


class PhaseFilterSet(TrethoFilterSet):
    q = None

    class Meta:
        model = Phase
        fields = ["programme"]


class IndicatorFilterSet(TrethoFilterSet):
    unit_of_measure = django_filters.ChoiceFilter(choices=UnitOfMeasure.choices, label=_("Đơn vị tính"))

    class Meta:
        model = Indicator
        fields = ["q", "programme", "unit_of_measure"]


class PlanFilterSet(TrethoFilterSet):
    year = django_filters.NumberFilter(method="covering_year", label=_("Năm"))
    within = UnitSubtreeFilter(queryset=_UNITS, label=_("Thuộc địa bàn"))
    status = django_filters.ChoiceFilter(choices=PlanStatus.choices, label=_("Trạng thái"))
    agency = django_filters.ModelChoiceFilter(queryset=Agency.objects.all(), label=_("Cơ quan ban hành"))

    class Meta:
        model = Plan
        fields = ["q", "programme", "year", "within", "agency", "committee", "status"]

    def covering_year(self, queryset: QuerySet, name: str, value: int) -> QuerySet:
        return queryset.filter(start_year__lte=value, end_year__gte=value)


class PlanPartFilterSet(TrethoFilterSet):
    q = None


class PlanObjectiveFilterSet(PlanPartFilterSet):
    kind = django_filters.ChoiceFilter(choices=ObjectiveKind.choices, label=_("Loại mục tiêu"))

    class Meta:
        model = PlanObjective
        fields = ["plan", "kind", "indicator"]


class PlanTargetFilterSet(PlanPartFilterSet):
    within = UnitSubtreeFilter(queryset=_UNITS, path_field="plan__unit__path", label=_("Thuộc địa bàn"))

    class Meta:
        model = PlanTarget
        fields = ["plan", "indicator", "year", "within"]


class PlanTaskFilterSet(PlanPartFilterSet):
    budget_source = django_filters.ChoiceFilter(choices=BudgetSource.choices, label=_("Nguồn kinh phí"))
    deadline_before = django_filters.DateFilter(field_name="deadline", lookup_expr="lte", label=_("Hạn đến ngày"),
                                                input_formats=["%d/%m/%Y", "%Y-%m-%d"])
    within = UnitSubtreeFilter(queryset=_UNITS, path_field="plan__unit__path", label=_("Thuộc địa bàn"))

    class Meta:
        model = PlanTask
        fields = ["plan", "lead_agency", "budget_source", "deadline_before", "within"]


class AgencyDutyFilterSet(PlanPartFilterSet):
    class Meta:
        model = AgencyDuty
        fields = ["plan", "agency"]


class ReportingRequirementFilterSet(PlanPartFilterSet):
    frequency = django_filters.ChoiceFilter(choices=Frequency.choices, label=_("Tần suất"))

    class Meta:
        model = ReportingRequirement
        fields = ["plan", "frequency", "recipient_agency"]


class PlanRecipientFilterSet(PlanPartFilterSet):
    class Meta:
        model = PlanRecipient
        fields = ["plan"]
