"""URLs of the activities: calendar (included by urls.py)."""

urlpatterns: list = []
