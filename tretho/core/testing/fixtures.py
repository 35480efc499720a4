"""pytest fixtures for tests that do not subclass a suite (the suites carry their own copies)."""

from __future__ import annotations

from typing import Any

import pytest

from .world import World, build_world


@pytest.fixture
def world(db: Any) -> World:
    return build_world()


@pytest.fixture
def api_client() -> Any:
    from rest_framework.test import APIClient

    return APIClient()
