"""Time the registry's Excel import (issue 4): 20,000 childcare groups with 60,000 staff in one workbook must import
in under a minute on SQLite. Side by side in the same run with a reference: the same file read by python-calamine
and its rows inserted by hand-written SQL (executemany into bare tables with the same columns: no checks, no keys,
no natural-key matching, no history) — the floor any importer pays for reading the file and inserting the rows.

    python bench/registry_import.py                                   # SQLite in a temporary folder
    python bench/registry_import.py postgres://postgres@127.0.0.1:5432/tretho_bench
    python bench/registry_import.py --groups 2000 [url]               # a smaller run

Steps: `migrate` in its own process; then here: 200 communes under one province and a programme manager of the
province (the import checks scope row by row as for any user), the workbook written by the template's own columns
(not timed against the goal), the reference, the import on the empty registry, and the same file again (every row
matched by its natural key, nothing to change). The PostgreSQL database is created (dropped first if it exists):
never point this at a real installation. Results go to docs/benchmarks.md.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COMMUNES = 200
STAFF_PER_GROUP = 3
GOAL_SECONDS = 60

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Thị", "Văn", "Ngọc", "Thu", "Minh", "Hồng", "Thanh", "Kim"]
GIVEN = ["Lan", "Hoa", "Mai", "Hương", "Bình", "Hà", "Linh", "Trang", "Thảo", "Nhung", "Yến", "Phương", "Tâm", "Hạnh"]
GROUP_WORDS = ["Hoa Mai", "Sơn Ca", "Họa Mi", "Búp Sen", "Vàng Anh", "Tuổi Thơ", "Ánh Dương", "Bé Ngoan", "Thỏ Ngọc"]


def recreate_postgres_database(url: str) -> None:
    import dj_database_url
    import psycopg

    settings = dj_database_url.parse(url)
    name = settings["NAME"]
    with psycopg.connect(host=settings["HOST"], port=settings["PORT"] or None, user=settings["USER"] or None,
                         password=settings["PASSWORD"] or None, dbname="postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def build_place():
    """A province with COMMUNES communes and its programme manager."""
    from django.contrib.auth import get_user_model

    from tretho.accounts.models import Role, RoleAssignment
    from tretho.geo.models import AdministrativeUnit

    country = AdministrativeUnit.objects.create(code="VN", name="Việt Nam", unit_type="quoc_gia", level=0)
    province = AdministrativeUnit.objects.create(code="75", name="Tỉnh Đồng Nai", unit_type="tinh", level=1,
                                                 parent=country, valid_from=dt.date(2025, 7, 1))
    communes = [AdministrativeUnit.objects.create(code=f"{26000 + index:05d}", name=f"Phường Số {index}",
                                                  unit_type="phuong", level=3, parent=province,
                                                  valid_from=dt.date(2025, 7, 1))
                for index in range(COMMUNES)]
    user = get_user_model().objects.create_user(username="bench_manager", password="bench-only-password-404")
    RoleAssignment.objects.create(user=user, role=Role.objects.get_or_create(code="programme_manager")[0],
                                  unit=province)
    return communes, user


def rows(communes, groups: int) -> tuple[list[dict], list[dict]]:
    """groups groups spread over the communes, STAFF_PER_GROUP people each, as the template's rows."""
    rng = random.Random(404)
    group_rows, staff_rows = [], []
    for index in range(groups):
        commune = communes[index % len(communes)]
        code = f"NT{index:05d}"
        licensed = rng.random() < 0.6
        group_rows.append({
            "commune": commune.code, "code": code, "name": f"Nhóm trẻ {rng.choice(GROUP_WORDS)} {index}",
            "kind": "nhom_tre", "address": f"Tổ {rng.randint(1, 40)}, khu phố {rng.randint(1, 12)}",
            "owner_name": f"{rng.choice(SURNAMES)} Thị {rng.choice(GIVEN)}",
            "owner_phone": f"09{rng.randint(10_000_000, 99_999_999)}",
            "latitude": Decimal(f"{10.9 + rng.random() / 10:.6f}"),
            "longitude": Decimal(f"{106.8 + rng.random() / 10:.6f}"),
            "is_licensed": licensed, "licence_number": f"{rng.randint(1, 999)}/QĐ-UBND" if licensed else "",
            "licence_date": dt.date(2020 + rng.randint(0, 5), rng.randint(1, 12), rng.randint(1, 28)) if licensed
            else None,
            "capacity": rng.randint(15, 70), "age_from_months": 6, "age_to_months": 36,
            "care_room_area": Decimal(rng.randint(300, 900)) / 10, "has_play_area": rng.random() < 0.7,
            "has_fence_gate": rng.random() < 0.8, "serves_meals": True, "has_separate_kitchen": rng.random() < 0.6,
            "status": "operating", "opened_on": dt.date(2015 + rng.randint(0, 10), rng.randint(1, 12), 1),
        })
        for person in range(STAFF_PER_GROUP):
            staff_rows.append({
                "commune": commune.code, "group_code": code,
                "full_name": f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
                "birth_year": 1965 + person * 10 + rng.randint(0, 9),
                "phone": f"03{rng.randint(10_000_000, 99_999_999)}",
                "role": ("owner_manager", "teacher", "caregiver")[person],
                "qualification": rng.choice(["none", "certificate", "intermediate", "college"]),
                "start_date": dt.date(2018 + rng.randint(0, 7), rng.randint(1, 12), 1),
            })
    return group_rows, staff_rows


