from django.urls import path

from tretho.core.urls_for_models import model_urls

from . import views_completeness
from .models import (
    FormField,
    PeriodDeadline,
    ReminderLog,
    ReportForm,
    ReportingPeriod,
    Submission,
    SubmissionEvent,
    SubmissionValue,
)

app_name = "reporting"
# A plain list: each part of the reporting module appends its own paths below.
urlpatterns: list = [
    *model_urls(ReportingPeriod, prefix="periods/"),
    *model_urls(PeriodDeadline, prefix="deadlines/"),
    *model_urls(ReportForm, prefix="forms/"),
    *model_urls(FormField, prefix="form-fields/"),
    *model_urls(Submission, prefix="submissions/"),
    *model_urls(SubmissionValue, prefix="values/"),
    *model_urls(SubmissionEvent, prefix="events/"),
    *model_urls(ReminderLog, prefix="reminders/"),
    path("completeness/", views_completeness.CompletenessView.for_model(Submission), name="completeness"),
    path("periods/<int:pk>/fill-deadlines/", views_completeness.FillDeadlinesView.for_model(ReportingPeriod),
         name="period_fill_deadlines"),
]

# Dashboards and their files (views_dashboard.py: results, trends, map, completeness; .docx, .xlsx, ADX, JSON).
from . import views_dashboard  # noqa: E402

urlpatterns += [
    path("dashboard/", views_dashboard.DashboardView.as_view(), name="dashboard"),
    path("dashboard/result/", views_dashboard.ResultDetailView.as_view(), name="result_detail"),
    path("dashboard/report.docx", views_dashboard.DashboardDocxView.as_view(), name="dashboard_docx"),
    path("dashboard/tables.xlsx", views_dashboard.DashboardXlsxView.as_view(), name="dashboard_xlsx"),
    path("dashboard/adx.xml", views_dashboard.DashboardAdxView.as_view(), name="dashboard_adx"),
    path("dashboard/datavaluesets.json", views_dashboard.DashboardJsonView.as_view(), name="dashboard_json"),
]

# Filling and deciding reports (views_fill.py): the list of reports to make and decide, opening one (created and
# pre-filled), the fill page, accept / return / reopen.
from . import views_fill  # noqa: E402

urlpatterns += [
    path("fill/", views_fill.MyReportsView.as_view(), name="my_reports"),
    path("fill/start/", views_fill.StartSubmissionView.as_view(), name="submission_start"),
    path("submissions/<int:pk>/fill/", views_fill.SubmissionFillView.as_view(), name="submission_fill"),
    path("submissions/<int:pk>/decide/", views_fill.SubmissionDecisionView.as_view(), name="submission_decide"),
    path("submissions/<int:pk>/check/", views_fill.SubmissionCheckView.as_view(), name="submission_check"),
]
