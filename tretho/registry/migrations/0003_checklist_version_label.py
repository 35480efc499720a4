"""ChecklistTemplate.version was a text label shadowing TrethoModel's integer version (optimistic concurrency):
renamed version_label, the integer comes back. Then the shipped checklist is seeded (see 0002)."""

from django.db import migrations, models


def seed(apps, schema_editor):
    from tretho.registry.supervision.standard import ensure_standard_checklist, national_root

    if national_root(apps) is not None:
        ensure_standard_checklist(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0002_standard_checklist"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="checklisttemplate", name="registry_checklist_code_version"),
        migrations.RenameField(model_name="checklisttemplate", old_name="version", new_name="version_label"),
        migrations.RenameField(model_name="historicalchecklisttemplate", old_name="version",
                               new_name="version_label"),
        migrations.AddField(model_name="checklisttemplate", name="version",
                            field=models.PositiveIntegerField(default=1, editable=False, verbose_name="phiên bản")),
        migrations.AddField(model_name="historicalchecklisttemplate", name="version",
                            field=models.PositiveIntegerField(default=1, editable=False, verbose_name="phiên bản")),
        migrations.AddConstraint(model_name="checklisttemplate", constraint=models.UniqueConstraint(
            fields=("code", "version_label"), name="registry_checklist_code_version")),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
