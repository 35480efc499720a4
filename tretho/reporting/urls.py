from django.urls import path

app_name = "reporting"
urlpatterns: list = []

# Filling and deciding reports (views_fill.py): the list of reports to make and decide, opening one (created and
# pre-filled), the fill page, accept / return / reopen.
from . import views_fill  # noqa: E402

urlpatterns += [
    path("fill/", views_fill.MyReportsView.as_view(), name="my_reports"),
    path("fill/start/", views_fill.StartSubmissionView.as_view(), name="submission_start"),
    path("submissions/<int:pk>/fill/", views_fill.SubmissionFillView.as_view(), name="submission_fill"),
    path("submissions/<int:pk>/decide/", views_fill.SubmissionDecisionView.as_view(), name="submission_decide"),
]
