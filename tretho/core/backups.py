"""Backups and restores (`tretho backup`, `tretho restore`): SQLite through its online backup API, PostgreSQL
through pg_dump/pg_restore; a manifest of row counts and a checksum per table lets a restore prove itself.

A backup is a folder: `database.sqlite3` or `database.pgdump`, and `manifest.json`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import dj_database_url
from django.db import connections, transaction
from django.utils.translation import gettext as _

MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.pgdump"


class BackupError(Exception):
    """A backup or restore could not be done; the message is for the operator (Vietnamese)."""


# -- fingerprints: row count and checksum of every table ---------------------------------------------------------

def _tables(cursor: Any, vendor: str) -> list[str]:
    if vendor == "sqlite":
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    else:
        cursor.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                       "AND table_type = 'BASE TABLE' ORDER BY table_name")
    return [row[0] for row in cursor.fetchall()]


def _columns(cursor: Any, vendor: str, table: str) -> tuple[list[str], list[str]]:
    """(every column, the primary key columns — every column when there is no key) of table."""
    if vendor == "sqlite":
        cursor.execute(f'PRAGMA table_info("{table}")')
        rows = cursor.fetchall()
        columns = [row[1] for row in rows]
        keys = [row[1] for row in sorted(rows, key=lambda row: row[5]) if row[5]]
        return columns, keys or columns
    cursor.execute("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                   "AND table_name = %s ORDER BY ordinal_position", [table])
    columns = [row[0] for row in cursor.fetchall()]
    cursor.execute("SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
                   "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = %s::regclass AND i.indisprimary",
                   [f'"{table}"'])
    keys = [row[0] for row in cursor.fetchall()]
    return columns, keys or columns


def fingerprints(dbapi_connection: Any, vendor: str) -> dict[str, dict[str, Any]]:
    """{table: {"rows": n, "sha256": hash of its rows ordered by primary key}} read through a DB-API connection.
    Values are hashed as the database writes them as text, so any client (Django's typed connection or a bare
    one) gets the same checksum."""
    cursor = dbapi_connection.cursor()
    if vendor == "postgresql":
        cursor.execute("SET TIME ZONE 'UTC'")  # timestamps as text do not depend on the session
    result = {}
    for table in _tables(cursor, vendor):
        columns, keys = _columns(cursor, vendor, table)
        as_text = (", ".join(f'quote("{c}")' for c in columns) if vendor == "sqlite"
                   else ", ".join(f'"{c}"::text' for c in columns))
        order = ", ".join(f'"{c}"' for c in keys)
        cursor.execute(f'SELECT {as_text} FROM "{table}" ORDER BY {order}')  # noqa: S608 (names from the catalogue)
        digest, count = hashlib.sha256(), 0
        while rows := cursor.fetchmany(2000):
            for row in rows:
                digest.update(json.dumps(list(row), ensure_ascii=False).encode())
                digest.update(b"\n")
                count += 1
        result[table] = {"rows": count, "sha256": digest.hexdigest()}
    cursor.close()
    return result


# -- backup -----------------------------------------------------------------------------------------------------

def _pg_command(program: str, settings: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(_("Không tìm thấy chương trình %(program)s (gói postgresql-client).") % {"program": program})
    args = [executable, "--no-password"]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            args += [flag, str(settings[key])]
    env = dict(os.environ)
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings["PASSWORD"])
    return args, env


def backup(output: Path, using: str = "default") -> dict[str, Any]:
    """Write a consistent copy of the database and its manifest into the folder output; return the manifest."""
    connection = connections[using]
    output.mkdir(parents=True, exist_ok=True)
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        target = output / SQLITE_FILE
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)  # online: readers and writers go on meanwhile
            tables = fingerprints(copy, "sqlite")
        copy.close()
    elif connection.vendor == "postgresql":
        target = output / PG_FILE
        # One snapshot for the dump and the manifest: what the manifest counts is what the dump holds.
        with transaction.atomic(using=using):
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
            args, env = _pg_command("pg_dump", connection.settings_dict)
            completed = subprocess.run(  # noqa: S603 (fixed program, arguments from settings)
                [*args, "--format=custom", f"--snapshot={snapshot}", f"--file={target}",
                 f"--dbname={connection.settings_dict['NAME']}"], env=env, capture_output=True, text=True)
            if completed.returncode:
                raise BackupError(_("pg_dump thất bại: %(error)s") % {"error": completed.stderr.strip()})
            tables = fingerprints(connection.connection, "postgresql")
    else:
        raise BackupError(_("Chưa hỗ trợ sao lưu cơ sở dữ liệu %(vendor)s.") % {"vendor": connection.vendor})
    manifest = {
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "vendor": connection.vendor,
        "file": target.name,
        "file_sha256": _file_sha256(target),
        "tables": tables,
    }
    (output / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
    return manifest


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


# -- restore ----------------------------------------------------------------------------------------------------

def read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    if not path.is_file():
        raise BackupError(_("Không thấy %(file)s trong %(folder)s: đây không phải một bản sao lưu của tretho.")
                          % {"file": MANIFEST, "folder": folder})
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if _file_sha256(folder / manifest["file"]) != manifest["file_sha256"]:
        raise BackupError(_("Tệp sao lưu %(file)s bị hỏng hoặc đã bị sửa (mã kiểm tra không khớp).")
                          % {"file": manifest["file"]})
    return manifest


def database_settings(url: str | None, using: str = "default") -> dict[str, Any]:
    return dict(dj_database_url.parse(url)) if url else dict(connections[using].settings_dict)


def _refuse_if_not_empty(tables: list[str]) -> None:
    if tables:
        raise BackupError(_(
            "Cơ sở dữ liệu đích không trống (đã có %(count)s bảng, ví dụ %(example)s). Chỉ phục hồi vào một cơ sở "
            "dữ liệu trống: tạo một cơ sở dữ liệu mới, trỏ cấu hình vào đó rồi chạy lại lệnh."
        ) % {"count": len(tables), "example": tables[0]})


def restore(folder: Path, settings: dict[str, Any]) -> dict[str, Any]:
    """Restore the backup in folder into the (empty) database of settings, then check every table against the
    manifest. Returns the manifest."""
    manifest = read_manifest(folder)
    engine = settings["ENGINE"]
    source = folder / manifest["file"]
    if manifest["vendor"] == "sqlite" and engine.endswith("sqlite3"):
        target = str(settings["NAME"])
        with sqlite3.connect(target) as db:
            _refuse_if_not_empty(_tables(db.cursor(), "sqlite"))
            with sqlite3.connect(source) as backup_db:
                backup_db.backup(db)
            backup_db.close()
            restored = fingerprints(db, "sqlite")
        db.close()
    elif manifest["vendor"] == "postgresql" and "postgresql" in engine:
        restored = _restore_postgresql(source, settings)
    else:
        raise BackupError(_("Bản sao lưu của %(vendor)s không phục hồi được vào cơ sở dữ liệu %(engine)s.")
                          % {"vendor": manifest["vendor"], "engine": engine})
    differing = sorted(table for table in manifest["tables"] if restored.get(table) != manifest["tables"][table])
    if differing or set(restored) != set(manifest["tables"]):
        raise BackupError(_("Dữ liệu phục hồi không khớp bản kê của bản sao lưu ở các bảng: %(tables)s")
                          % {"tables": ", ".join(differing or sorted(set(restored) ^ set(manifest["tables"])))})
    return manifest


def _pg_connect(settings: dict[str, Any]) -> Any:
    import psycopg

    return psycopg.connect(dbname=settings["NAME"], host=settings.get("HOST") or None,
                           port=settings.get("PORT") or None, user=settings.get("USER") or None,
                           password=settings.get("PASSWORD") or None)


def _restore_postgresql(source: Path, settings: dict[str, Any]) -> dict[str, dict[str, Any]]:
    with _pg_connect(settings) as db:
        _refuse_if_not_empty(_tables(db.cursor(), "postgresql"))
    args, env = _pg_command("pg_restore", settings)
    completed = subprocess.run(  # noqa: S603 (fixed program, arguments from settings)
        [*args, "--no-owner", "--exit-on-error", "--single-transaction", f"--dbname={settings['NAME']}",
         str(source)], env=env, capture_output=True, text=True)
    if completed.returncode:
        raise BackupError(_("pg_restore thất bại: %(error)s") % {"error": completed.stderr.strip()})
    with _pg_connect(settings) as db:
        return fingerprints(db, "postgresql")
