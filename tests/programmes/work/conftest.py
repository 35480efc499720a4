"""Fixtures of the cascade tests: the issued province plan of cascade_data.py in the scope world."""

from __future__ import annotations

import pytest
from django.utils import translation

from tests.programmes.work.cascade_data import build_cascade


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


@pytest.fixture
def cascade(world):
    return build_cascade(world)


@pytest.fixture
def draft_cascade(world):
    return build_cascade(world, issue=False)
