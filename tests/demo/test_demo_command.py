"""`tretho demo`: idempotent, refuses to run without units, lists the demo logins."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from tretho.accounts.demo_logins import DEMO_PASSWORD
from tretho.accounts.models import RoleAssignment, User
from tretho.demo import data
from tretho.geo.models import AdministrativeUnit, IndustrialZone
from tretho.orgs.models import Agency, Membership, SteeringCommittee

pytestmark = pytest.mark.django_db


def run_demo(*args: str) -> str:
    out = StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


def row_counts() -> dict[str, int]:
    """Rows of every model, history tables included: a second run must not add any."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_without_units_it_stops_and_says_to_load_them():
    with pytest.raises(CommandError, match="tretho load_units"):
        run_demo()
    assert not User.objects.filter(username__startswith="demo.").exists()


def test_a_missing_unit_is_named_and_nothing_is_written(demo_units):
    demo_units[("26068", 3, False)].delete()  # old phường Hóa An
    with pytest.raises(CommandError, match="Phường Hóa An"):
        run_demo()
    assert Agency.objects.count() == 0


def test_first_run_creates_what_the_data_lists(demo_units):
    run_demo()
    # Each listed record once, at its unit (the demo may hold more: plans add their own agencies).
    for spec in data.AGENCIES:
        unit = AdministrativeUnit.objects.in_force_on(spec.unit.on).get(code=spec.unit.code, level=spec.unit.level)
        assert Agency.objects.filter(name=spec.name, unit=unit).count() == 1
    for committee in data.COMMITTEES:
        assert SteeringCommittee.objects.get(name=committee.name).memberships.count() == len(committee.members)
    assert set(IndustrialZone.objects.values_list("name", flat=True)) >= {zone.name for zone in data.ZONES}
    assert set(User.objects.filter(username__startswith="demo.").values_list("username", flat=True)) == {
        user.username for user in data.USERS
    }


def test_second_run_creates_and_changes_nothing(demo_units):
    run_demo()
    before = row_counts()
    snapshot = {m: list(m.objects.order_by("pk").values()) for m in (Agency, SteeringCommittee, Membership,
                                                                       IndustrialZone, RoleAssignment)}
    output = run_demo()
    assert row_counts() == before  # no new rows anywhere, history tables included
    assert {m: list(m.objects.order_by("pk").values()) for m in snapshot} == snapshot
    assert "không thay đổi gì" in output


def test_an_edited_demo_record_is_put_back_with_one_history_row(demo_loaded):
    agency = Agency.objects.get(name="Hội Liên hiệp Phụ nữ tỉnh Đồng Nai")
    Agency.objects.filter(pk=agency.pk).update(short_name="sai")
    history_before = agency.history.count()
    run_demo()
    agency.refresh_from_db()
    assert agency.short_name == "Hội LHPN tỉnh"
    assert agency.history.count() == history_before + 1


def test_passwords_are_kept_unless_reset_is_asked(demo_loaded):
    user = User.objects.get(username="demo.longbinh.officer")
    assert user.check_password(DEMO_PASSWORD)
    user.set_password("mat-khau-rieng-123")
    user.save()
    run_demo()
    user.refresh_from_db()
    assert user.check_password("mat-khau-rieng-123")
    run_demo("--reset-passwords")
    user.refresh_from_db()
    assert user.check_password(DEMO_PASSWORD)


def test_list_logins_prints_each_account_with_role_unit_and_password(demo_loaded):
    output = run_demo("--list-logins")
    lines = output.splitlines()
    assert lines[0].split()[:3] == ["Tên", "đăng", "nhập"]
    for spec in data.USERS:
        assert any(line.startswith(spec.username + " ") for line in lines), spec.username
    officer = next(line for line in lines if line.startswith("demo.longbinh.officer "))
    assert "Cán bộ" in officer
    assert "Phường Long Bình, Thành phố Biên Hòa, Tỉnh Đồng Nai (đến 30/06/2025)" in officer
    new_officer = next(line for line in lines if line.startswith("demo.longbinh2025.officer "))
    assert "Phường Long Bình, Tỉnh Đồng Nai (từ 01/07/2025)" in new_officer
    assert DEMO_PASSWORD in officer


def test_list_logins_before_the_demo_says_how_to_load_it(db):
    assert "tretho demo" in run_demo("--list-logins")


def test_login_page_lists_the_demo_accounts(demo_loaded, client, monkeypatch):
    monkeypatch.setenv("TRETHO_DEMO", "1")
    page = client.get("/accounts/login/").content.decode()
    for spec in data.USERS:
        assert spec.username in page
    assert "Phường Long Bình, Thành phố Biên Hòa, Tỉnh Đồng Nai" in page


def test_loads_after_a_flush_emptied_the_roles(demo_units):
    from tretho.accounts.models import Role

    Role.objects.all().delete()  # `tretho flush` (and transactional tests) remove the migration's rows
    run_demo()
    assert set(Role.objects.values_list("code", flat=True)) == {"admin", "programme_manager", "officer",
                                                                 "approver", "viewer"}
