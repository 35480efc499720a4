"""Signals of the unit catalogue. Reference data owned by the national root (the supervision checklist, the
standard breakdowns) can only be created once the units are loaded, which on a fresh site happens after
`migrate`: apps that ship such data listen to `units_loaded` instead of geo importing them."""

from django.dispatch import Signal

# Sent by `tretho load_units` after a load that was not a dry run (changed or not: listeners are idempotent).
units_loaded = Signal()
