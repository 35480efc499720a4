"""The activities' API routes (gathered by tretho.api.urls)."""

from .api_attachments import ROUTES as ATTACHMENT_ROUTES
from .api_progress import ROUTES as PROGRESS_ROUTES

ROUTES: list = [
    *ATTACHMENT_ROUTES,
    *PROGRESS_ROUTES,
]
