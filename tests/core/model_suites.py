"""Helpers for tests run over every registration: the model's shared-suite class (its factory and form data)."""

from __future__ import annotations

from typing import Any

import pytest

from tretho.core.registry import ModelRegistration, registrations
from tretho.core.testing.suites import login


def suite_for(model: type) -> Any:
    """An instance of the first shared-suite class written for model (tests/*/test_*suite*.py)."""
    from test_meta import suites_by_model  # the meta-test's loader: one place knows where suites live

    found = suites_by_model().get(model)
    if not found:
        pytest.fail(f"{model.__name__} has no shared-suite class")
    return found[0]()


def registration_params(page: str | None = None) -> list[Any]:
    return [pytest.param(r, id=r.model._meta.label) for r in registrations() if page is None or page in r.pages]


# Test modules import these from here: test_meta loads every test module naming the suites module as a suite
# module, and these are not.
__all__ = ["ModelRegistration", "login", "registration_params", "suite_for"]
