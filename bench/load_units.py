"""Time `tretho load_units` on an empty database, then again on a loaded one (nothing to change), side by side
with a reference in the same run: the same rows written by hand-written SQL (executemany into a bare table with
the same columns, no keys computed, no history, no successions) — the floor any loader pays for the inserts.

    python bench/load_units.py                                   # SQLite in a temporary folder
    python bench/load_units.py postgres://postgres@127.0.0.1:5432/tretho_bench

Each step runs in its own process, as an operator would run it. The PostgreSQL database is created (dropped
first if it exists): never point this at a real installation. Results go to docs/benchmarks.md.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def tretho(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "django", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def recreate_postgres_database(url: str) -> None:
    import dj_database_url
    import psycopg

    settings = dj_database_url.parse(url)
    name = settings["NAME"]
    with psycopg.connect(host=settings["HOST"], port=settings["PORT"] or None, user=settings["USER"] or None,
                         password=settings["PASSWORD"] or None, dbname="postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


REFERENCE_SCRIPT = """
import os, sys, time, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
django.setup()
from django.db import connection, transaction
from tretho.geo.sources import read_source
started = time.perf_counter()
source = read_source()
rows = [(r.key.code, r.level, r.name, r.short_name, r.unit_type, r.valid_to, r.latitude, r.longitude)
        for r in source.units]
with transaction.atomic(), connection.cursor() as cursor:
    cursor.execute("DROP TABLE IF EXISTS bench_reference_units")
    cursor.execute("CREATE TABLE bench_reference_units (code varchar(10), level integer, name varchar(200), "
                   "short_name varchar(200), unit_type varchar(30), valid_to date, latitude double precision, "
                   "longitude double precision)")
    cursor.executemany("INSERT INTO bench_reference_units VALUES (%s, %s, %s, %s, %s, %s, %s, %s)", rows)
    cursor.execute("DROP TABLE bench_reference_units")
print(f"{time.perf_counter() - started:.3f}")
"""


def reference(env: dict[str, str]) -> float:
    """Wall time of the raw-SQL reference in its own process (same start-up cost as the command)."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", REFERENCE_SCRIPT], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    url = sys.argv[1] if len(sys.argv) > 1 else ""
    with tempfile.TemporaryDirectory(prefix="tretho-bench-") as tmp:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "TRETHO_VAR_DIR": tmp, "DEBUG": "0"}
        env.pop("DATABASE_URL", None)
        if url:
            recreate_postgres_database(url)
            env["DATABASE_URL"] = url
        label = "PostgreSQL" if url else "SQLite"
        tretho(["migrate", "--noinput", "-v", "0"], env)
        raw = reference(env)
        first = tretho(["load_units"], env)
        second = tretho(["load_units"], env)
    print(f"{label}: reference raw SQL inserts {raw:.1f} s | load_units on an empty database {first:.1f} s "
          f"(goal < 30 s) | second run, no change {second:.1f} s")


if __name__ == "__main__":
    main()
