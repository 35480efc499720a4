"""The shipped supervision checklist (Thông tư 49/2021/TT-BGDĐT), when the Việt Nam root unit is already loaded.
On a fresh database the units come later (`tretho load_units`): `tretho demo` and installations call
tretho.registry.supervision.standard.ensure_standard_checklist() then; it is idempotent."""

from django.db import migrations


def seed(apps, schema_editor):
    from tretho.registry.supervision.standard import ensure_standard_checklist, national_root

    if national_root(apps) is not None:
        ensure_standard_checklist(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
