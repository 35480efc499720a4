from tretho.core.api import ScopedModelViewSet

from ..models import ChecklistCriterion, ChecklistTemplate, SupervisionVisit, VisitResult
from .serializers import (
    ChecklistCriterionSerializer,
    ChecklistTemplateSerializer,
    SupervisionVisitSerializer,
    VisitResultSerializer,
)


class ChecklistTemplateViewSet(ScopedModelViewSet):
    queryset = ChecklistTemplate.objects.select_related("unit")
    serializer_class = ChecklistTemplateSerializer
    filterset_fields = ["code", "version_label"]


class ChecklistCriterionViewSet(ScopedModelViewSet):
    queryset = ChecklistCriterion.objects.select_related("template")
    serializer_class = ChecklistCriterionSerializer
    filterset_fields = ["template", "code", "auto_check"]


class SupervisionVisitViewSet(ScopedModelViewSet):
    queryset = SupervisionVisit.objects.select_related("group", "template").prefetch_related("team_agencies")
    serializer_class = SupervisionVisitSerializer
    filterset_fields = ["group", "outcome", "follow_up_status"]


class VisitResultViewSet(ScopedModelViewSet):
    queryset = VisitResult.objects.select_related("visit", "criterion")
    serializer_class = VisitResultSerializer
    filterset_fields = ["visit", "criterion", "result"]


ROUTES = [
    ("checklist-templates", ChecklistTemplateViewSet),
    ("checklist-criteria", ChecklistCriterionViewSet),
    ("supervision-visits", SupervisionVisitViewSet),
    ("visit-results", VisitResultViewSet),
]
