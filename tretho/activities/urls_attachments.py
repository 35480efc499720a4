"""URLs of the activities: attachments (included by urls.py)."""

urlpatterns: list = []
