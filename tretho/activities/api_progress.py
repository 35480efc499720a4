"""API of the activities: progress (gathered by api.py)."""

ROUTES: list = []
