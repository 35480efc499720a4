"""Fixtures shared by every test folder: the scope world and a DRF client (see tretho/core/testing)."""

from tretho.core.testing.fixtures import api_client, world  # noqa: F401
