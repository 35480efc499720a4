"""The real administrative units (package vietnamadminunits) in the test database, loaded once per session.

Use the `real_units` fixture in a test that needs the official lists (14,150 units, 11,361 successions):

    def test_something(real_units):
        ward = real_units.unit("26020", on=dt.date(2026, 1, 1))

The lists are loaded (committed) the first time a test asks for them, in about 5 seconds; every test still
runs in its own transaction, so what it writes is rolled back. The committed rows must not surprise other
tests, so the tests asking for `real_units` are run together (and marked `slow`): at the end of the ordinary
database tests, before the transactional ones (pytest-django runs those last, as Django does). When the last
of them is done, the lists are deleted again; a transactional test asking for `real_units` loads them for
itself (its database is emptied after it anyway).

To offer the fixture in another folder, import it with the hooks in that folder's conftest.py (or in
tests/conftest.py):

    from tests.conftest_units import (  # noqa: F401
        pytest_collection_modifyitems, pytest_runtest_teardown, real_units, real_units_session,
    )
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from tretho.geo.loader import LoadSummary, load_units

REAL_UNITS_FIXTURE = "real_units"
UNIT_TOTAL = 14_150  # 1 country + 63 + 696 + 10,035 before the reform + 34 + 3,321 after it


@dataclass
class RealUnits:
    """Handle on the loaded lists: the first load's summary and lookups by code and date."""

    summary: LoadSummary

    def unit(self, code: str, on: dt.date, level: int | None = None):
        from tretho.geo.models import AdministrativeUnit

        return AdministrativeUnit.objects.resolve(code, on, level)

    def named(self, name: str, on: dt.date):
        from tretho.geo.models import AdministrativeUnit

        return AdministrativeUnit.objects.in_force_on(on).get(name=name)


@pytest.fixture(scope="session")
def real_units_session(django_db_setup, django_db_blocker) -> LoadSummary:
    with django_db_blocker.unblock():
        return load_units(with_history=False)


@pytest.fixture
def real_units(real_units_session, db) -> RealUnits:
    from tretho.geo.models import AdministrativeUnit

    if AdministrativeUnit.objects.count() < UNIT_TOTAL:
        # A transactional test flushed the database since the session load: load again (this test only).
        load_units(with_history=False)
    return RealUnits(real_units_session)


def _uses_real_units(item: pytest.Item) -> bool:
    return REAL_UNITS_FIXTURE in getattr(item, "fixturenames", ())


def _is_transactional(item: pytest.Item) -> bool:
    """pytest-django's own test (plugin.pytest_collection_modifyitems): these run last and flush the database."""
    from django.test import TestCase, TransactionTestCase

    cls = getattr(item, "cls", None)
    if cls is not None and issubclass(cls, TransactionTestCase):
        return not issubclass(cls, TestCase)
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the (non-transactional) tests using the real lists together, after the other database tests."""
    together = [item for item in items if _uses_real_units(item) and not _is_transactional(item)]
    if not together:
        return
    for item in together:
        item.add_marker(pytest.mark.slow)
    chosen = {id(item) for item in together}
    rest = [item for item in items if id(item) not in chosen]
    cut = next((index for index, item in enumerate(rest) if _is_transactional(item)), None)
    if cut is None:  # no transactional test: keep database tests before the others (non-db tests stay last)
        cut = next((i for i, item in enumerate(rest) if "db" not in getattr(item, "fixturenames", ())), len(rest))
    items[:] = rest[:cut] + together + rest[cut:]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):
    """After the last test of the group (its transaction rolled back), delete the committed lists."""
    yield
    if not _uses_real_units(item) or (nextitem is not None and _uses_real_units(nextitem)):
        return
    blocker = item.funcargs.get("django_db_blocker") if hasattr(item, "funcargs") else None
    if blocker is None:
        return
    with blocker.unblock():
        unload_units()


def unload_units() -> None:
    """Delete every unit and succession (the session's committed load; tests' own rows are rolled back)."""
    from django.db import connection, transaction

    from tretho.geo.models import AdministrativeUnit, UnitSuccession

    with transaction.atomic(), connection.cursor() as cursor:
        for model in (UnitSuccession, AdministrativeUnit):
            # One statement: the tree's PROTECT parent links are checked at commit, when all are gone.
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")  # noqa: S608
