"""Model-view registrations of the activities (tretho.core.registry)."""
