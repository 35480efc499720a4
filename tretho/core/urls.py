from django.urls import path

from . import pages
from .lookup import LookupView

app_name = "core"
urlpatterns = [
    path("", pages.HomeView.as_view(), name="home"),
    path("lookup/<str:model_label>/", LookupView.as_view(), name="lookup"),
]
