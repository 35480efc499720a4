"""API of indicator results: GET /api/v1/results/?period=<id>[&unit=<id>][&breakdown=…][&lower=true][&as_of=YYYY-MM-DD]
— the same numbers as the dashboard (results.py), for the unit (default: the top of the caller's scope) and, with
`lower`, every unit one level down. Scoped like the page: a unit out of scope answers 404; roll-ups are read
through restrict()."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, QueryDict
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from tretho.core.scoping import VIEW
from tretho.core.views import SCOPE_RESTRICT

from . import results
from .models import ReportingPeriod


class ResultSerializer(serializers.Serializer):
    indicator = serializers.CharField(help_text="Mã chỉ số")
    indicator_name = serializers.CharField()
    unit = serializers.IntegerField()
    unit_code = serializers.CharField()
    unit_name = serializers.CharField()
    period = serializers.CharField(help_text="Mã kỳ theo DHIS2: 2020, 2020S1, 2020Q3, 202011")
    breakdown = serializers.CharField(allow_blank=True)
    value = serializers.DecimalField(max_digits=24, decimal_places=4, allow_null=True)
    numerator = serializers.DecimalField(max_digits=24, decimal_places=4, allow_null=True)
    denominator = serializers.DecimalField(max_digits=24, decimal_places=4, allow_null=True)
    source = serializers.CharField(allow_blank=True, help_text="rollup, computed hoặc rỗng")
    submissions = serializers.IntegerField(help_text="Số báo cáo đã duyệt góp vào tử số")
    target = serializers.DecimalField(max_digits=24, decimal_places=4, allow_null=True)
    target_label = serializers.CharField(allow_blank=True)
    due = serializers.DecimalField(max_digits=24, decimal_places=4, allow_null=True)
    achieved = serializers.DecimalField(max_digits=10, decimal_places=1, allow_null=True)
    status = serializers.ChoiceField(choices=list(results.STATUS_LABELS))
    status_label = serializers.CharField()
    via_predecessors = serializers.BooleanField()
    as_of = serializers.DateTimeField()


def result_row(result: results.Result, as_of: dt.datetime) -> dict[str, Any]:
    return {
        "indicator": result.indicator.code, "indicator_name": result.indicator.name, "unit": result.unit.pk,
        "unit_code": result.unit.code, "unit_name": result.unit.name, "period": result.period.period_id,
        "breakdown": result.option_key, "value": result.value, "numerator": result.numerator.value,
        "denominator": result.denominator.value if result.denominator is not None else None,
        "source": result.numerator.source, "submissions": result.numerator.submissions,
        "target": result.target_value, "target_label": result.target_text, "due": result.due,
        "achieved": result.achieved, "status": result.status, "status_label": result.status_label,
        "via_predecessors": result.via_predecessors, "as_of": as_of,
    }


class ResultViewSet(viewsets.ViewSet):
    scoped_by = SCOPE_RESTRICT
    serializer_class = ResultSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter("period", OpenApiTypes.INT, required=True, description="Kỳ báo cáo (id)"),
            OpenApiParameter("unit", OpenApiTypes.INT, description="Đơn vị (id); mặc định: đơn vị cao nhất được xem"),
            OpenApiParameter("breakdown", OpenApiTypes.STR, description="Phân tổ, ví dụ gioitinh=nu"),
            OpenApiParameter("lower", OpenApiTypes.BOOL, description="Thêm các đơn vị cấp dưới trực tiếp"),
            OpenApiParameter("as_of", OpenApiTypes.DATE, description="Số liệu đến hết ngày (YYYY-MM-DD)"),
        ],
        responses=ResultSerializer(many=True),
    )
    def list(self, request: Request) -> Response:
        from .views_dashboard import build_dashboard

        params = request.query_params
        period = ReportingPeriod.objects.restrict(request.user, VIEW).filter(
            pk=int(params["period"]) if str(params.get("period", "")).isdigit() else 0).first()
        if period is None:
            raise Http404(_("Không tìm thấy."))
        data = QueryDict(mutable=True)
        data.update({"programme": str(period.programme_id), "period": str(period.pk)})
        if params.get("unit"):
            data["unit"] = params["unit"]
        if params.get("breakdown"):
            data["breakdown"] = params["breakdown"]
        if params.get("as_of"):
            try:
                data["as_of"] = dt.date.fromisoformat(params["as_of"]).strftime("%d/%m/%Y")
            except ValueError:
                raise serializers.ValidationError({"as_of": [_("Ngày phải có dạng YYYY-MM-DD.")]}) from None
        lower = str(params.get("lower", "")).lower() in ("1", "true", "yes")
        board, _form = build_dashboard(request.user, data, with_lower=lower)
        if board.unit is None:
            return Response([])
        moment = board.as_of or board.read_at
        rows = [result_row(result, moment) for result in board.own]
        for unit in board.lower:
            rows += [result_row(board.table[(indicator.pk, unit.pk)], moment) for indicator in board.indicators]
        return Response(ResultSerializer(rows, many=True).data)


ROUTES = [("results", ResultViewSet)]
