from django.urls import path

from .views import AccessReportView

app_name = "audit"

urlpatterns = [
    path("accesses/", AccessReportView.as_view(), name="access_report"),
]
