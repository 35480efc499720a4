"""tretho: plan, carry out, monitor and report early-childhood care programmes."""

__version__ = "0.1.0"
