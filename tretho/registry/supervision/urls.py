from django.urls import path

from tretho.core.urls_for_models import model_urls

from ..models import ChecklistCriterion, ChecklistTemplate, SupervisionVisit, VisitResult
from .views import FollowUpDoneView, NewChecklistVersionView, OverdueFollowUpsView

urlpatterns = [
    path("supervision/overdue/", OverdueFollowUpsView.for_model(SupervisionVisit), name="visit_overdue"),
    path("supervision/<int:pk>/follow-up-done/", FollowUpDoneView.for_model(SupervisionVisit),
         name="visit_follow_up_done"),
    path("checklists/<int:pk>/new-version/", NewChecklistVersionView.for_model(ChecklistTemplate),
         name="checklisttemplate_new_version"),
    *model_urls(SupervisionVisit, prefix="supervision/"),
    *model_urls(VisitResult, prefix="supervision/results/"),
    *model_urls(ChecklistTemplate, prefix="checklists/"),
    *model_urls(ChecklistCriterion, prefix="checklists/criteria/"),
]
