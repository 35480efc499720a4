"""URLs of the activities: calendar (included by urls.py)."""

from django.urls import path

from .views_calendar import CalendarIcsView, CalendarView

urlpatterns: list = [
    path("calendar/", CalendarView.as_view(), name="calendar"),
    path("calendar/lich.ics", CalendarIcsView.as_view(), name="calendar_ics"),
]
