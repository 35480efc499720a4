"""Settings come from the environment: production passes `check --deploy` clean, DATABASE_URL picks the engine,
the default SQLite database runs in WAL mode, and gunicorn + WhiteNoise serve the site.

Each case runs in a subprocess, because settings are read once per process.
"""

from __future__ import annotations

import http.client
import json
import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Variables that would leak the developer's or CI's own configuration into the subprocess.
LEAKY = (
    "DATABASE_URL", "DJANGO_SETTINGS_MODULE", "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "TRETHO_VAR_DIR",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests; check --deploy rightly refuses it
)


def clean_env(tmp_path: Path, settings: str, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in LEAKY}
    env.update(DJANGO_SETTINGS_MODULE=settings, TRETHO_VAR_DIR=str(tmp_path / "var"), PYTHONPATH=str(ROOT))
    env.update(extra)
    return env


def production_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    values = {"SECRET_KEY": secrets.token_urlsafe(60), "ALLOWED_HOSTS": "tretho.example.vn,127.0.0.1", **extra}
    return clean_env(tmp_path, "config.settings.production", **values)


def run_python(code: str, env: dict[str, str], timeout: int = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


SETTINGS_AS_JSON = """
import json, django
from django.conf import settings
django.setup()
db = settings.DATABASES["default"]
print(json.dumps({"DEBUG": settings.DEBUG, "ENGINE": db["ENGINE"], "NAME": str(db["NAME"]), "HOST": db.get("HOST"),
                  "PORT": db.get("PORT"), "USER": db.get("USER"), "CONN_MAX_AGE": db.get("CONN_MAX_AGE"),
                  "CONN_HEALTH_CHECKS": db.get("CONN_HEALTH_CHECKS"), "SESSION_ENGINE": settings.SESSION_ENGINE,
                  "ALLOWED_HOSTS": settings.ALLOWED_HOSTS, "EMAIL_HOST": settings.EMAIL_HOST,
                  "EMAIL_PORT": settings.EMAIL_PORT, "EMAIL_USE_TLS": settings.EMAIL_USE_TLS}))
"""


def settings_under(env: dict[str, str]) -> dict:
    result = run_python(SETTINGS_AS_JSON, env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


# -- production ---------------------------------------------------------------------------------------------


def test_production_settings_pass_check_deploy_without_warnings(tmp_path):
    code = "import django; django.setup(); from django.core.management import call_command; " \
           "call_command('check', deploy=True, fail_level='WARNING')"
    result = run_python(code, production_env(tmp_path))
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues (0 silenced)." in output
    assert "WARNINGS" not in output
    assert "security.W" not in output


def test_production_refuses_to_start_without_a_real_secret_key(tmp_path):
    env = production_env(tmp_path, SECRET_KEY="too-short")
    result = run_python("import django; django.setup()", env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts(tmp_path):
    env = production_env(tmp_path)
    del env["ALLOWED_HOSTS"]
    result = run_python("import django; django.setup()", env)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must name" in result.stderr


def test_production_ignores_debug_from_the_environment(tmp_path):
    settings = settings_under(production_env(tmp_path, DEBUG="1"))
    assert settings["DEBUG"] is False
    assert settings["ALLOWED_HOSTS"] == ["tretho.example.vn", "127.0.0.1"]
    # Stateless app servers: sessions live in the shared database.
    assert settings["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"


# -- environment --------------------------------------------------------------------------------------------


def test_database_url_selects_postgresql(tmp_path):
    env = clean_env(tmp_path, "config.settings.dev", DATABASE_URL="postgres://tretho:secret@db.internal:5433/tretho_vn")
    settings = settings_under(env)
    assert settings["ENGINE"] == "django.db.backends.postgresql"
    assert (settings["NAME"], settings["HOST"], settings["PORT"], settings["USER"]) == (
        "tretho_vn", "db.internal", 5433, "tretho",
    )
    assert settings["CONN_MAX_AGE"] == 60  # persistent connections on PostgreSQL …
    assert settings["CONN_HEALTH_CHECKS"] is True  # … checked before reuse


def test_without_database_url_sqlite_lives_under_the_var_dir(tmp_path):
    settings = settings_under(clean_env(tmp_path, "config.settings.dev"))
    assert settings["ENGINE"] == "django.db.backends.sqlite3"
    assert settings["NAME"] == str(tmp_path / "var" / "tretho.sqlite3")
    assert settings["DEBUG"] is True  # `make run` is for one's own machine


def test_email_comes_from_the_environment(tmp_path):
    env = clean_env(tmp_path, "config.settings.dev", EMAIL_HOST="smtp.example.vn", EMAIL_PORT="587",
                    EMAIL_USE_TLS="true")
    settings = settings_under(env)
    assert (settings["EMAIL_HOST"], settings["EMAIL_PORT"], settings["EMAIL_USE_TLS"]) == ("smtp.example.vn", 587, True)


def test_default_sqlite_database_uses_wal_mode(tmp_path):
    (tmp_path / "var").mkdir()
    code = """
import django
django.setup()
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("PRAGMA journal_mode")
    mode = cursor.fetchone()[0]
    cursor.execute("PRAGMA foreign_keys")
    foreign_keys = cursor.fetchone()[0]
print(connection.settings_dict["NAME"], mode, foreign_keys)
"""
    result = run_python(code, clean_env(tmp_path, "config.settings.dev"))
    assert result.returncode == 0, result.stderr
    name, mode, foreign_keys = result.stdout.split()
    assert Path(name) == tmp_path / "var" / "tretho.sqlite3"
    assert Path(name).exists()
    assert mode == "wal"
    assert foreign_keys == "1"


# -- serving ------------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(base: str, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    """One GET on the loopback server, never following a redirect (it would leave this machine)."""
    connection = http.client.HTTPConnection(base.removeprefix("http://"), timeout=10)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


@pytest.fixture
def gunicorn_site(tmp_path):
    """The production stack on a loopback port: migrate, collectstatic, gunicorn with config/gunicorn.conf.py."""
    port = free_port()
    env = production_env(tmp_path, GUNICORN_BIND=f"127.0.0.1:{port}", WEB_CONCURRENCY="1")
    tretho = [sys.executable, "-m", "django"]
    for command in (["migrate", "--noinput", "-v", "0"], ["collectstatic", "--noinput", "-v", "0"]):
        subprocess.run([*tretho, *command], env=env, cwd=ROOT, check=True, capture_output=True, timeout=300)
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "config/gunicorn.conf.py")],
        env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if server.poll() is not None:
                break
            time.sleep(0.2)
    try:
        assert server.poll() is None, (tmp_path / "gunicorn.log").read_text()
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_gunicorn_and_whitenoise_serve_the_site_behind_a_proxy(gunicorn_site):
    # The proxy terminates TLS and says so; without the header the app redirects to https.
    proxied = {"Host": "tretho.example.vn", "X-Forwarded-Proto": "https"}
    status, headers, body = fetch(gunicorn_site, "/accounts/login/", proxied)
    assert status == 200
    page = body.decode()
    assert "Đăng nhập tretho" in page
    assert "Strict-Transport-Security" in headers
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "onchange=" not in page  # no inline handlers: the policy would block them

    # Static files come from WhiteNoise with hashed names and long cache lifetimes.
    stylesheet = page.split('href="/static/vendor/bootstrap/bootstrap.min.', 1)[1].split('"', 1)[0]
    status, headers, body = fetch(gunicorn_site, f"/static/vendor/bootstrap/bootstrap.min.{stylesheet}", proxied)
    assert status == 200
    assert b"Bootstrap" in body[:500]
    assert "max-age=315360000" in headers.get("Cache-Control", "")

    status, headers, _ = fetch(gunicorn_site, "/accounts/login/", {"Host": "tretho.example.vn"})
    assert status == 301
    assert headers["Location"].startswith("https://tretho.example.vn/")

    status, _, _ = fetch(gunicorn_site, "/accounts/login/", {"Host": "evil.example.com", "X-Forwarded-Proto": "https"})
    assert status == 400


# -- accounts and sessions (issue 7) ------------------------------------------------------------------------

SECURITY_AS_JSON = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({"skip": settings.TRETHO_DEMO_SKIP_2FA, "roles": settings.TRETHO_2FA_REQUIRED_ROLES,
                  "idle": settings.TRETHO_SESSION_IDLE_MINUTES, "age": settings.SESSION_COOKIE_AGE,
                  "secure": [settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE],
                  "hsts": settings.SECURE_HSTS_SECONDS,
                  "csp": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"],
                  "csp_report_only": getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None),
                  "middleware": settings.MIDDLEWARE}))
"""


def security_under(env: dict[str, str]) -> dict:
    result = run_python(SECURITY_AS_JSON, env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_cannot_skip_the_second_factor(tmp_path):
    production = security_under(production_env(tmp_path, TRETHO_DEMO_SKIP_2FA="1"))
    assert production["skip"] is False
    assert production["roles"] == ["admin", "programme_manager"]
    demo = security_under(clean_env(tmp_path, "config.settings.dev"))
    assert demo["skip"] is True  # `make run`: the demo's managers sign in with the password alone


def test_production_sessions_cookies_hsts_and_csp(tmp_path):
    production = security_under(production_env(tmp_path, TRETHO_SESSION_IDLE_MINUTES="15"))
    assert production["idle"] == 15
    assert production["age"] == 8 * 3600
    assert production["secure"] == [True, True]
    assert production["hsts"] >= 365 * 24 * 3600
    # Enforced, not report-only: scripts and styles only from our own static files.
    assert production["csp_report_only"] is None
    assert "csp.middleware.CSPMiddleware" in production["middleware"]
    assert production["csp"]["script-src"] == ["'self'"]
    assert production["csp"]["style-src"] == ["'self'"]
    assert production["csp"]["frame-ancestors"] == ["'none'"]
