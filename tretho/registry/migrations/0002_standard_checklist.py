"""The shipped supervision checklist (Thông tư 49/2021/TT-BGDĐT), when the Việt Nam root unit is already loaded.
On a fresh database the units come later (`tretho load_units`): `tretho demo` and installations call
tretho.registry.supervision.standard.ensure_standard_checklist() then; it is idempotent."""

from django.db import migrations


def seed(apps, schema_editor):
    """Superseded by 0003 (the template's "version" field was renamed version_label there; seeding here with the
    current code would name a field this state does not have). Databases that ran it keep their rows."""


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
