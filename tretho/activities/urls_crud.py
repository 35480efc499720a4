"""URLs of the activities: crud (included by urls.py)."""

urlpatterns: list = []
