from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "tretho.api"
    label = "api"
    verbose_name = "API"