def reference(data: bytes) -> float:
    """Read both sheets with calamine and insert every row by executemany into bare tables of the same columns."""
    import python_calamine
    from django.db import connection, transaction

    from tretho.registry.spreadsheets import GROUPS_SHEET, STAFF_SHEET, group_columns, staff_columns

    started = time.perf_counter()
    workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    with transaction.atomic(), connection.cursor() as cursor:
        for sheet, columns in ((GROUPS_SHEET, group_columns()), (STAFF_SHEET, staff_columns())):
            grid = workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
            table = f"bench_reference_{len(columns)}"
            names = [f"c{index}" for index in range(len(columns))]
            cursor.execute(f"DROP TABLE IF EXISTS {table}")
            cursor.execute(f"CREATE TABLE {table} ({', '.join(f'{name} varchar(300)' for name in names)})")
            values = [[None if cell == "" else str(cell) for cell in line[:len(columns)]] for line in grid[1:]]
            placeholders = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} VALUES ({placeholders})", values)  # noqa: S608
            cursor.execute(f"DROP TABLE {table}")
    return time.perf_counter() - started


def measure(url: str, groups: int) -> str:
    import django

    django.setup()
    from django.db import connection

    from tretho.documents.xlsx import Sheet, write_workbook
    from tretho.registry.models import ChildcareGroup, Staff
    from tretho.registry.spreadsheets import GROUPS_SHEET, STAFF_SHEET, group_columns, import_workbook, staff_columns

    communes, user = build_place()
    group_rows, staff_rows = rows(communes, groups)
    started = time.perf_counter()
    data = write_workbook([Sheet(GROUPS_SHEET, group_columns(), rows=group_rows),
                           Sheet(STAFF_SHEET, staff_columns(), rows=staff_rows)])
    written = time.perf_counter() - started

    raw = reference(data)
    started, cpu = time.perf_counter(), time.process_time()
    first = import_workbook(data, acting_user=user)
    first_seconds, first_cpu = time.perf_counter() - started, time.process_time() - cpu
    assert first.ok, first.errors[:5]
    assert (first.created, first.updated) == (groups * (1 + STAFF_PER_GROUP), 0)
    started, cpu = time.perf_counter(), time.process_time()
    second = import_workbook(data, acting_user=user)
    second_seconds, second_cpu = time.perf_counter() - started, time.process_time() - cpu
    assert second.ok and (second.created, second.updated) == (0, 0), second.errors[:5]
    assert ChildcareGroup.objects.count() == groups and Staff.objects.count() == groups * STAFF_PER_GROUP
    assert ChildcareGroup.history.count() == groups and Staff.history.count() == groups * STAFF_PER_GROUP

    label = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{label}: {groups:,} groups + {groups * STAFF_PER_GROUP:,} staff, file {len(data) / 1e6:.1f} MB "
            f"(written in {written:.1f} s) | reference: calamine read + raw SQL inserts {raw:.1f} s | "
            f"import, empty registry {first_seconds:.1f} s (goal < {GOAL_SECONDS} s; this process's CPU "
            f"{first_cpu:.1f} s) | same file again, nothing to change {second_seconds:.1f} s (CPU "
            f"{second_cpu:.1f} s) | {platform.processor() or platform.machine()}, "
            f"{os.cpu_count()} CPUs, load average {load:.1f}")


def main() -> None:
    args = sys.argv[1:]
    groups = 20_000
    if "--groups" in args:
        position = args.index("--groups")
        groups = int(args[position + 1])
        del args[position:position + 2]
    url = args[0] if args else ""
    with tempfile.TemporaryDirectory(prefix="tretho-bench-") as tmp:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "TRETHO_VAR_DIR": tmp, "DEBUG": "0"}
        env.pop("DATABASE_URL", None)
        if url:
            recreate_postgres_database(url)
            env["DATABASE_URL"] = url
        subprocess.run([sys.executable, "-m", "django", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env,
                       check=True, stdout=subprocess.DEVNULL)
        os.environ.clear()
        os.environ.update(env)
        print(measure(url, groups))


if __name__ == "__main__":
    main()
