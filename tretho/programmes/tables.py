import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from tretho.core.tables import TrethoTable, linked_column

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


class RecordColumn(tables.Column):
    """The record itself, as its __str__, linked to its page."""

    def __init__(self, verbose_name, order_by=("order", "pk")) -> None:
        super().__init__(accessor="pk", verbose_name=verbose_name, linkify=lambda record: record.get_absolute_url(),
                         order_by=order_by)

    def render(self, record) -> str:
        return str(record)


class ProgrammeTable(TrethoTable):
    short_name = RecordColumn(_("Đề án"), order_by=("start_year", "code"))
    title = tables.Column(verbose_name=_("Tên đề án"))

    class Meta(TrethoTable.Meta):
        model = Programme
        fields = ("short_name", "code", "title", "decision_number", "start_year", "end_year")


class PhaseTable(TrethoTable):
    name = RecordColumn(_("Giai đoạn"), order_by=("start_year",))

    class Meta(TrethoTable.Meta):
        model = Phase
        fields = ("name", "programme", "start_year", "end_year")


class IndicatorTable(TrethoTable):
    name = linked_column(_("Chỉ số"))

    class Meta(TrethoTable.Meta):
        model = Indicator
        fields = ("name", "code", "programme", "unit_of_measure", "numerator", "denominator", "direction")


class PlanTable(TrethoTable):
    summary = RecordColumn(_("Kế hoạch"), order_by=("sort_key",))
    unit = tables.Column(verbose_name=_("Địa bàn"), order_by=("unit__sort_key",))
    span = tables.Column(accessor="start_year", verbose_name=_("Thời gian"))

    class Meta(TrethoTable.Meta):
        model = Plan
        fields = ("summary", "programme", "unit", "agency", "committee", "span", "issued_on", "status")

    def render_span(self, record) -> str:
        return record.span_label


class PlanObjectiveTable(TrethoTable):
    text = RecordColumn(_("Mục tiêu"))

    class Meta(TrethoTable.Meta):
        model = PlanObjective
        fields = ("text", "kind", "milestone_value", "milestone_year", "plan")


class PlanTargetTable(TrethoTable):
    label = RecordColumn(_("Chỉ tiêu"))

    class Meta(TrethoTable.Meta):
        model = PlanTarget
        fields = ("label", "indicator", "year", "deadline", "area", "plan")


class PlanTaskTable(TrethoTable):
    title = RecordColumn(_("Nhiệm vụ"))

    class Meta(TrethoTable.Meta):
        model = PlanTask
        fields = ("title", "lead_agency", "start", "deadline", "budget_amount", "plan")


class AgencyDutyTable(TrethoTable):
    heading = RecordColumn(_("Cơ quan, đơn vị"))

    class Meta(TrethoTable.Meta):
        model = AgencyDuty
        fields = ("heading", "agency", "plan")


class ReportingRequirementTable(TrethoTable):
    subject = RecordColumn(_("Báo cáo"))

    class Meta(TrethoTable.Meta):
        model = ReportingRequirement
        fields = ("subject", "frequency", "recipient_agency", "channel", "plan")


class PlanRecipientTable(TrethoTable):
    text = RecordColumn(_("Nơi nhận"))

    class Meta(TrethoTable.Meta):
        model = PlanRecipient
        fields = ("text", "order", "plan")
