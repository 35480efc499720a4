"""API of the cascade (under /api/v1/, see urls_work.api_urlpatterns): a plan's tree, creating a lower unit's plan,
copying as next year's, distributing a target and its warnings, the task board. Scoped like the pages: plans are
read through restrict() (404 out of scope) and written by the cascade actions, which check the user's rights."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from tretho.core.scoping import ADD, VIEW
from tretho.geo.models import AdministrativeUnit

from . import board, cascade
from .models import Plan, PlanTarget
from .serializers import PlanSerializer, PlanTargetSerializer, PlanTaskSerializer


class ScopedApiView(APIView):
    scoped_by = "restrict"

    def scoped(self, model: Any, pk: Any, action: str = VIEW) -> Any:
        found = model.objects.restrict(self.request.user, action).filter(pk=pk).first()
        if found is None:
            raise NotFound(_("Không tìm thấy."))
        return found

    def run(self, action: Any, *args: Any, **kwargs: Any) -> Any:
        """Call a cascade action; its refusals become 403 and its Vietnamese messages a 400."""
        try:
            return action(*args, acting_user=self.request.user, **kwargs)
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from None
        except ValidationError as error:
            raise serializers.ValidationError({"detail": error.messages}) from None

    def context(self) -> dict[str, Any]:
        return {"request": self.request, "view": self}


class UnitBodySerializer(serializers.Serializer):
    unit = serializers.IntegerField(help_text="Id of a unit below the plan's unit")


class ShareSerializer(serializers.Serializer):
    unit = serializers.IntegerField()
    value = serializers.DecimalField(max_digits=16, decimal_places=2, min_value=0)


class DistributeSerializer(serializers.Serializer):
    shares = ShareSerializer(many=True)


class DistributionResultSerializer(serializers.Serializer):
    targets = PlanTargetSerializer(many=True)
    warnings = serializers.ListField(child=serializers.CharField())


class WarningsSerializer(serializers.Serializer):
    warnings = serializers.ListField(child=serializers.CharField())


class TreeNodeSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="plan.pk")
    title = serializers.CharField(source="plan.__str__")
    status = serializers.CharField(source="plan.status")
    unit = serializers.IntegerField(source="plan.unit_id")
    unit_name = serializers.CharField(source="plan.unit.name")
    children = serializers.SerializerMethodField()
    units_without_plan = serializers.SerializerMethodField()

    def get_children(self, node: cascade.TreeNode) -> list[dict[str, Any]]:
        return [TreeNodeSerializer(child).data for child in node.children]

    def get_units_without_plan(self, node: cascade.TreeNode) -> list[dict[str, Any]]:
        return [{"id": unit.pk, "name": unit.name} for unit in node.units_without_plan]


class PlanTreeApi(ScopedApiView):
    @extend_schema(responses=TreeNodeSerializer, summary="Cây kế hoạch: kế hoạch cấp trên và các kế hoạch cấp dưới")
    def get(self, request: Request, pk: int) -> Response:
        plan = self.scoped(Plan, pk)
        return Response(TreeNodeSerializer(cascade.plan_tree(plan, request.user)).data)


class CreateLowerPlanApi(ScopedApiView):
    @extend_schema(request=UnitBodySerializer, responses={201: PlanSerializer},
                   summary="Tạo bản dự thảo kế hoạch của đơn vị cấp dưới từ kế hoạch này")
    def post(self, request: Request, pk: int) -> Response:
        plan = self.scoped(Plan, pk)
        body = UnitBodySerializer(data=request.data)
        body.is_valid(raise_exception=True)
        unit = AdministrativeUnit.objects.filter(pk=body.validated_data["unit"]).first()
        if unit is None:
            raise serializers.ValidationError({"unit": [_("Không có đơn vị này.")]})
        lower = self.run(cascade.do_create_lower_plan, plan, unit)
        return Response(PlanSerializer(lower, context=self.context()).data, status=status.HTTP_201_CREATED)


class CopyNextYearApi(ScopedApiView):
    @extend_schema(request=None, responses={201: PlanSerializer}, summary="Sao chép thành kế hoạch năm sau")
    def post(self, request: Request, pk: int) -> Response:
        plan = self.scoped(Plan, pk, ADD)
        copy = self.run(cascade.do_copy_as_next_year, plan)
        return Response(PlanSerializer(copy, context=self.context()).data, status=status.HTTP_201_CREATED)


class DistributeTargetApi(ScopedApiView):
    @extend_schema(request=DistributeSerializer, responses=DistributionResultSerializer,
                   summary="Phân bổ chỉ tiêu cho các kế hoạch cấp dưới")
    def post(self, request: Request, pk: int) -> Response:
        target = self.scoped(PlanTarget, pk)
        body = DistributeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        rows = body.validated_data["shares"]
        units = AdministrativeUnit.objects.in_bulk([row["unit"] for row in rows])
        missing = [row["unit"] for row in rows if row["unit"] not in units]
        if missing:
            raise serializers.ValidationError({"shares": [_("Không có đơn vị %(ids)s.") % {
                "ids": ", ".join(str(pk) for pk in missing)}]})
        shares = {units[row["unit"]]: row["value"] for row in rows}
        targets = self.run(cascade.distribute_target, target, shares)
        return Response({
            "targets": PlanTargetSerializer(targets, many=True, context=self.context()).data,
            "warnings": cascade.distribution_warnings(target.plan),
        })


class DistributionWarningsApi(ScopedApiView):
    @extend_schema(responses=WarningsSerializer, summary="Cảnh báo: chỉ tiêu cấp dưới chưa khớp cấp trên")
    def get(self, request: Request, pk: int) -> Response:
        return Response({"warnings": cascade.distribution_warnings(self.scoped(Plan, pk))})


class TaskBoardApi(ScopedApiView):
    @extend_schema(responses=PlanTaskSerializer(many=True), summary="Nhiệm vụ theo cơ quan và thời hạn",
                   parameters=[OpenApiParameter("agency", int, description="Id of the agency (lead or cooperating)"),
                               OpenApiParameter("when", str, enum=list(board.WHEN_CHOICES))])
    def get(self, request: Request) -> Response:
        from tretho.orgs.models import Agency

        agency = None
        raw = request.query_params.get("agency", "")
        if raw:
            agency = Agency.objects.restrict(request.user, VIEW).filter(pk=int(raw) if raw.isdigit() else 0).first()
            if agency is None:
                raise NotFound(_("Không tìm thấy cơ quan."))
        when = request.query_params.get("when", board.ALL)
        if when not in board.WHEN_CHOICES:
            raise serializers.ValidationError({"when": [_("Chọn all, overdue, soon, later hoặc done.")]})
        tasks = board.board_tasks(request.user, agency, when)[:500]
        return Response(PlanTaskSerializer(tasks, many=True, context=self.context()).data)
