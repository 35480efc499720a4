"""Tables of the registry's lists (and of the related records on the group and enterprise pages). Names sort in
Vietnamese order through the stored collation key; personal columns are hidden from viewers by TrethoTable."""

from __future__ import annotations

from typing import Any

import django_tables2 as tables
from django.db import models
from django.db.models import F, OuterRef, Subquery
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from tretho.activities.models import Training
from tretho.core.formats import format_number
from tretho.core.scoping import VIEW, Scope, scope_for
from tretho.core.tables import TrethoTable, linked_column

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
from .selectors import training_url, with_training_facts


class RecordColumn(tables.Column):
    """The record itself, as its __str__ (which names no person), linked to its page."""

    def __init__(self, verbose_name: Any, order_by: tuple[str, ...] = ("pk",)) -> None:
        super().__init__(accessor="pk", verbose_name=verbose_name, linkify=lambda record: record.get_absolute_url(),
                         order_by=order_by)

    def render(self, record: Any, table: Any) -> str:
        text = str(record)
        if table.prefix and getattr(record, "group_id", None):
            # On the group's own page the group's name would only repeat the page's title.
            text = text.removesuffix(f" – {record.group}")
        return text


def with_list_facts(queryset: models.QuerySet) -> models.QuerySet:
    """Groups with the date of their last supervision visit and the children of their latest enrolment
    snapshot, in the list's one query."""
    latest = Enrolment.objects.filter(group=OuterRef("pk")).order_by("-as_of", "-id")
    total = F("children_3_12") + F("children_13_24") + F("children_25_36") + F("children_over_36")
    last_visit = SupervisionVisit.objects.filter(group=OuterRef("pk")).order_by("-date", "-id")
    return queryset.annotate(
        children=Subquery(latest.annotate(total=total).values("total")[:1],
                          output_field=models.PositiveIntegerField()),
        last_visit=Subquery(last_visit.values("date")[:1], output_field=models.DateField()),
    )


class ChildcareGroupTable(TrethoTable):
    name = linked_column(_("Tên nhóm trẻ"))  # type: ignore[arg-type]  # a lazy label, like the other apps'
    unit = tables.Column(verbose_name=_("Xã, phường"), order_by=("unit__sort_key",))
    zone = tables.Column(verbose_name=_("Khu công nghiệp"), order_by=("zone__sort_key",))
    children = tables.Column(verbose_name=_("Số trẻ"), attrs={"td": {"class": "text-end"}})
    last_visit = tables.DateColumn(verbose_name=_("Giám sát gần nhất"), format="d/m/Y")

    class Meta(TrethoTable.Meta):
        model = ChildcareGroup
        fields = ("name", "code", "unit", "zone", "kind", "status", "is_licensed", "children", "last_visit",
                  "owner_name", "owner_phone")

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        if isinstance(data, models.QuerySet):
            data = with_list_facts(data)
        super().__init__(data, *args, **kwargs)


class _GroupPartTable(TrethoTable):
    group = tables.Column(verbose_name=_("Nhóm trẻ"), order_by=("group__sort_key",))

    def before_render(self, request: Any) -> None:
        super().before_render(request)
        if self.prefix:  # one group's records on the group's page (related tables have a prefix): no group column
            self.columns.hide("group")


class ProgrammeSupportTable(_GroupPartTable):
    record = RecordColumn(_("Hỗ trợ"), order_by=("-year", "pk"))

    class Meta(TrethoTable.Meta):
        model = ProgrammeSupport
        fields = ("record", "group", "kind", "year", "plan", "amount")


class FacilitySupportTable(_GroupPartTable):
    record = RecordColumn(_("Hỗ trợ cơ sở vật chất"), order_by=("-date", "pk"))

    class Meta(TrethoTable.Meta):
        model = FacilitySupport
        fields = ("record", "group", "date", "value", "source", "source_name")


class SupportPaymentTable(_GroupPartTable):
    record = RecordColumn(_("Khoản hỗ trợ"), order_by=("-paid_on", "pk"))

    class Meta(TrethoTable.Meta):
        model = SupportPayment
        fields = ("record", "group", "kind", "paid_on", "months", "beneficiaries", "amount", "decision")


class EnrolmentTable(_GroupPartTable):
    record = RecordColumn(_("Số trẻ tại ngày"), order_by=("-as_of", "pk"))
    total = tables.Column(accessor="pk", verbose_name=_("Tổng số trẻ"), orderable=False,
                          attrs={"td": {"class": "text-end"}})

    class Meta(TrethoTable.Meta):
        model = Enrolment
        fields = ("record", "group", "as_of", "total", "children_3_12", "children_13_24", "children_25_36",
                  "children_over_36", "girls", "boys", "workers_children")

    def render_total(self, record: Enrolment) -> str:
        return format_number(record.total)


class HealthCheckTable(_GroupPartTable):
    record = RecordColumn(_("Lần khám"), order_by=("-date", "pk"))

    class Meta(TrethoTable.Meta):
        model = HealthCheck
        fields = ("record", "group", "date", "provider", "children_examined")


class StaffTable(_GroupPartTable):
    """Whether each person was trained, and when last, comes from the trainings they completed (annotated in the
    list's one query); the date links to the training for readers who may see it."""

    full_name = tables.Column(linkify=True, verbose_name=_("Họ và tên"))
    # Also a link: viewers do not see the name column (personal data).
    role = tables.Column(linkify=True, verbose_name=_("Vai trò"))
    trained = tables.BooleanColumn(verbose_name=_("Đã tập huấn"))
    last_trained_on = tables.DateColumn(verbose_name=_("Tập huấn gần nhất"), format="d/m/Y", empty_values=(None, ""))

    class Meta(TrethoTable.Meta):
        model = Staff
        fields = ("full_name", "role", "group", "birth_year", "phone", "qualification", "trained",
                  "last_trained_on", "start_date", "end_date")

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        if isinstance(data, models.QuerySet):
            data = with_training_facts(data)
        super().__init__(data, *args, **kwargs)
        self._training_scope: Scope | None = None

    def training_scope(self) -> Scope:
        if self._training_scope is None:
            self._training_scope = scope_for(getattr(getattr(self, "request", None), "user", None), VIEW, Training)
        return self._training_scope

    def render_last_trained_on(self, value: Any, record: Staff) -> str:
        text = value.strftime("%d/%m/%Y")
        url = training_url(getattr(record, "last_training_id", None), getattr(record, "last_training_path", None),
                           self.training_scope())
        return format_html('<a href="{}">{}</a>', url, text) if url else text


class EnterpriseTable(TrethoTable):
    name = linked_column(_("Tên doanh nghiệp"))  # type: ignore[arg-type]  # a lazy label
    unit = tables.Column(verbose_name=_("Xã, phường"), order_by=("unit__sort_key",))
    zone = tables.Column(verbose_name=_("Khu công nghiệp"), order_by=("zone__sort_key",))

    class Meta(TrethoTable.Meta):
        model = Enterprise
        fields = ("name", "tax_code", "unit", "zone", "employees", "female_employees", "mothers_under_36m", "as_of")


class EnterpriseContributionTable(TrethoTable):
    record = RecordColumn(_("Đóng góp"), order_by=("-date", "pk"))
    enterprise = tables.Column(verbose_name=_("Doanh nghiệp"), order_by=("enterprise__sort_key",))
    recipient_group = tables.Column(verbose_name=_("Nhóm trẻ nhận"), order_by=("recipient_group__sort_key",))

    class Meta(TrethoTable.Meta):
        model = EnterpriseContribution
        fields = ("record", "enterprise", "date", "kind", "value", "description", "recipient_group")
