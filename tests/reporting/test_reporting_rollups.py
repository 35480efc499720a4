"""Live roll-ups: accepting adds to the unit and every ancestor, reopening subtracts, and `rebuild_rollups` finds
exactly the rows the increments left — checked on random trees (with and without a district level), random
values and random accept / reopen / change sequences (hypothesis)."""

from __future__ import annotations

import itertools
from collections import defaultdict
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.programmes.factories import make_programme
from tests.reporting.reporting_core_factories import add_field, make_element, make_form, make_period
from tretho.geo.models import AdministrativeUnit
from tretho.metrics.models import RollupValue
from tretho.reporting import actions, rollups
from tretho.reporting.choices import SubmissionStatus
from tretho.reporting.models import Submission, SubmissionValue

_codes = itertools.count(1)

VALUES = st.one_of(st.none(), st.integers(min_value=0, max_value=5000),
                   st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False, allow_infinity=False))
# A province: either pre-2025 shaped (districts, each with communes) or post-2025 (communes directly below it).
PROVINCE = st.one_of(
    st.lists(st.integers(min_value=1, max_value=3), min_size=1, max_size=2).map(lambda d: ("districts", d)),
    st.integers(min_value=1, max_value=3).map(lambda n: ("communes", n)),
)
TREE = st.lists(PROVINCE, min_size=1, max_size=2)


def _unit(name, level, parent):
    return AdministrativeUnit.objects.create(code=f"R{next(_codes)}", name=name, unit_type="xa", level=level,
                                             parent=parent)


def build_tree(root, shape):
    """Units for the shape; returns (provinces, districts, communes) lists."""
    provinces, districts, communes = [], [], []
    for p, (kind, spec) in enumerate(shape):
        province = _unit(f"Tỉnh {p}", 1, root)
        provinces.append(province)
        if kind == "communes":
            communes += [_unit(f"Xã {p}.{c}", 3, province) for c in range(spec)]
            continue
        for d, count in enumerate(spec):
            district = _unit(f"Huyện {p}.{d}", 2, province)
            districts.append(district)
            communes += [_unit(f"Xã {p}.{d}.{c}", 3, district) for c in range(count)]
    return provinces, districts, communes


def rows_by_unit():
    found = defaultdict(Decimal)
    for unit_id, element_id, key, value in RollupValue.objects.values_list("unit_id", "data_element_id",
                                                                           "option_key", "value"):
        found[(unit_id, element_id, key)] += Decimal(value)
    return found


@pytest.fixture
def cycle(world):
    programme = make_programme(world.country)
    period = make_period(programme, "2022")
    form = make_form(programme, world.country, n_fields=0)
    first, second = make_element(world.country), make_element(world.country)
    fields = [add_field(form, data_element=first, label="Tổng số trẻ"),
              add_field(form, data_element=first, option_key="sex=f", label="Trẻ em gái"),
              add_field(form, data_element=second, label="Số nhóm trẻ")]
    return world, period, form, fields


@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(shape=TREE, data=st.data())
def test_incremental_rollups_equal_the_rebuild_and_provinces_sum_their_communes(cycle, shape, data):
    world, period, form, fields = cycle
    with transaction.atomic():
        provinces, districts, communes = build_tree(world.country, shape)
        submissions = {commune.pk: Submission.objects.create(unit=commune, period=period, form=form)
                       for commune in communes}
        ops = data.draw(st.lists(st.tuples(st.sampled_from(communes), st.sampled_from(["accept", "reopen", "change"]),
                                           st.lists(VALUES, min_size=3, max_size=3)), min_size=1, max_size=12))
        for commune, op, values in ops:
            submission = Submission.objects.get(pk=submissions[commune.pk].pk)
            if op == "change" and submission.status != SubmissionStatus.ACCEPTED:
                actions.do_save_values(submission, acting_user=world.superuser,
                                       values={f.pk: v for f, v in zip(fields, values, strict=True)})
            elif op == "accept" and submission.status != SubmissionStatus.ACCEPTED:
                if not submission.values.exists():
                    actions.do_save_values(submission, acting_user=world.superuser,
                                           values={f.pk: v for f, v in zip(fields, values, strict=True)})
                actions.do_submit(submission, acting_user=world.superuser)
                actions.do_accept(submission, acting_user=world.superuser)
            elif op == "reopen" and submission.status == SubmissionStatus.ACCEPTED:
                actions.do_reopen(submission, acting_user=world.superuser, reason="Bổ sung số liệu")

        # Incremental == rebuilt, row for row (value, number of reports, level).
        incremental = rollups.current_rows()
        assert rollups.rebuild(write=False).agreed
        assert incremental == rollups.expected_rows()
        rollups.rebuild(write=True)
        assert rollups.current_rows() == incremental

        # Every province (and district, and the country) = the sum of its accepted communes' values.
        accepted = SubmissionValue.objects.filter(submission__status=SubmissionStatus.ACCEPTED,
                                                  value__isnull=False, submission__unit__in=communes)
        by_commune = defaultdict(Decimal)
        for unit_id, element_id, key, value in accepted.values_list("submission__unit_id", "field__data_element_id",
                                                                    "field__option_key", "value"):
            by_commune[(unit_id, element_id, key)] += Decimal(value)
        rolled = rows_by_unit()
        for upper in [*provinces, *districts]:
            below = {c.pk for c in communes if c.path.startswith(upper.path)}
            for field in fields:
                key = (field.data_element_id, field.option_key)
                expected = sum((v for (u, e, k), v in by_commune.items() if u in below and (e, k) == key),
                               Decimal(0))
                assert rolled.get((upper.pk, *key), Decimal(0)) == expected
        for commune in communes:
            for field in fields:
                key = (commune.pk, field.data_element_id, field.option_key)
                assert rolled.get(key, Decimal(0)) == by_commune.get(key, Decimal(0))
        transaction.set_rollback(True)


def test_rebuild_command_repairs_and_check_reports(world):
    programme = make_programme(world.country)
    period = make_period(programme, "2023")
    form = make_form(programme, world.country, n_fields=1)
    field = form.fields.get()
    submission = Submission.objects.create(unit=world.commune_a1a, period=period, form=form)
    actions.do_save_values(submission, acting_user=world.officer_a1a, values={field.pk: "12,5"})
    actions.do_submit(submission, acting_user=world.officer_a1a)
    actions.do_accept(submission, acting_user=world.approver_a1)
    before = rollups.current_rows()
    assert len(before) == 4  # commune, district, province, country
    out = StringIO()
    call_command("rebuild_rollups", "--check", stdout=out)
    assert "khớp" in out.getvalue()

    # Lose a row and spoil another: the check fails, the rebuild restores exactly the rows before.
    RollupValue.objects.filter(unit=world.province_a).delete()
    row = RollupValue.objects.get(unit=world.country)
    row.value = Decimal(99)
    row.save()
    with pytest.raises(CommandError):
        call_command("rebuild_rollups", "--check", stdout=StringIO())
    call_command("rebuild_rollups", "--period", "2023", stdout=StringIO())
    assert rollups.current_rows() == before
    assert RollupValue.objects.get(unit=world.province_a).value == Decimal("12.5")
