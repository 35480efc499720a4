"""API of programmes and plans. Issued plans and their parts are read-only: a write answers 409 with the reason
("Kế hoạch đã ban hành ngày … — muốn thay đổi, hãy tạo bản sửa đổi"). Issuing and amending are actions."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, NotFound, PermissionDenied
from rest_framework.generics import get_object_or_404
from rest_framework.request import Request
from rest_framework.response import Response

from tretho.core.api import ScopedModelViewSet
from tretho.core.scoping import CHANGE

from . import actions
from .locking import PlanLocked
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
from .serializers import (
    AgencyDutySerializer,
    IndicatorSerializer,
    IssuePlanSerializer,
    PhaseSerializer,
    PlanObjectiveSerializer,
    PlanRecipientSerializer,
    PlanSerializer,
    PlanTargetSerializer,
    PlanTaskSerializer,
    ProgrammeSerializer,
    ReportingRequirementSerializer,
)


class PlanLockedConflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "plan_locked"


class ProgrammeViewSet(ScopedModelViewSet):
    queryset = Programme.objects.all()
    serializer_class = ProgrammeSerializer
    filterset_fields = ["code"]


class PhaseViewSet(ScopedModelViewSet):
    queryset = Phase.objects.all()
    serializer_class = PhaseSerializer
    filterset_fields = ["programme"]


class IndicatorViewSet(ScopedModelViewSet):
    queryset = Indicator.objects.all()
    serializer_class = IndicatorSerializer
    filterset_fields = ["programme", "code", "unit_of_measure"]


class LockedWritesMixin:
    """Writes to an issued plan or its parts answer 409 with the lock's message."""

    def plan_of(self, instance: Any) -> Plan:
        return instance if isinstance(instance, Plan) else instance.plan

    def refuse_if_locked(self, instance: Any) -> None:
        plan = Plan._base_manager.get(pk=self.plan_of(instance).pk)
        if plan.is_locked:
            raise PlanLockedConflict(plan.locked_reason)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        self.refuse_if_locked(self.get_object())  # type: ignore[attr-defined]
        try:
            return super().update(request, *args, **kwargs)  # type: ignore[misc]
        except PlanLocked as error:  # issued in between
            raise PlanLockedConflict(error.messages[0]) from None

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        self.refuse_if_locked(self.get_object())  # type: ignore[attr-defined]
        return super().destroy(request, *args, **kwargs)  # type: ignore[misc]


class PlanViewSet(LockedWritesMixin, ScopedModelViewSet):
    queryset = Plan.objects.all()
    serializer_class = PlanSerializer
    filterset_fields = ["programme", "phase", "unit", "agency", "committee", "status", "start_year", "end_year"]

    def _plan_for_change(self, pk: Any) -> Plan:
        try:  # DRF's get_object_or_404 also answers 404 for a pk that is not a number (the router lets "abc" in)
            return get_object_or_404(Plan.objects.restrict(self.request.user, CHANGE), pk=pk)
        except Http404:
            raise NotFound(_("Không tìm thấy.")) from None

    @action(detail=True, methods=["post"], serializer_class=IssuePlanSerializer)
    def issue(self, request: Request, pk: Any = None) -> Response:
        """Issue the draft (number and date from the body or the draft); 409 when already issued."""
        plan = self._plan_for_change(pk)
        body = IssuePlanSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        if plan.is_locked:
            raise PlanLockedConflict(plan.locked_reason)
        try:
            with transaction.atomic():
                issued = actions.do_issue_plan(plan, acting_user=request.user, number=body.validated_data.get("number"),
                                               date=body.validated_data.get("date"))
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from None
        except ValidationError as error:
            return Response({"detail": error.messages}, status=status.HTTP_400_BAD_REQUEST)
        return Response(PlanSerializer(issued, context=self.get_serializer_context()).data)

    @action(detail=True, methods=["post"], serializer_class=IssuePlanSerializer)
    def amend(self, request: Request, pk: Any = None) -> Response:
        """Create the amendment draft of an issued plan (201 with the new draft)."""
        plan = self._plan_for_change(pk)
        try:
            with transaction.atomic():
                amendment = actions.do_create_amendment(plan, acting_user=request.user)
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from None
        except ValidationError as error:
            return Response({"detail": error.messages}, status=status.HTTP_409_CONFLICT)
        return Response(PlanSerializer(amendment, context=self.get_serializer_context()).data,
                        status=status.HTTP_201_CREATED)


class PlanPartViewSet(LockedWritesMixin, ScopedModelViewSet):
    filterset_fields = ["plan"]


class PlanObjectiveViewSet(PlanPartViewSet):
    queryset = PlanObjective.objects.all()
    serializer_class = PlanObjectiveSerializer


class PlanTargetViewSet(PlanPartViewSet):
    queryset = PlanTarget.objects.all()
    serializer_class = PlanTargetSerializer
    filterset_fields = ["plan", "indicator", "parent_target", "part_of", "area", "year"]


class PlanTaskViewSet(PlanPartViewSet):
    queryset = PlanTask.objects.all()
    serializer_class = PlanTaskSerializer
    filterset_fields = ["plan", "lead_agency", "parent", "budget_source"]


class AgencyDutyViewSet(PlanPartViewSet):
    queryset = AgencyDuty.objects.all()
    serializer_class = AgencyDutySerializer


class ReportingRequirementViewSet(PlanPartViewSet):
    queryset = ReportingRequirement.objects.all()
    serializer_class = ReportingRequirementSerializer
    filterset_fields = ["plan", "frequency", "recipient_agency"]


class PlanRecipientViewSet(PlanPartViewSet):
    queryset = PlanRecipient.objects.all()
    serializer_class = PlanRecipientSerializer


ROUTES = [
    ("programmes", ProgrammeViewSet),
    ("phases", PhaseViewSet),
    ("indicators", IndicatorViewSet),
    ("plans", PlanViewSet),
    ("plan-objectives", PlanObjectiveViewSet),
    ("plan-targets", PlanTargetViewSet),
    ("plan-tasks", PlanTaskViewSet),
    ("agency-duties", AgencyDutyViewSet),
    ("reporting-requirements", ReportingRequirementViewSet),
    ("plan-recipients", PlanRecipientViewSet),
]
