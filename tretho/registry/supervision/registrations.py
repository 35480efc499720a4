"""Registrations of the supervision models (checklists, visits)."""
