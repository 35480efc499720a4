"""List filters of the registry's records: unit subtree, zone, status, licence, support type, "not supervised for
N months" (never visited included), accent-insensitive search (on the stored folded key) and Vietnamese sort (the
tables order by the stored collation key)."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tretho.core.filters import TrethoFilterSet, UnitSubtreeFilter
from tretho.core.text import fold
from tretho.geo.choices import UnitLevel
from tretho.geo.models import AdministrativeUnit, IndustrialZone

from .choices import (
    ContributionKind,
    FundingSource,
    GroupKind,
    GroupStatus,
    PaymentKind,
    ProgrammeSupportKind,
    Qualification,
    StaffRole,
)
from .models import (
    ChildcareGroup,
    Enrolment,
    Enterprise,
    EnterpriseContribution,
    FacilitySupport,
    HealthCheck,
    ProgrammeSupport,
    Staff,
    SupervisionVisit,
    SupportPayment,
)
from .selectors import months_before, trained_by, zones_near

# "Thuộc": a province or a (former) district; the record's commune lies in its subtree (a list of every commune
# would be too long for a select).
_UNITS = AdministrativeUnit.objects.filter(level__lte=UnitLevel.DISTRICT)
_YES_NO = [("yes", _("Có")), ("no", _("Không"))]

# Support types, one list: programme support (kiện toàn / thành lập mới) and Nghị định 105 payments.
SUPPORT_CHOICES = [
    *((f"programme:{value}", label) for value, label in ProgrammeSupportKind.choices),
    *((f"payment:{value}", label) for value, label in PaymentKind.choices),
    ("facility", _("Hỗ trợ cơ sở vật chất")),
]
VISIT_CHOICES = [("never", _("Chưa giám sát lần nào")), ("ever", _("Đã được giám sát"))]


def _yes_no(queryset: QuerySet, field: str, value: str) -> QuerySet:
    return queryset.filter(**{field: value == "yes"}) if value in ("yes", "no") else queryset


class ChildcareGroupFilterSet(TrethoFilterSet):
    within = UnitSubtreeFilter(queryset=_UNITS, label=_("Thuộc"))
    zone = django_filters.ModelChoiceFilter(queryset=IndustrialZone.objects.all(), label=_("Khu công nghiệp"))
    status = django_filters.ChoiceFilter(choices=GroupStatus.choices, label=_("Tình trạng"))
    kind = django_filters.ChoiceFilter(choices=GroupKind.choices, label=_("Loại hình"))
    licensed = django_filters.ChoiceFilter(choices=_YES_NO, label=_("Đã cấp phép"), method="filter_licensed")
    support = django_filters.ChoiceFilter(choices=SUPPORT_CHOICES, label=_("Đã nhận hỗ trợ"),
                                          method="filter_support")
    not_visited_months = django_filters.NumberFilter(
        label=_("Không được giám sát trong (tháng)"), method="filter_not_visited", min_value=1, max_value=240)
    visited = django_filters.ChoiceFilter(choices=VISIT_CHOICES, label=_("Giám sát"), method="filter_visited")

    class Meta:
        model = ChildcareGroup
        fields = ["q", "within", "zone", "status", "kind", "licensed", "support", "not_visited_months", "visited"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.form.fields["zone"].queryset = zones_near(getattr(self.request, "user", None))

    def filter_licensed(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return _yes_no(queryset, "is_licensed", value)

    def filter_support(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        kind, _sep, code = value.partition(":")
        if kind == "programme":
            rows = ProgrammeSupport.objects.filter(group=OuterRef("pk"), kind=code)
        elif kind == "payment":
            rows = SupportPayment.objects.filter(group=OuterRef("pk"), kind=code)
        elif kind == "facility":
            rows = FacilitySupport.objects.filter(group=OuterRef("pk"))
        else:
            return queryset
        return queryset.filter(Exists(rows))

    def filter_not_visited(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        """Groups whose last visit is older than N months, or that were never visited."""
        if value is None:
            return queryset
        since = months_before(timezone.localdate(), int(value))
        recent = SupervisionVisit.objects.filter(group=OuterRef("pk"), date__gte=since)
        return queryset.exclude(Exists(recent))

    def filter_visited(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        visits = Exists(SupervisionVisit.objects.filter(group=OuterRef("pk")))
        if value == "never":
            return queryset.exclude(visits)
        if value == "ever":
            return queryset.filter(visits)
        return queryset


class GroupPartFilterSet(TrethoFilterSet):
    """Records of one group: the search finds them by the group's name (accent-insensitive), "Thuộc" by the
    group's commune."""

    within = UnitSubtreeFilter(queryset=_UNITS, label=_("Thuộc"), path_field="group__unit__path")
    group = django_filters.ModelChoiceFilter(queryset=ChildcareGroup.objects.all(), label=_("Nhóm trẻ"))

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        for word in fold(value).split():
            queryset = queryset.filter(group__search_key__contains=word)
        return queryset


