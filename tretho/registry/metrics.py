"""Computed metrics of the registry (tretho.metrics.registry.register_computed)."""
