from django.urls import include, path

from tretho.core.urls_for_models import model_urls

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
from .views import PlanAmendView, PlanIssueView

app_name = "programmes"
urlpatterns = [
    *model_urls(Plan, prefix=""),
    path("<int:pk>/issue/", PlanIssueView.for_model(Plan), name="plan_issue"),
    path("<int:pk>/amend/", PlanAmendView.for_model(Plan), name="plan_amend"),
    *model_urls(Programme, prefix="programmes/"),
    *model_urls(Phase, prefix="phases/"),
    *model_urls(Indicator, prefix="indicators/"),
    *model_urls(PlanObjective, prefix="objectives/"),
    *model_urls(PlanTarget, prefix="targets/"),
    *model_urls(PlanTask, prefix="tasks/"),
    *model_urls(AgencyDuty, prefix="duties/"),
    *model_urls(ReportingRequirement, prefix="reporting/"),
    *model_urls(PlanRecipient, prefix="recipients/"),
    path("", include("tretho.programmes.urls_work")),  # cascade, documents, Excel, task board
]
