"""URLs of the cascade pages and plan files (included from programmes/urls.py, namespace "programmes") and of
their API (`api_urlpatterns`, added to /api/v1/ by tretho/api/urls.py, namespace "api")."""

from django.urls import path

from . import api_work, views_work
from .models import Plan, PlanTarget, PlanTask

urlpatterns = [
    path("<int:pk>/tree/", views_work.PlanTreeView.for_model(Plan), name="plan_tree"),
    path("<int:pk>/lower/", views_work.CreateLowerPlanView.for_model(Plan), name="plan_create_lower"),
    path("<int:pk>/next-year/", views_work.CopyNextYearView.for_model(Plan), name="plan_copy_next_year"),
    path("<int:pk>/document.docx", views_work.PlanDocxView.for_model(Plan), name="plan_docx"),
    path("<int:pk>/document.pdf", views_work.PlanPdfView.for_model(Plan), name="plan_pdf"),
    path("<int:pk>/excel/", views_work.PlanExcelExportView.for_model(Plan), name="plan_excel"),
    path("<int:pk>/excel/template/", views_work.PlanExcelTemplateView.for_model(Plan), name="plan_excel_template"),
    path("<int:pk>/excel/import/", views_work.PlanExcelImportView.for_model(Plan), name="plan_excel_import"),
    path("targets/<int:pk>/distribute/", views_work.DistributeTargetView.for_model(PlanTarget),
         name="target_distribute"),
    path("board/", views_work.TaskBoardView.for_model(PlanTask), name="task_board"),
]

api_urlpatterns = [
    path("plans/<int:pk>/tree/", api_work.PlanTreeApi.as_view(), name="plan-tree"),
    path("plans/<int:pk>/create-lower/", api_work.CreateLowerPlanApi.as_view(), name="plan-create-lower"),
    path("plans/<int:pk>/copy-next-year/", api_work.CopyNextYearApi.as_view(), name="plan-copy-next-year"),
    path("plans/<int:pk>/distribution-warnings/", api_work.DistributionWarningsApi.as_view(),
         name="plan-distribution-warnings"),
    path("plan-targets/<int:pk>/distribute/", api_work.DistributeTargetApi.as_view(), name="plan-target-distribute"),
    path("task-board/", api_work.TaskBoardApi.as_view(), name="task-board"),
]
