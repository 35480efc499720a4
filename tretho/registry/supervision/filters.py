from __future__ import annotations

import django_filters
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tretho.core.filters import TrethoFilterSet, UnitSubtreeFilter
from tretho.core.text import fold
from tretho.geo.models import AdministrativeUnit

from ..choices import AutoCheck, CriterionKind, CriterionResult, FollowUpStatus, VisitOutcome
from ..models import ChecklistCriterion, ChecklistTemplate, SupervisionVisit, VisitResult

OPEN_FOLLOW_UP = (FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS)


def _words(value: str) -> list[str]:
    return fold(value).split()


class ChecklistTemplateFilterSet(TrethoFilterSet):
    in_force_on = django_filters.DateFilter(method="filter_in_force", label=_("Có hiệu lực vào ngày"))

    class Meta:
        model = ChecklistTemplate
        fields = ["q", "code", "in_force_on"]

    def search(self, queryset: models.QuerySet, name: str, value: str) -> models.QuerySet:
        for word in value.split():
            queryset = queryset.filter(models.Q(name__icontains=word) | models.Q(code__icontains=word)
                                       | models.Q(version_label__icontains=word))
        return queryset

    def filter_in_force(self, queryset: models.QuerySet, name: str, value) -> models.QuerySet:
        return queryset.filter(effective_from__lte=value).filter(
            models.Q(effective_to__isnull=True) | models.Q(effective_to__gte=value))


class ChecklistCriterionFilterSet(TrethoFilterSet):
    kind = django_filters.ChoiceFilter(choices=CriterionKind.choices, label=_("Loại"))
    auto_check = django_filters.ChoiceFilter(choices=AutoCheck.choices[1:], label=_("Tự tính từ dữ liệu nhóm"))

    class Meta:
        model = ChecklistCriterion
        fields = ["q", "template", "kind", "auto_check"]

    def search(self, queryset: models.QuerySet, name: str, value: str) -> models.QuerySet:
        for word in value.split():
            queryset = queryset.filter(models.Q(text__icontains=word) | models.Q(code__icontains=word))
        return queryset


class SupervisionVisitFilterSet(TrethoFilterSet):
    within = UnitSubtreeFilter(queryset=AdministrativeUnit.objects.filter(level__lte=2), label=_("Thuộc"),
                               path_field="group__unit__path")
    outcome = django_filters.ChoiceFilter(choices=VisitOutcome.choices, label=_("Kết quả chung"))
    follow_up_status = django_filters.ChoiceFilter(choices=FollowUpStatus.choices, label=_("Tình trạng khắc phục"))
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte", label=_("Từ ngày"))
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte", label=_("Đến ngày"))
    overdue = django_filters.BooleanFilter(method="filter_overdue", label=_("Quá hạn khắc phục"))

    class Meta:
        model = SupervisionVisit
        fields = ["q", "within", "outcome", "follow_up_status", "date_from", "date_to", "overdue"]

    def search(self, queryset: models.QuerySet, name: str, value: str) -> models.QuerySet:
        """Accent-insensitive, on the group's stored search key (name, code, address)."""
        for word in _words(value):
            queryset = queryset.filter(group__search_key__contains=word)
        return queryset

    def filter_overdue(self, queryset: models.QuerySet, name: str, value: bool | None) -> models.QuerySet:
        if value is None:
            return queryset
        overdue = models.Q(follow_up_status__in=OPEN_FOLLOW_UP, follow_up_deadline__lt=timezone.localdate())
        return queryset.filter(overdue) if value else queryset.exclude(overdue)


class VisitResultFilterSet(TrethoFilterSet):
    result = django_filters.ChoiceFilter(choices=CriterionResult.choices, label=_("Kết quả"))

    class Meta:
        model = VisitResult
        fields = ["q", "result", "criterion"]

    def search(self, queryset: models.QuerySet, name: str, value: str) -> models.QuerySet:
        for word in _words(value):
            queryset = queryset.filter(visit__group__search_key__contains=word)
        return queryset
