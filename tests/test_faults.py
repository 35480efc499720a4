"""Database unreachable or locked: a Vietnamese page with HTTP 503, nothing half-written, and what the user typed
kept in the page (hidden fields, never passwords nor the CSRF token) with a "Gửi lại" button posting it again."""

from __future__ import annotations

import html
import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

from django.db.utils import OperationalError
from django.test import Client
from django.urls import reverse
from simple_history.models import HistoricalRecords

from tretho.core.testing.suites import login
from tretho.orgs.models import Agency

ROOT = Path(__file__).resolve().parent.parent
ADD = reverse("orgs:agency_add")
PHONE = "0912 345 678"


def agency_post(world, **extra):
    return {"name": "Sở Y tế thử", "kind": "health", "unit": world.province_a.pk, "phone": PHONE,
            "email": "so@example.vn", "is_active": "on", **extra}


def hidden_fields(page: str) -> dict[str, str]:
    """name → value of the hidden inputs of the resend form."""
    form = page.split('id="resend-form"', 1)[1].split("</form>", 1)[0]
    fields = {}
    for chunk in form.split("<input")[1:]:
        name = chunk.split('name="', 1)[1].split('"', 1)[0]
        fields[name] = html.unescape(chunk.split('value="', 1)[1].split('"', 1)[0])
    return fields


def test_a_failing_write_answers_503_keeps_the_input_and_writes_nothing(client, world, caplog):
    login(client, world.admin_a)
    before = Agency.objects.count()
    # The agency row is inserted, then its history row fails: the request's transaction must take both back.
    with mock.patch.object(HistoricalRecords, "create_historical_record",
                           side_effect=OperationalError("database is locked")), caplog.at_level(logging.INFO):
        response = client.post(ADD, agency_post(world, password="bi-mat-khong-giu"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    page = response.content.decode()
    assert "Tạm thời không truy cập được dữ liệu" in page
    assert "Gửi lại" in page and f'action="{ADD}"' in page
    fields = hidden_fields(page)
    assert fields["name"] == "Sở Y tế thử" and fields["phone"] == PHONE and fields["unit"] == str(world.province_a.pk)
    assert fields["csrfmiddlewaretoken"]  # a fresh token for the resend, not the one posted
    assert "password" not in fields and "bi-mat-khong-giu" not in page
    assert "Traceback" not in page and "create_historical_record" not in page
    assert Agency.objects.count() == before  # nothing half-written
    assert all(PHONE not in record.getMessage() for record in caplog.records)  # personal data stays out of logs
    assert any("database unavailable (OperationalError)" in record.getMessage() for record in caplog.records)

    # Once the database is back, "Gửi lại" posts the same fields and the agency is saved.
    resent = client.post(ADD, {k: v for k, v in fields.items() if k != "csrfmiddlewaretoken"})
    assert resent.status_code == 302
    assert Agency.objects.filter(name="Sở Y tế thử", phone=PHONE).count() == 1


def test_a_fault_before_the_view_also_answers_503(world):
    """Loading the session or the user fails in a middleware: handler500 turns the fault into the same page."""
    client = Client(raise_request_exception=False)
    login(client, world.officer_a1a)
    with mock.patch("django.contrib.sessions.backends.db.SessionStore._get_session_from_db",
                    side_effect=OperationalError("could not connect to server")):
        response = client.get(reverse("orgs:agency_list"))
    assert response.status_code == 503
    page = response.content.decode()
    assert "Tạm thời không truy cập được dữ liệu" in page and "Tải lại" in page
    assert "resend-form" not in page  # a GET has nothing to send again


def test_other_errors_keep_the_500_page_without_a_stack_trace(world):
    client = Client(raise_request_exception=False)
    login(client, world.officer_a1a)
    with mock.patch("tretho.core.views.ObjectListView.get", side_effect=RuntimeError("secret detail")):
        response = client.get(reverse("orgs:agency_list"))
    assert response.status_code == 500
    page = response.content.decode()
    assert "Đã có lỗi xảy ra" in page
    assert "secret detail" not in page and "Traceback" not in page


def test_custom_404_and_403_pages(client, world):
    login(client, world.officer_a1a)
    missing = client.get("/khong-co-trang-nay/")
    assert missing.status_code == 404
    assert "Traceback" not in missing.content.decode()
    assert missing.templates[0].name == "errors/404.html"
    denied = client.get(reverse("accounts:securityevent_list"))
    assert denied.status_code in (403, 404)
    assert denied.templates[0].name in ("errors/403.html", "errors/404.html")


# -- real processes -------------------------------------------------------------------------------------------

def run_app(code: str, tmp_path: Path, database_url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.test", DATABASE_URL=database_url,
               TRETHO_VAR_DIR=str(tmp_path / "var"), PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True,
                            timeout=180)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


UNREACHABLE = """
import json, django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
client.cookies["sessionid"] = "x" * 32
response = client.get("/orgs/agencies/")
print(json.dumps({"status": response.status_code, "page": response.content.decode()}))
"""


def test_an_app_pointed_at_a_stopped_postgresql_answers_503(tmp_path):
    # Port 9 (discard) has no PostgreSQL: the connection is refused as with a stopped server.
    result = run_app(UNREACHABLE, tmp_path, "postgres://postgres@127.0.0.1:9/tretho_stopped")
    assert result["status"] == 503
    assert "Tạm thời không truy cập được dữ liệu" in result["page"]


LOCKED = """
import json, sqlite3, django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.db import connection
from tretho.accounts.models import User
from tretho.geo.models import AdministrativeUnit
from tretho.orgs.models import Agency
admin = User.objects.create_superuser("quantri", password="x" * 16)
province = AdministrativeUnit.objects.create(code="T90", name="Tỉnh Thử", unit_type="tinh", level=1)
client = __import__("django.test", fromlist=["Client"]).Client(raise_request_exception=False)
client.force_login(admin, backend="django.contrib.auth.backends.ModelBackend")
connection.close()
connection.settings_dict["OPTIONS"]["timeout"] = 0.5  # wait half a second for the lock, not twenty
locker = sqlite3.connect(connection.settings_dict["NAME"])
locker.execute("BEGIN EXCLUSIVE")
response = client.post("/orgs/agencies/add/", {"name": "Sở Thử", "kind": "health", "unit": province.pk,
                                                "phone": "0912345678", "is_active": "on"})
locker.rollback()
locker.close()
print(json.dumps({"status": response.status_code, "page": response.content.decode(),
                  "agencies": Agency.objects.count()}))
"""


def test_a_locked_sqlite_database_answers_503_and_keeps_the_input(tmp_path):
    (tmp_path / "var").mkdir()
    result = run_app(LOCKED, tmp_path, f"sqlite:///{tmp_path / 'var' / 'locked.sqlite3'}")
    assert result["status"] == 503
    assert 'value="Sở Thử"' in result["page"] and 'value="0912345678"' in result["page"]
    assert result["agencies"] == 0
