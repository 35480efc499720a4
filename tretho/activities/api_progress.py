"""API of task progress (gathered by api.py):

- /api/v1/task-progress/?plan=<id>: every task of a plan the user may read, its derived state (see
  tretho.activities.progress), completion and activity counts, and the per-agency summary. Read only.
- /api/v1/task-completions/: the completions of tasks the user may read; POST {task, done_on, evidence} marks a task
  done and DELETE undoes it — both only for the task's lead agency and the plan unit's managers (403 otherwise;
  a task out of scope answers 404).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from tretho.core.scoping import VIEW
from tretho.programmes.models import Plan, PlanTask

from . import progress
from .api_attachments import error_detail
from .models import TaskCompletion

# The largest id the databases store (a bigger one is a 400, never an OverflowError on SQLite).
MAX_ID = 2**63 - 1


def query_id(request: Request, name: str, *, required: bool = False) -> int | None:
    """The id given as ?name=: None when absent (a 400 when required); a 400 for anything but a plain id (non-ASCII
    digits such as "²", signs, decimals, ids past the databases' range)."""
    raw = request.query_params.get(name, "")
    if not raw and not required:
        return None
    if not (raw.isascii() and raw.isdigit() and 0 < int(raw) <= MAX_ID):
        message = _("Chọn kế hoạch (?plan=<id>).") if name == "plan" else _("Mã không hợp lệ.")
        raise serializers.ValidationError({name: [message]})
    return int(raw)


class TaskCompletionSerializer(serializers.ModelSerializer):
    task = serializers.IntegerField(source="task_id", min_value=1, max_value=MAX_ID, help_text="Id of the plan task")
    marked_by: Any = serializers.StringRelatedField()

    class Meta:
        model = TaskCompletion
        fields = ["id", "version", "task", "done_on", "evidence", "marked_by", "created_at"]
        read_only_fields = ["id", "version", "marked_by", "created_at"]

    def validate_done_on(self, value: Any) -> Any:
        try:
            progress.check_done_on(value)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict["done_on"]) from None
        return value


class TaskProgressRowSerializer(serializers.Serializer):
    id: Any = serializers.IntegerField()
    title = serializers.CharField()
    parent_task = serializers.IntegerField(allow_null=True)
    lead_agency = serializers.IntegerField(allow_null=True)
    lead_name = serializers.CharField()
    deadline = serializers.DateField(allow_null=True)
    state = serializers.ChoiceField(choices=[(s.value, s.label) for s in progress.STATE_ORDER])
    state_label = serializers.CharField()
    completion = serializers.IntegerField(allow_null=True)
    done_on = serializers.DateField(allow_null=True)
    activities = serializers.DictField(child=serializers.IntegerField(),
                                       help_text="Activities the user may read, by kind (training, meeting…)")


class AgencyRowSerializer(serializers.Serializer):
    agency = serializers.IntegerField(allow_null=True)
    name = serializers.CharField()
    not_started = serializers.IntegerField()
    in_progress = serializers.IntegerField()
    done = serializers.IntegerField()
    overdue = serializers.IntegerField()
    total = serializers.IntegerField()


class PlanProgressSerializer(serializers.Serializer):
    plan = serializers.IntegerField()
    tasks = TaskProgressRowSerializer(many=True)
    agencies = AgencyRowSerializer(many=True)


def plan_progress_data(plan: Plan, user: Any) -> dict[str, Any]:
    tasks, states, summary = progress.plan_tasks_progress(plan, user=user)
    rows = []
    for task in tasks:
        state = states[task.pk]
        lead, lead_name = progress.effective_lead(task)
        rows.append({
            "id": task.pk, "title": task.title, "parent_task": task.parent_id,
            "lead_agency": lead.pk if lead is not None else None, "lead_name": lead_name,
            "deadline": task.deadline, "state": state.state, "state_label": state.label,
            "completion": state.completion.pk if state.completion else None,
            "done_on": state.completion.done_on if state.completion else None, "activities": state.counts})
    agencies = [{"agency": row.agency.pk if row.agency is not None else None, "name": str(row.name),
                 **{str(key): count for key, count in zip(progress.STATE_ORDER, row.cells(), strict=True)},
                 "total": row.total} for row in summary]
    return {"plan": plan.pk, "tasks": rows, "agencies": agencies}


class TaskProgressViewSet(viewsets.ViewSet):
    """The progress of a plan's tasks (?plan=<id>, required), read through the plan's scope."""

    scoped_by = "restrict"

    @extend_schema(responses=PlanProgressSerializer, summary="Tiến độ các nhiệm vụ của một kế hoạch",
                   parameters=[OpenApiParameter("plan", int, required=True, description="Id of the plan")])
    def list(self, request: Request) -> Response:
        plan = Plan.objects.restrict(request.user, VIEW).filter(pk=query_id(request, "plan", required=True)).first()
        if plan is None:
            raise NotFound(_("Không tìm thấy."))
        return Response(PlanProgressSerializer(plan_progress_data(plan, request.user)).data)


class TaskCompletionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                            mixins.DestroyModelMixin, viewsets.GenericViewSet):
    """Completions of the tasks the user may read (?task=<id> to pick one); create and delete need the marking
    right (progress.may_mark)."""

    scoped_by = "restrict"
    serializer_class = TaskCompletionSerializer

    def readable_tasks(self) -> Any:
        return PlanTask.objects.restrict(self.request.user, VIEW)

    def get_queryset(self) -> Any:
        completions = TaskCompletion.objects.filter(task__in=self.readable_tasks().values("pk")).select_related(
            "marked_by").order_by("-done_on", "id")
        task = query_id(self.request, "task")
        return completions if task is None else completions.filter(task_id=task)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        task = self.readable_tasks().select_related("plan__unit", "lead_agency", "parent__lead_agency").filter(
            pk=data["task_id"]).first()
        if task is None:
            raise NotFound(_("Không tìm thấy nhiệm vụ."))
        try:
            completion = progress.do_mark_done(task, done_on=data["done_on"], evidence=data["evidence"],
                                               acting_user=request.user)
        except DjangoPermissionDenied:
            raise PermissionDenied(_("Chỉ cơ quan chủ trì nhiệm vụ hoặc người quản lý kế hoạch được xác nhận.")
                                   ) from None
        except DjangoValidationError as error:
            raise serializers.ValidationError(error_detail(error)) from None
        return Response(self.get_serializer(completion).data, status=status.HTTP_201_CREATED)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        completion = self.get_object()
        try:
            progress.do_undo_done(completion, acting_user=request.user)
        except DjangoPermissionDenied:
            raise PermissionDenied(_("Chỉ cơ quan chủ trì nhiệm vụ hoặc người quản lý kế hoạch được bỏ xác nhận.")
                                   ) from None
        return Response(status=status.HTTP_204_NO_CONTENT)


ROUTES: list = [
    ("task-progress", TaskProgressViewSet),
    ("task-completions", TaskCompletionViewSet),
]
