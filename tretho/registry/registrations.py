"""Model-view registrations of the registry (tretho.core.registry)."""

from .supervision import registrations as _supervision  # noqa: F401
