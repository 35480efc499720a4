"""Model-view registrations of the registry (tretho.core.registry)."""

from django.utils.translation import gettext_lazy as _

from tretho.core.registry import register

from . import filters, forms, serializers, tables
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
from .supervision import registrations as _supervision  # noqa: F401
from .views import group_detail_context, staff_detail_context

register(ChildcareGroup, filterset=filters.ChildcareGroupFilterSet, table=tables.ChildcareGroupTable,
         form=forms.ChildcareGroupForm, serializer=serializers.ChildcareGroupSerializer,
         extra={"detail_template": "registry/childcaregroup_detail.html", "detail_context": group_detail_context,
                "related": [("staff", _("Người chăm sóc trẻ")), ("enrolments", _("Số trẻ theo các lần cập nhật")),
                            ("health_checks", _("Khám sức khỏe")),
                            ("programme_supports", _("Hỗ trợ kiện toàn, thành lập mới")),
                            ("facility_supports", _("Hỗ trợ cơ sở vật chất")),
                            ("support_payments", _("Hỗ trợ theo Nghị định 105/2020")),
                            ("contributions", _("Đóng góp của doanh nghiệp"))]})

# A group's records: their own pages exist (list, edit, history); they are usually added from the group page.
for model, name in ((ProgrammeSupport, "ProgrammeSupport"), (FacilitySupport, "FacilitySupport"),
                    (SupportPayment, "SupportPayment"), (Enrolment, "Enrolment"), (HealthCheck, "HealthCheck")):
    register(model, filterset=getattr(filters, f"{name}FilterSet"), table=getattr(tables, f"{name}Table"),
             form=getattr(forms, f"{name}Form"), serializer=getattr(serializers, f"{name}Serializer"))
# A staff member's page lists the trainings they attended: whether they are trained follows from them.
register(Staff, filterset=filters.StaffFilterSet, table=tables.StaffTable, form=forms.StaffForm,
         serializer=serializers.StaffSerializer,
         extra={"detail_template": "registry/staff_detail.html", "detail_context": staff_detail_context})

register(Enterprise, filterset=filters.EnterpriseFilterSet, table=tables.EnterpriseTable,
         form=forms.EnterpriseForm, serializer=serializers.EnterpriseSerializer,
         extra={"related": [("contributions", _("Đóng góp cho chăm sóc trẻ"))]})
register(EnterpriseContribution, filterset=filters.EnterpriseContributionFilterSet,
         table=tables.EnterpriseContributionTable, form=forms.EnterpriseContributionForm,
         serializer=serializers.EnterpriseContributionSerializer)
