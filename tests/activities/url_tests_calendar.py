"""URLs of the activities' calendar (tretho/activities/urls_calendar.py) and the tests exercising them."""

URL_TESTS = {
    "activities:calendar":
        "activities/test_activities_calendar.py::test_month_grid_shows_each_activity_on_its_days_monday_first",
    "activities:calendar_ics": "activities/test_activities_calendar.py::test_ics_export_of_the_filtered_month",
}
