"""Fixtures of the demo tests: the units the demo needs (shaped like `tretho load_units` output), then the demo."""

import pytest
from django.core.management import call_command

from tests.demo.demo_units import build_demo_units


@pytest.fixture
def demo_units(db):
    return build_demo_units()


@pytest.fixture
def demo_loaded(demo_units):
    call_command("demo", verbosity=0)
    return demo_units
