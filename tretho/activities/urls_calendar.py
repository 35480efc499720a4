"""URLs of the activities: calendar (included by urls.py)."""

from django.urls import path

from .views_calendar import CalendarView

urlpatterns: list = [
    path("calendar/", CalendarView.as_view(), name="calendar"),
]