class ProgrammeSupportFilterSet(GroupPartFilterSet):
    kind = django_filters.ChoiceFilter(choices=ProgrammeSupportKind.choices, label=_("Hình thức hỗ trợ"))
    year = django_filters.NumberFilter(label=_("Năm"))

    class Meta:
        model = ProgrammeSupport
        fields = ["q", "within", "group", "kind", "year"]


class FacilitySupportFilterSet(GroupPartFilterSet):
    source = django_filters.ChoiceFilter(choices=FundingSource.choices, label=_("Nguồn"))

    class Meta:
        model = FacilitySupport
        fields = ["q", "within", "group", "source"]


class SupportPaymentFilterSet(GroupPartFilterSet):
    kind = django_filters.ChoiceFilter(choices=PaymentKind.choices, label=_("Loại hỗ trợ"))

    class Meta:
        model = SupportPayment
        fields = ["q", "within", "group", "kind"]


class EnrolmentFilterSet(GroupPartFilterSet):
    class Meta:
        model = Enrolment
        fields = ["q", "within", "group"]


class HealthCheckFilterSet(GroupPartFilterSet):
    class Meta:
        model = HealthCheck
        fields = ["q", "within", "group"]


class StaffFilterSet(GroupPartFilterSet):
    """Found by their group, role, qualification and training; not by name (personal data)."""

    role = django_filters.ChoiceFilter(choices=StaffRole.choices, label=_("Vai trò"))
    qualification = django_filters.ChoiceFilter(choices=Qualification.choices, label=_("Trình độ"))
    trained = django_filters.ChoiceFilter(choices=_YES_NO, label=_("Đã tập huấn"), method="filter_trained")
    working = django_filters.ChoiceFilter(
        choices=[("yes", _("Đang làm việc")), ("no", _("Đã nghỉ việc"))], label=_("Tình trạng"),
        method="filter_working")

    class Meta:
        model = Staff
        fields = ["q", "within", "group", "role", "qualification", "trained", "working"]

    def filter_trained(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Trained: completed a training begun by today (the trainings they took part in, not a typed flag)."""
        trained = trained_by(timezone.localdate())
        if value == "yes":
            return queryset.filter(trained)
        if value == "no":
            return queryset.filter(~trained)
        return queryset

    def filter_working(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        today = timezone.localdate()
        if value == "yes":
            return queryset.exclude(end_date__lt=today)
        if value == "no":
            return queryset.filter(end_date__lt=today)
        return queryset


class EnterpriseFilterSet(TrethoFilterSet):
    within = UnitSubtreeFilter(queryset=_UNITS, label=_("Thuộc"))
    zone = django_filters.ModelChoiceFilter(queryset=IndustrialZone.objects.all(), label=_("Khu công nghiệp"))

    class Meta:
        model = Enterprise
        fields = ["q", "within", "zone"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.form.fields["zone"].queryset = zones_near(getattr(self.request, "user", None))


class EnterpriseContributionFilterSet(TrethoFilterSet):
    within = UnitSubtreeFilter(queryset=_UNITS, label=_("Thuộc"), path_field="enterprise__unit__path")
    enterprise = django_filters.ModelChoiceFilter(queryset=Enterprise.objects.all(), label=_("Doanh nghiệp"))
    kind = django_filters.ChoiceFilter(choices=ContributionKind.choices, label=_("Hình thức"))

    class Meta:
        model = EnterpriseContribution
        fields = ["q", "within", "enterprise", "kind"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        for word in fold(value).split():
            queryset = queryset.filter(enterprise__search_key__contains=word)
        return queryset
