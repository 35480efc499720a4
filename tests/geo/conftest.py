"""Fixtures of the geo tests: the real unit lists (tests/conftest_units.py) and a few users."""

from __future__ import annotations

import pytest

from tests.conftest_units import (  # noqa: F401 - the real unit lists: fixtures and the hooks ordering them
    pytest_collection_modifyitems,
    pytest_runtest_teardown,
    real_units,
    real_units_session,
)

PASSWORD = "mat-khau-thu-nghiem-geo"  # test accounts only


@pytest.fixture
def make_user(db):
    """make_user("name", role="officer", unit=unit) → a user assigned to unit; superuser=True for a superuser."""
    from tretho.accounts.models import Role, RoleAssignment, User

    def make(username: str, role: str | None = None, unit=None, superuser: bool = False) -> User:
        user = User.objects.create_user(username=username, password=PASSWORD, is_superuser=superuser)
        if role is not None:
            RoleAssignment.objects.create(user=user, role=Role.objects.get_or_create(code=role)[0], unit=unit)
        return user

    return make
