"""An import killed in the middle (a real subprocess, SIGKILL) leaves no partial rows, on SQLite (a file
database) and on PostgreSQL (a scratch database created and dropped here)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection

from tests.programmes.work.cascade_data import build_cascade, empty_draft
from tretho.core.backups import backup, database_settings, restore
from tretho.core.testing.world import build_world
from tretho.programmes.models import PlanTarget, PlanTask
from tretho.programmes.spreadsheets import export_workbook

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True)  # the child process reads committed data only

# The child runs the real import; after a few rows are saved (inside the import's transaction) it says so
# through a file and waits to be killed.
CHILD = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path

    import django

    django.setup()
    from django.db.models.signals import post_save

    from tretho.accounts.models import User
    from tretho.programmes.models import Plan, PlanTarget, PlanTask
    from tretho.programmes.spreadsheets import import_workbook

    marker, plan_pk, user_pk, workbook = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
    saved = []

    def pause_mid_import(sender, instance, **kwargs):
        saved.append(instance.pk)
        if len(saved) == 3:
            marker.write_text(",".join(map(str, saved)))
            time.sleep(60)  # killed here, mid-transaction

    post_save.connect(pause_mid_import, sender=PlanTarget)
    post_save.connect(pause_mid_import, sender=PlanTask)
    report = import_workbook(Plan.objects.get(pk=plan_pk), workbook.read_bytes(),
                             acting_user=User.objects.get(pk=user_pk))
    print("finished without pausing", report.errors, file=sys.stderr)
""")

TABLES = (PlanTarget, PlanTask)


def _counts(execute, plan_pk: int) -> dict[str, int]:
    counts = {}
    for model in TABLES:
        for table in (model._meta.db_table, model.history.model._meta.db_table):
            counts[table] = execute(f'SELECT COUNT(*) FROM "{table}" WHERE plan_id = {int(plan_pk)}')  # noqa: S608
    return counts


def _kill_mid_import(tmp_path: Path, database_url: str, plan_pk: int, user_pk: int, data: bytes) -> None:
    (tmp_path / "plan.xlsx").write_bytes(data)
    (tmp_path / "child.py").write_text(CHILD)
    marker = tmp_path / "paused"
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "config.settings.test",
           "PYTHONPATH": str(ROOT), "TRETHO_VAR_DIR": str(tmp_path / "var")}
    child = subprocess.Popen([sys.executable, str(tmp_path / "child.py"), str(marker), str(plan_pk),  # noqa: S603
                              str(user_pk), str(tmp_path / "plan.xlsx")], env=env, cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 15
        while not marker.exists():
            if child.poll() is not None:
                pytest.fail(f"the import ended before the pause: {child.stderr.read().decode()[-2000:]}")
            assert time.monotonic() < deadline, "the child import never reached its third row"
            time.sleep(0.05)
        assert len(marker.read_text().split(",")) == 3  # three rows were written inside the transaction
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=5) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()


@pytest.fixture
def plan_to_import():
    world = build_world()
    cascade = build_cascade(world)
    target = empty_draft(cascade)
    return target, world.manager_a, export_workbook(cascade.plan)


def test_killed_import_leaves_no_partial_rows(plan_to_import, tmp_path: Path) -> None:
    plan, user, data = plan_to_import
    backup(tmp_path / "copy")  # the world, committed, copied into a database the child can open
    if connection.vendor == "sqlite":
        path = tmp_path / "scratch.sqlite3"
        url = f"sqlite:///{path}"
        restore(tmp_path / "copy", database_settings(url))

        def execute(sql: str) -> int:
            with sqlite3.connect(path) as db:
                value = db.execute(sql).fetchone()[0]
            db.close()
            return value

        _check(tmp_path, url, execute, plan.pk, user.pk, data)
        assert execute("SELECT COUNT(*) FROM (SELECT 1 WHERE 'ok' = (SELECT * FROM pragma_integrity_check))") == 1
        return
    import psycopg

    settings = connection.settings_dict
    admin = psycopg.connect(dbname="postgres", host=settings["HOST"] or None, port=settings["PORT"] or None,
                            user=settings["USER"] or None, password=settings["PASSWORD"] or None, autocommit=True)
    name = f"tretho_integrity_kill_{uuid.uuid4().hex[:8]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    url = (f"postgres://{settings['USER']}:{settings['PASSWORD'] or ''}@{settings['HOST'] or '127.0.0.1'}:"
           f"{settings['PORT'] or 5432}/{name}")
    try:
        restore(tmp_path / "copy", database_settings(url))

        def execute(sql: str) -> int:
            with psycopg.connect(url.replace("postgres://", "postgresql://")) as db:
                return db.execute(sql).fetchone()[0]

        _check(tmp_path, url, execute, plan.pk, user.pk, data)
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def _check(tmp_path: Path, url: str, execute, plan_pk: int, user_pk: int, data: bytes) -> None:
    before = _counts(execute, plan_pk)
    assert before[PlanTarget._meta.db_table] == 0  # an empty draft
    _kill_mid_import(tmp_path, url, plan_pk, user_pk, data)
    assert _counts(execute, plan_pk) == before
