"""Fixtures of the demo tests: the units the demo needs (shaped like `tretho load_units` output), then the demo."""

import pytest
from django.core.management import call_command

from tests.conftest_units import (  # noqa: F401 - the real unit lists: fixtures and the hooks ordering them
    pytest_collection_modifyitems,
    pytest_runtest_teardown,
    real_units,
    real_units_session,
)
from tests.demo.demo_units import build_demo_units


@pytest.fixture
def demo_units(db):
    return build_demo_units()


@pytest.fixture
def demo_loaded(demo_units):
    call_command("demo", verbosity=0)
    return demo_units
