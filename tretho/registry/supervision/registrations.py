"""Registrations of the supervision models (checklists, visits)."""

from django.utils.translation import gettext_lazy as _

from tretho.core.registry import register

from ..models import ChecklistCriterion, ChecklistTemplate, SupervisionVisit, VisitResult
from .filters import (
    ChecklistCriterionFilterSet,
    ChecklistTemplateFilterSet,
    SupervisionVisitFilterSet,
    VisitResultFilterSet,
)
from .forms import ChecklistCriterionForm, ChecklistTemplateForm, SupervisionVisitForm, VisitResultForm
from .serializers import (
    ChecklistCriterionSerializer,
    ChecklistTemplateSerializer,
    SupervisionVisitSerializer,
    VisitResultSerializer,
)
from .tables import ChecklistCriterionTable, ChecklistTemplateTable, SupervisionVisitTable, VisitResultTable
from .views import VisitEditView, checklist_detail_context, visit_detail_context

register(ChecklistTemplate, filterset=ChecklistTemplateFilterSet, table=ChecklistTemplateTable,
         form=ChecklistTemplateForm, serializer=ChecklistTemplateSerializer,
         extra={"related": [("criteria", _("Các tiêu chí"))],
                "detail_template": "registry/supervision/checklist_detail.html",
                "detail_context": checklist_detail_context})
register(ChecklistCriterion, filterset=ChecklistCriterionFilterSet, table=ChecklistCriterionTable,
         form=ChecklistCriterionForm, serializer=ChecklistCriterionSerializer)
register(SupervisionVisit, filterset=SupervisionVisitFilterSet, table=SupervisionVisitTable,
         form=SupervisionVisitForm, serializer=SupervisionVisitSerializer,
         detail_fields=("group", "date", "template", "team_members", "outcome", "findings", "recommendations",
                        "follow_up_deadline", "follow_up_status", "follow_up_done_on"),
         extra={"views": {"add": VisitEditView, "edit": VisitEditView},
                "detail_template": "registry/supervision/visit_detail.html",
                "detail_context": visit_detail_context})
register(VisitResult, filterset=VisitResultFilterSet, table=VisitResultTable, form=VisitResultForm,
         serializer=VisitResultSerializer)
