"""URLs of the activities: progress (included by urls.py)."""

urlpatterns: list = []
