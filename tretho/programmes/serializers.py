"""API shapes. Model rules (Model.clean) are applied to API writes too, and an issued plan's parts answer with
the lock's reason."""

from __future__ import annotations

from rest_framework import serializers

from tretho.core.api import CleanedSerializer

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

_BOOKKEEPING = ["version", "created_at", "updated_at"]


class ProgrammeSerializer(CleanedSerializer):
    class Meta:
        model = Programme
        fields = ["id", "code", "short_name", "title", "decision_number", "decision_date", "decision_issuer",
                  "start_year", "end_year", "general_objective", "unit", *_BOOKKEEPING]


class PhaseSerializer(CleanedSerializer):
    class Meta:
        model = Phase
        fields = ["id", "programme", "name", "start_year", "end_year", *_BOOKKEEPING]


class IndicatorSerializer(CleanedSerializer):
    class Meta:
        model = Indicator
        fields = ["id", "programme", "code", "name", "definition", "unit_of_measure", "numerator", "denominator",
                  "factor", "decimals", "direction", "breakdowns", *_BOOKKEEPING]


class PlanSerializer(CleanedSerializer):
    document_number = serializers.CharField(read_only=True)

    class Meta:
        model = Plan
        fields = ["id", "programme", "phase", "unit", "agency", "committee", "start_year", "end_year", "implements",
                  "legal_bases", "parent_body", "issuing_body", "number", "type_code", "issuer_code",
                  "document_number", "place", "issued_on", "type_name", "summary", "preamble", "purpose",
                  "target_groups", "scope", "timeframe", "budget_text", "reporting_text", "closing_text",
                  "section_order", "section_headings", "status", "amends", "issued_at", "signer_authority",
                  "signer_body", "signer_title", "signer_name", *_BOOKKEEPING]
        read_only_fields = ["status", "amends", "issued_at"]


class PlanPartSerializer(CleanedSerializer):
    def validate_plan(self, plan: Plan) -> Plan:
        if plan.is_locked:
            raise serializers.ValidationError(plan.locked_reason)
        return plan


class PlanObjectiveSerializer(PlanPartSerializer):
    class Meta:
        model = PlanObjective
        fields = ["id", "plan", "order", "kind", "text", "milestone_value", "milestone_year", "milestone_phase",
                  "indicator", *_BOOKKEEPING]


class PlanTargetSerializer(PlanPartSerializer):
    value_label = serializers.CharField(read_only=True)

    class Meta:
        model = PlanTarget
        fields = ["id", "plan", "order", "indicator", "text", "comparison", "value", "unit_of_measure", "value_label",
                  "year", "deadline", "area", "part_of", "parent_target", *_BOOKKEEPING]


class PlanTaskSerializer(PlanPartSerializer):
    class Meta:
        model = PlanTask
        fields = ["id", "plan", "order", "parent", "title", "description", "lead_agency", "lead_text",
                  "cooperating_agencies", "assigned_units", "start", "deadline", "expected_output", "budget_amount",
                  "budget_source", *_BOOKKEEPING]


class AgencyDutySerializer(PlanPartSerializer):
    class Meta:
        model = AgencyDuty
        fields = ["id", "plan", "order", "agency", "body_name", "intro", "duties", *_BOOKKEEPING]


class ReportingRequirementSerializer(PlanPartSerializer):
    deadline_label = serializers.CharField(read_only=True)

    class Meta:
        model = ReportingRequirement
        fields = ["id", "plan", "order", "subject", "reporter_level", "reporter_text", "recipient_agency",
                  "recipient_text", "frequency", "deadline_day", "deadline_month", "deadline_date", "deadline_label",
                  "channel", "note", *_BOOKKEEPING]


class PlanRecipientSerializer(PlanPartSerializer):
    class Meta:
        model = PlanRecipient
        fields = ["id", "plan", "order", "text", *_BOOKKEEPING]


class IssuePlanSerializer(serializers.Serializer):
    number = serializers.CharField(required=False, allow_blank=True, max_length=20)
    date = serializers.DateField(required=False, input_formats=["%d/%m/%Y", "%Y-%m-%d"])
