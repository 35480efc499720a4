"""/api/v1/: one router gathering each app's `api.ROUTES`."""

from importlib import import_module

from django.urls import path
from rest_framework.routers import DefaultRouter

from .auth import TokenView

APPS_WITH_API = ["tretho.geo", "tretho.orgs", "tretho.accounts", "tretho.programmes", "tretho.metrics",
                 "tretho.registry", "tretho.reporting", "tretho.activities"]

router = DefaultRouter()
for app in APPS_WITH_API:
    for prefix, viewset in import_module(f"{app}.api").ROUTES:
        router.register(prefix, viewset, basename=prefix)

app_name = "api"
urlpatterns = [path("auth/token/", TokenView.as_view(), name="token"), *router.urls]
urlpatterns += import_module("tretho.programmes.urls_work").api_urlpatterns  # cascade actions (plans/<id>/…)
