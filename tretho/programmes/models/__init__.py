"""Programmes (Đề án) with their phases and indicators, and plans (Kế hoạch) held as structured data."""

from .plan import Plan, PlanQuerySet
from .programme import Indicator, Phase, Programme
from .sections import AgencyDuty, PlanObjective, PlanRecipient, PlanTarget, PlanTask, ReportingRequirement

__all__ = [
    "AgencyDuty", "Indicator", "Phase", "Plan", "PlanObjective", "PlanQuerySet", "PlanRecipient", "PlanTarget",
    "PlanTask", "Programme", "ReportingRequirement",
]
