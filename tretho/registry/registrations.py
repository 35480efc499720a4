"""Model-view registrations of the registry app (tretho.core.registry)."""
