"""Generated pages of the registry's records (list, detail, add, edit, delete, history, deleted, export)."""

from tretho.core.urls_for_models import model_urls

from .models import (
    ChildcareGroup,
    Enrolment,
    Enterprise,
    EnterpriseContribution,
    FacilitySupport,
    HealthCheck,
    ProgrammeSupport,
    Staff,
    SupportPayment,
)

urlpatterns: list = [
    *model_urls(ChildcareGroup, prefix="groups/"),
    *model_urls(ProgrammeSupport, prefix="programme-supports/"),
    *model_urls(FacilitySupport, prefix="facility-supports/"),
    *model_urls(SupportPayment, prefix="support-payments/"),
    *model_urls(Enrolment, prefix="enrolments/"),
    *model_urls(HealthCheck, prefix="health-checks/"),
    *model_urls(Staff, prefix="staff/"),
    *model_urls(Enterprise, prefix="enterprises/"),
    *model_urls(EnterpriseContribution, prefix="enterprise-contributions/"),
]
