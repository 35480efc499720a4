from django.utils.translation import gettext_lazy as _

from tretho.core.registry import register

from . import filters, forms, serializers, tables
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
from .views import LOCK_AWARE_VIEWS, plan_detail_context

register(Programme, filterset=filters.ProgrammeFilterSet, table=tables.ProgrammeTable, form=forms.ProgrammeForm,
         serializer=serializers.ProgrammeSerializer,
         extra={"related": [("phases", _("Giai đoạn")), ("indicators", _("Chỉ số")), ("plans", _("Kế hoạch"))]})
register(Phase, filterset=filters.PhaseFilterSet, table=tables.PhaseTable, form=forms.PhaseForm,
         serializer=serializers.PhaseSerializer, extra={"related": [("plans", _("Kế hoạch"))]})
register(Indicator, filterset=filters.IndicatorFilterSet, table=tables.IndicatorTable, form=forms.IndicatorForm,
         serializer=serializers.IndicatorSerializer, extra={"related": [("targets", _("Chỉ tiêu theo chỉ số"))]})
register(Plan, filterset=filters.PlanFilterSet, table=tables.PlanTable, form=forms.PlanForm,
         serializer=serializers.PlanSerializer,
         detail_fields=("programme", "phase", "unit", "agency", "committee", "start_year", "end_year", "status",
                        "signer_title", "signer_name"),
         extra={"views": LOCK_AWARE_VIEWS, "detail_template": "programmes/plan_detail.html",
                "detail_context": plan_detail_context})

# A plan's parts: their own pages exist (edit, history), but they are added from the plan page.
for model, name in ((PlanObjective, "PlanObjective"), (PlanTarget, "PlanTarget"), (PlanTask, "PlanTask"),
                    (AgencyDuty, "AgencyDuty"), (ReportingRequirement, "ReportingRequirement"),
                    (PlanRecipient, "PlanRecipient")):
    register(model, filterset=getattr(filters, f"{name}FilterSet"), table=getattr(tables, f"{name}Table"),
             form=getattr(forms, f"{name}Form"), serializer=getattr(serializers, f"{name}Serializer"),
             extra={"views": LOCK_AWARE_VIEWS,
                    "related": [("parts", _("Trong đó")), ("distributed", _("Phân bổ cho cấp dưới"))]
                    if model is PlanTarget else [("subtasks", _("Nhiệm vụ con"))] if model is PlanTask else []})
