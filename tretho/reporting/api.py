"""API of the reporting cycle: periods, deadlines, forms and fields (reference data), submissions with their
values, events and reminders (scoped by the reporting unit), and the workflow actions
POST /api/v1/submissions/<id>/submit|return|accept|reopen/ (body: {"comment": …, "missing_note": …})."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.generics import get_object_or_404
from rest_framework.request import Request
from rest_framework.response import Response

from tretho.core.api import ScopedModelViewSet, ScopedReadOnlyViewSet
from tretho.core.scoping import VIEW
from tretho.core.views import SCOPE_RESTRICT
from tretho.geo.models import AdministrativeUnit

from . import actions, completeness, validation
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
from .serializers import (
    FormFieldSerializer,
    PeriodDeadlineSerializer,
    ReminderLogSerializer,
    ReportFormSerializer,
    ReportingPeriodSerializer,
    SubmissionEventSerializer,
    SubmissionSerializer,
    SubmissionValueSerializer,
    WorkflowSerializer,
)


class ReportingPeriodViewSet(ScopedModelViewSet):
    queryset = ReportingPeriod.objects.select_related("programme")
    serializer_class = ReportingPeriodSerializer
    filterset_fields = ["programme", "period_id", "is_closed"]


    @action(detail=True, methods=["post"], url_path="fill-deadlines", url_name="fill-deadlines")
    def fill_deadlines(self, request: Request, pk: Any = None) -> Response:
        """Fill the deadline per level from the plans' reporting requirements ({"overwrite": true} replaces
        edited ones); answers the deadlines set, level → date."""
        try:
            period = get_object_or_404(ReportingPeriod.objects.restrict(request.user, VIEW), pk=pk)
        except Http404:
            raise NotFound(_("Không tìm thấy.")) from None
        overwrite = str(request.data.get("overwrite", "")).lower() in ("1", "true")
        try:
            done = actions.do_fill_deadlines(period, acting_user=request.user, overwrite=overwrite)
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from None
        return Response({str(level): date.isoformat() for level, date in done.items()})


class PeriodDeadlineViewSet(ScopedModelViewSet):
    queryset = PeriodDeadline.objects.select_related("period")
    serializer_class = PeriodDeadlineSerializer
    filterset_fields = ["period", "level"]


class ReportFormViewSet(ScopedModelViewSet):
    queryset = ReportForm.objects.select_related("programme", "unit")
    serializer_class = ReportFormSerializer
    filterset_fields = ["programme", "code", "is_active"]


class FormFieldViewSet(ScopedModelViewSet):
    queryset = FormField.objects.select_related("form", "data_element")
    serializer_class = FormFieldSerializer
    filterset_fields = ["form", "data_element"]


class SubmissionViewSet(ScopedModelViewSet):
    queryset = Submission.objects.select_related("unit", "period", "form")
    serializer_class = SubmissionSerializer
    filterset_fields = ["unit", "period", "form", "status"]

    def perform_destroy(self, instance: Any) -> None:
        if instance.is_locked:
            raise PermissionDenied(_("Báo cáo đã gửi hoặc đã duyệt, không xóa được."))
        super().perform_destroy(instance)

    def _submission(self, pk: Any) -> Submission:
        try:  # the router lets a pk that is not a number through: 404 too
            return get_object_or_404(Submission.objects.restrict(self.request.user, VIEW), pk=pk)
        except Http404:
            raise NotFound(_("Không tìm thấy.")) from None

    def _run(self, request: Request, pk: Any, verb: str) -> Response:
        submission = self._submission(pk)
        body = WorkflowSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        comment, note = body.validated_data["comment"], body.validated_data["missing_note"]
        try:
            if verb == "submit":
                done = actions.do_submit(submission, acting_user=request.user, missing_note=note or comment)
            elif verb == "return":
                done = actions.do_return(submission, acting_user=request.user, comment=comment)
            elif verb == "accept":
                done = actions.do_accept(submission, acting_user=request.user, comment=comment)
            else:
                done = actions.do_reopen(submission, acting_user=request.user, reason=comment)
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from None
        except ValidationError as error:
            payload: dict[str, Any] = {"detail": error.messages, "code": getattr(error, "code", None)}
            if verb == "submit":
                errors = validation.validate_submission(submission)
                if errors:
                    payload["fields"] = {str(k): v for k, v in errors.items()}
                payload["missing_units"] = [unit.pk for unit in actions.missing_children(submission)]
            return Response(payload, status=status.HTTP_400_BAD_REQUEST)
        return Response(SubmissionSerializer(done, context=self.get_serializer_context()).data)

    @action(detail=True, methods=["post"], serializer_class=WorkflowSerializer)
    def submit(self, request: Request, pk: Any = None) -> Response:
        """Send the report up (400 with the field errors, or with the missing lower units unless missing_note)."""
        return self._run(request, pk, "submit")

    @action(detail=True, methods=["post"], serializer_class=WorkflowSerializer, url_path="return",
            url_name="return")
    def return_(self, request: Request, pk: Any = None) -> Response:
        """Return a submitted report with a comment (the level above only)."""
        return self._run(request, pk, "return")

    @action(detail=True, methods=["post"], serializer_class=WorkflowSerializer)
    def accept(self, request: Request, pk: Any = None) -> Response:
        """Accept a submitted report; its values reach every level's totals at once (the level above only)."""
        return self._run(request, pk, "accept")

    @action(detail=True, methods=["post"], serializer_class=WorkflowSerializer)
    def reopen(self, request: Request, pk: Any = None) -> Response:
        """Reopen an accepted report with a reason: its values leave the totals until accepted again."""
        return self._run(request, pk, "reopen")


