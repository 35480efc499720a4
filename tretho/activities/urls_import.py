"""URLs of the activities: import (included by urls.py)."""

urlpatterns: list = []
