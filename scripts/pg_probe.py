#!/usr/bin/env python3
"""Exit 0 when the PostgreSQL server of a URL answers (used by `make test` to decide on the second run).

    python scripts/pg_probe.py postgres://postgres@127.0.0.1:5432/tretho

Connects to the server's `postgres` database, because the test run creates its own `test_<name>` database and
the named one need not exist.
"""

from __future__ import annotations

import sys

import dj_database_url


def reachable(url: str) -> bool:
    import psycopg

    settings = dj_database_url.parse(url)
    if settings["ENGINE"] != "django.db.backends.postgresql":
        return False
    try:
        psycopg.connect(
            host=settings.get("HOST") or None,
            port=settings.get("PORT") or None,
            user=settings.get("USER") or None,
            password=settings.get("PASSWORD") or None,
            dbname="postgres",
            connect_timeout=3,
        ).close()
    except psycopg.Error as error:
        print(f"PostgreSQL not reachable: {str(error).strip().splitlines()[0]}", file=sys.stderr)
        return False
    return True


if __name__ == "__main__":
    sys.exit(0 if len(sys.argv) == 2 and reachable(sys.argv[1]) else 1)
