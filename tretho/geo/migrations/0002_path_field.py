# The path column becomes a PathField (same column, same indexes): only its prefix lookup changes, so the
# database is left alone (SQLite would otherwise rebuild both tables for nothing).

import tretho.geo.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('geo', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='administrativeunit',
                    name='path',
                    field=tretho.geo.fields.PathField(db_index=True, default='', editable=False, max_length=255, verbose_name='đường dẫn'),
                ),
                migrations.AlterField(
                    model_name='historicaladministrativeunit',
                    name='path',
                    field=tretho.geo.fields.PathField(db_index=True, default='', editable=False, max_length=255, verbose_name='đường dẫn'),
                ),
            ],
        ),
    ]
