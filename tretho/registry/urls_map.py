"""The map of childcare groups (views_map.py)."""

from django.urls import path

from . import views_map

urlpatterns: list = [
    path("groups/map/", views_map.GroupMapView.as_view(), name="group_map"),
]
