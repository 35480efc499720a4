"""Signals core sends without knowing who listens (accounts records them as security events)."""

from django.dispatch import Signal

# sender=model class, request=..., object_pk=... : an existing object was asked for outside the user's scope.
access_denied = Signal()
