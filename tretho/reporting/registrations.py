"""Model-view registrations of the reporting app (tretho.core.registry)."""
