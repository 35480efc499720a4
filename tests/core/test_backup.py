"""`tretho backup` and `tretho restore`: a backup restored into a scratch database has the same row count and
checksum in every table; a restore refuses a non-empty database and a damaged backup."""

from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tretho.core.backups import MANIFEST, fingerprints
from tretho.core.testing.world import build_world
from tretho.orgs.models import Agency

pytestmark = pytest.mark.django_db(transaction=True)  # pg_dump reads committed data only


@pytest.fixture
def data():
    world = build_world()
    kind = Agency._meta.get_field("kind").choices[0][0]
    for n in range(5):
        Agency.objects.create(name=f"Phòng Giáo dục và Đào tạo {n}", kind=kind, unit=world.commune_a1a,
                              phone="0912 345 678")
    return world


def _scratch_postgres_database():
    import psycopg

    settings = connection.settings_dict
    admin = psycopg.connect(dbname="postgres", host=settings["HOST"] or None, port=settings["PORT"] or None,
                            user=settings["USER"] or None, password=settings["PASSWORD"] or None, autocommit=True)
    name = f"tretho_integrity_restore_{uuid.uuid4().hex[:8]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    url = (f"postgres://{settings['USER']}:{settings['PASSWORD'] or ''}@{settings['HOST'] or '127.0.0.1'}:"
           f"{settings['PORT'] or 5432}/{name}")
    return admin, name, url


def test_backup_restores_into_a_scratch_database_with_equal_tables(data, tmp_path: Path) -> None:
    folder = tmp_path / "backup"
    call_command("backup", output=folder)
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    live = fingerprints(connection.connection, connection.vendor)
    assert manifest["tables"] == live
    assert manifest["tables"]["orgs_agency"]["rows"] >= 5
    assert manifest["tables"]["orgs_historicalagency"]["rows"] >= 5
    if connection.vendor == "sqlite":
        target = tmp_path / "restored.sqlite3"
        call_command("restore", str(folder), database_url=f"sqlite:///{target}")
        with sqlite3.connect(target) as restored_db:
            restored = fingerprints(restored_db, "sqlite")
        restored_db.close()
        assert restored == live
        return
    import shutil

    if shutil.which("pg_restore") is None:
        pytest.skip("pg_restore is not installed")
    import psycopg

    admin, name, url = _scratch_postgres_database()
    try:
        call_command("restore", str(folder), database_url=url)
        with psycopg.connect(url.replace("postgres://", "postgresql://")) as restored_db:
            restored = fingerprints(restored_db, "postgresql")
        assert restored == live
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def test_restore_refuses_a_database_that_is_not_empty_or_a_damaged_backup(data, tmp_path: Path) -> None:
    folder = tmp_path / "backup"
    call_command("backup", output=folder)
    if connection.vendor == "sqlite":
        target = tmp_path / "used.sqlite3"
        with sqlite3.connect(target) as used:
            used.execute("CREATE TABLE something (id integer primary key)")
        used.close()
        url = f"sqlite:///{target}"
    else:
        settings = connection.settings_dict
        url = (f"postgres://{settings['USER']}:{settings['PASSWORD'] or ''}@{settings['HOST'] or '127.0.0.1'}:"
               f"{settings['PORT'] or 5432}/{settings['NAME']}")
    before = Agency.objects.count()
    with pytest.raises(CommandError, match="không trống"):
        call_command("restore", str(folder), database_url=url)
    assert Agency.objects.count() == before

    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    with (folder / manifest["file"]).open("ab") as dump:
        dump.write(b"x")
    with pytest.raises(CommandError, match="bị hỏng"):
        call_command("restore", str(folder), database_url=f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    assert not (tmp_path / "empty.sqlite3").exists()


@pytest.mark.django_db  # no data needed: no flush afterwards
def test_backup_refuses_a_folder_with_files(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_text("x")
    with pytest.raises(CommandError, match="đã có tệp"):
        call_command("backup", output=tmp_path)
