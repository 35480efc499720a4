"""Keep one `Metric` row per data element and per registered computed metric.

Data elements sync on save. Computed metrics live in code, so their rows are synced after every migrate (and by
whoever registers metrics later, e.g. the demo loader): new codes get a row, changed names follow, codes no
longer registered are marked inactive, never deleted (indicators and facts keep pointing at them)."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db import transaction

from . import registry
from .choices import MetricKind


def national_root() -> Any:
    """The Việt Nam root unit (level 0), or None before units are loaded."""
    unit_model = apps.get_model("geo", "AdministrativeUnit")
    return unit_model.objects.filter(level=0, parent__isnull=True).order_by("pk").first()


def sync_data_element(element: Any) -> Any:
    from .models import Metric

    values = {"code": element.code, "name": element.name, "kind": MetricKind.REPORTED,
              "value_type": element.value_type, "unit_of_measure": element.unit_of_measure,
              "unit_id": element.unit_id, "is_active": element.is_active}
    metric = Metric.objects.filter(data_element=element).first()
    if metric is None:
        return Metric.objects.create(data_element=element, **values)
    changed = [name for name, value in values.items() if getattr(metric, name) != value]
    if changed:
        for name in changed:
            setattr(metric, name, values[name])
        metric.version += 1
        metric.save(update_fields=[*changed, "version", "updated_at"])
    return metric


@transaction.atomic
def sync_computed_metrics() -> dict[str, list[str]]:
    """Upsert the Metric rows of the registry; returns the codes created, updated and deactivated."""
    from .models import Metric

    report: dict[str, list[str]] = {"created": [], "updated": [], "deactivated": []}
    root = national_root()
    existing = {metric.code: metric for metric in Metric.objects.filter(kind=MetricKind.COMPUTED)}
    for computed in registry.computed_metrics():
        values = {"name": computed.name, "value_type": computed.value_type,
                  "unit_of_measure": computed.unit_of_measure, "is_active": True}
        metric = existing.pop(computed.code, None)
        if metric is None:
            Metric.objects.create(code=computed.code, kind=MetricKind.COMPUTED,
                                  unit_id=root.pk if root else None, **values)
            report["created"].append(computed.code)
            continue
        changed = [name for name, value in values.items() if getattr(metric, name) != value]
        if metric.unit_id is None and root is not None:
            metric.unit_id = root.pk
            changed.append("unit")
        if changed:
            for name in changed:
                if name != "unit":
                    setattr(metric, name, values[name])
            metric.version += 1
            metric.save(update_fields=[*changed, "version", "updated_at"])
            report["updated"].append(computed.code)
    for code, metric in existing.items():
        if metric.is_active:
            metric.is_active = False
            metric.version += 1
            metric.save(update_fields=["is_active", "version", "updated_at"])
            report["deactivated"].append(code)
    return report


def sync_after_migrate(sender: Any = None, **kwargs: Any) -> None:
    """post_migrate receiver (metrics app): skip when the tables are not there yet (a partial migrate)."""
    from django.db import connections

    using = kwargs.get("using", "default")
    tables = connections[using].introspection.table_names()
    if "metrics_metric" in tables and "geo_administrativeunit" in tables:
        sync_computed_metrics()
