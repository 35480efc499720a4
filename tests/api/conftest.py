"""Fixtures of the API tests: the Django project as a WSGI application, called in-process, and some data to fuzz."""

from __future__ import annotations

import datetime as dt
import traceback
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import got_request_exception, request_finished, request_started
from django.db import close_old_connections

from tests.programmes.factories import make_plan
from tests.programmes.work.cascade_data import build_cascade
from tretho.core.testing.world import World


class WsgiApp:
    """Django's WSGI handler that keeps the test's database connection (as Django's test client does) and keeps
    the traceback of every exception a request raised, so a 500 is reported with its cause."""

    def __init__(self) -> None:
        self.handler = WSGIHandler()
        self.errors: list[str] = []

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        return self.handler(environ, start_response)

    def record(self, sender: Any, request: Any = None, **kwargs: Any) -> None:
        self.errors.append(traceback.format_exc())


@pytest.fixture
def wsgi_app() -> Iterator[WsgiApp]:
    app = WsgiApp()
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    got_request_exception.connect(app.record)
    try:
        yield app
    finally:
        got_request_exception.disconnect(app.record)
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def fuzz_data(world: World) -> World:
    """The world with records of every kind the API serves: the issued province plan of the cascade tests (with
    programme, phase, indicators, committee, agencies, targets, tasks, duties, reporting, recipients), a draft
    commune plan with parts, a zone, a committee member and metric definitions."""
    from tretho.geo.models import IndustrialZone, UnitSuccession
    from tretho.metrics.models import Breakdown, BreakdownOption, DataElement
    from tretho.orgs.models import Membership
    from tretho.programmes.models import PlanObjective, PlanTarget, PlanTask

    cascade = build_cascade(world)
    draft = make_plan(world.commune_a1a, programme=cascade.programme)
    PlanObjective.objects.create(plan=draft, text="Phấn đấu 75% trẻ em đến 8 tuổi", milestone_value=75,
                                 milestone_year=2020)
    PlanTarget.objects.create(plan=draft, text="nhóm trẻ được kiện toàn", value=2, unit_of_measure="nhóm trẻ",
                              year=2019, parent_target=cascade.groups)
    PlanTask.objects.create(plan=draft, title="Kiện toàn nhóm trẻ", lead_agency=cascade.commune_committee)
    IndustrialZone.objects.create(name="Khu công nghiệp Hòa An", kind="kcn", unit=world.commune_a1a)
    UnitSuccession.objects.create(predecessor=world.commune_a1b, successor=world.commune_a1a, kind="full",
                                  effective_date=dt.date(2025, 7, 1))
    Membership.objects.create(committee=cascade.committee, agency=cascade.education,
                              person_name="Nguyễn Thị Hoa", position="Phó Giám đốc Sở", role="deputy")
    breakdown = Breakdown.objects.create(code="gioi_tinh", name="Giới tính", unit=world.province_a)
    BreakdownOption.objects.create(breakdown=breakdown, code="nu", name="Nữ")
    DataElement.objects.create(code="so_nhom_tre", name="Số nhóm trẻ độc lập tư thục", unit_of_measure="nhóm",
                               unit=world.province_a)
    return world
