"""The demo on the real unit lists (`tretho load_units`): every code in tretho.demo.data names the unit the
plans mean, in the hierarchy of the plan's date, and the reform links lead to the right new units."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command

from tretho.accounts.models import User
from tretho.core.scoping import VIEW
from tretho.demo import data
from tretho.geo.models import AdministrativeUnit
from tretho.orgs.models import Agency

pytestmark = pytest.mark.slow


def unit(code: str, level: int, on: dt.date) -> AdministrativeUnit:
    return AdministrativeUnit.objects.in_force_on(on).get(code=code, level=level)


def test_demo_on_the_real_units(real_units):
    call_command("demo", verbosity=0)

    # Every reference resolves to the unit its label names (codes were reused: the level and date matter).
    for ref in data.all_unit_refs():
        found = unit(ref.code, ref.level, ref.on)
        assert found.short_name in ref.label or ref.label.endswith(found.short_name), (ref, found.name)

    plan_2017, reform = data.DONG_NAI_PLAN_DATE, data.AFTER_REFORM
    long_binh_old = unit("26020", 3, plan_2017)
    assert long_binh_old.full_name == "Phường Long Bình, Thành phố Biên Hòa, Tỉnh Đồng Nai"
    assert unit("26068", 3, plan_2017).name == "Phường Hóa An"
    assert unit("26068", 3, reform).name == "Phường Biên Hòa"  # same code, another ward
    assert [u.name for u in unit("26068", 3, plan_2017).successors()] == ["Phường Biên Hòa"]
    assert list(long_binh_old.successors()) == [unit("26020", 3, reform)]
    assert [u.code for u in unit("20023", 3, data.HUONG_AN_PLAN_DATE).successors()] == ["19804"]
    for code in ("75", "46", "37"):
        old_province = unit(code, 1, dt.date(2019, 1, 1))
        assert list(old_province.successors()) == [unit(code, 1, reform)]

    # The new ward's officer reads the three wards it absorbed, and nothing else of Biên Hòa.
    officer = User.objects.get(username="demo.longbinh2025.officer")
    old_wards = set(AdministrativeUnit.objects.restrict(officer, VIEW).filter(valid_to__isnull=False)
                    .values_list("name", flat=True))
    assert old_wards == {"Phường Long Bình", "Phường Tân Biên", "Phường Hố Nai"}
    # The new province's manager reads old Bình Phước too (merged into Đồng Nai), not Ninh Bình.
    manager = User.objects.get(username="demo.dongnai.manager")
    provinces = set(AdministrativeUnit.objects.restrict(manager, VIEW).filter(level=1).values_list("name", flat=True))
    assert provinces == {"Tỉnh Đồng Nai", "Tỉnh Bình Phước"}
    assert not Agency.objects.restrict(manager, VIEW).filter(unit__path__startswith=unit("37", 1, reform).path)
