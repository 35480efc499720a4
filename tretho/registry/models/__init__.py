from .enterprises import Enterprise, EnterpriseContribution
from .groups import ChildcareGroup, Enrolment, FacilitySupport, HealthCheck, ProgrammeSupport, SupportPayment
from .people import Staff
from .supervision import ChecklistCriterion, ChecklistTemplate, SupervisionVisit, VisitResult

__all__ = [
    "ChecklistCriterion", "ChecklistTemplate", "ChildcareGroup", "Enrolment", "Enterprise", "EnterpriseContribution",
    "FacilitySupport", "HealthCheck", "ProgrammeSupport", "Staff", "SupervisionVisit", "SupportPayment",
    "VisitResult",
]
