"""API of the activities: attachments (gathered by api.py)."""

ROUTES: list = []