class SubmissionValueViewSet(ScopedModelViewSet):
    queryset = SubmissionValue.objects.select_related("submission", "field")
    serializer_class = SubmissionValueSerializer
    filterset_fields = ["submission", "field"]

    def perform_destroy(self, instance: Any) -> None:
        if instance.submission.is_locked:
            raise PermissionDenied(_("Báo cáo đã gửi hoặc đã duyệt, không sửa được."))
        super().perform_destroy(instance)


class SubmissionEventViewSet(ScopedReadOnlyViewSet):
    queryset = SubmissionEvent.objects.select_related("submission", "actor")
    serializer_class = SubmissionEventSerializer
    filterset_fields = ["submission", "action"]


class ReminderLogViewSet(ScopedReadOnlyViewSet):
    queryset = ReminderLog.objects.select_related("period", "unit")
    serializer_class = ReminderLogSerializer
    filterset_fields = ["period", "unit", "kind"]


class CompletenessUnitSerializer(serializers.Serializer):
    unit = serializers.IntegerField()
    unit_name = serializers.CharField()
    form = serializers.IntegerField()
    state = serializers.ChoiceField(choices=["on_time", "late", "returned", "missing"])
    first_sent = serializers.DateField(allow_null=True, help_text="Ngày gửi lần đầu")
    submission = serializers.IntegerField(allow_null=True, help_text="Báo cáo (id), nếu được xem")


class CompletenessSerializer(serializers.Serializer):
    period = serializers.IntegerField()
    level = serializers.IntegerField(help_text="1 tỉnh, 2 huyện, 3 xã")
    deadline = serializers.DateField(allow_null=True)
    expected = serializers.IntegerField()
    on_time = serializers.IntegerField()
    late = serializers.IntegerField()
    returned = serializers.IntegerField()
    missing = serializers.IntegerField()
    accepted = serializers.IntegerField()
    completeness_pct = serializers.FloatField(allow_null=True)
    units = CompletenessUnitSerializer(many=True)


class CompletenessViewSet(viewsets.ViewSet):
    """GET /api/v1/completeness/?period=<id>[&level=1|2|3]: per level, the expected units and who sent on time,
    late, was returned or is missing — the units the caller may see."""

    scoped_by = SCOPE_RESTRICT
    serializer_class = CompletenessSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter("period", OpenApiTypes.INT, required=True, description="Kỳ báo cáo (id)"),
            OpenApiParameter("level", OpenApiTypes.INT, description="Chỉ một cấp: 1 tỉnh, 2 huyện, 3 xã"),
        ],
        responses=CompletenessSerializer(many=True),
    )
    def list(self, request: Request) -> Response:
        params = request.query_params
        period_pk = str(params.get("period", ""))
        period = ReportingPeriod.objects.restrict(request.user, VIEW).filter(
            pk=int(period_pk) if period_pk.isdigit() else 0).first()
        if period is None:
            raise NotFound(_("Không tìm thấy."))
        level = str(params.get("level", ""))
        units = AdministrativeUnit.objects.restrict(request.user, VIEW)
        levels = completeness.period_completeness(period, units=units,
                                                  levels=[int(level)] if level in ("1", "2", "3") else None)
        visible = set(Submission.objects.restrict(request.user, VIEW).filter(period=period)
                      .values_list("pk", flat=True))
        return Response([{
            "period": period.pk, "level": each.level, "deadline": each.deadline, "expected": each.expected,
            "on_time": each.on_time, "late": each.late, "returned": each.returned, "missing": each.missing,
            "accepted": each.accepted, "completeness_pct": each.completeness_pct,
            "units": [{"unit": row.unit.pk, "unit_name": row.unit.name, "form": row.form.pk, "state": row.state,
                       "first_sent": row.first_sent,
                       "submission": row.submission.pk if row.submission and row.submission.pk in visible else None}
                      for row in each.rows],
        } for each in levels])


ROUTES: list = [
    ("reporting-periods", ReportingPeriodViewSet),
    ("period-deadlines", PeriodDeadlineViewSet),
    ("report-forms", ReportFormViewSet),
    ("form-fields", FormFieldViewSet),
    ("submissions", SubmissionViewSet),
    ("submission-values", SubmissionValueViewSet),
    ("submission-events", SubmissionEventViewSet),
    ("report-reminders", ReminderLogViewSet),
    ("completeness", CompletenessViewSet),
]

# Indicator results, the dashboard's numbers (api_results.py).
from .api_results import ROUTES as RESULT_ROUTES  # noqa: E402

ROUTES += RESULT_ROUTES
