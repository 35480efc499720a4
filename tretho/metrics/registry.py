"""Computed metrics, registered in code by the domain apps (each in its own `metrics.py`):

    from tretho.metrics.registry import register_computed

    def groups_newly_established(unit_path, start, end):
        groups = ChildcareGroup.objects.filter(unit__path__startswith=unit_path)
        return groups.filter(established_on__range=(start, end)).count()

    register_computed("nhom_tre_thanh_lap_moi", "Số nhóm trẻ thành lập mới", groups_newly_established,
                      unit_of_measure="nhóm", breakdowns=("loai_khu",))

A computed metric is a function (unit_path, start, end) -> number over the records of the unit's subtree in the
period. A metric with breakdowns may return a mapping instead: breakdown option key ("doi_tuong=me;gioi_tinh=nu",
as reporting.models.option_key builds it; "" the total) → number. `sync.sync_computed_metrics()` keeps one
`Metric` row per registered code, so indicators and (later) facts point at it with a foreign key. This module
imports nothing of the domain.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from .choices import ValueType

Number = int | float | Decimal
Result = Number | Mapping[str, Number | None] | None
ComputeFunction = Callable[[str, dt.date, dt.date], Result]


class MetricRegistryError(ValueError):
    pass


@dataclass(frozen=True)
class ComputedMetric:
    code: str
    name: str
    func: ComputeFunction
    unit_of_measure: str
    breakdowns: tuple[str, ...] = ()
    value_type: str = ValueType.NUMBER

    def compute(self, unit_path: str, start: dt.date, end: dt.date) -> Result:
        if end < start:
            raise MetricRegistryError(f"{self.code}: the period ends ({end}) before it starts ({start})")
        return self.func(unit_path, start, end)


_computed: dict[str, ComputedMetric] = {}


def register_computed(code: str, name: str, func: ComputeFunction, *, unit_of_measure: str,
                      breakdowns: tuple[str, ...] | list[str] = (), value_type: str = ValueType.NUMBER,
                      ) -> ComputedMetric:
    """Register a computed metric under code. Registering the same function again (a module imported twice)
    is harmless; another function under a taken code is an error."""
    if not code or not code.replace("_", "").replace("-", "").replace(".", "").isalnum():
        raise MetricRegistryError(f"metric code {code!r}: letters, digits, '_', '-', '.' only")
    if not callable(func):
        raise MetricRegistryError(f"{code}: func must be callable")
    if value_type not in ValueType.values:
        raise MetricRegistryError(f"{code}: unknown value type {value_type!r}")
    metric = ComputedMetric(code=code, name=name, func=func, unit_of_measure=unit_of_measure,
                            breakdowns=tuple(breakdowns), value_type=value_type)
    existing = _computed.get(code)
    if existing is not None and _qualname(existing.func) != _qualname(func):
        raise MetricRegistryError(f"metric code {code!r} is already registered by {_qualname(existing.func)}")
    _computed[code] = metric
    return metric


def unregister(code: str) -> None:
    """Drop a registration (tests)."""
    _computed.pop(code, None)


def is_computed(code: str) -> bool:
    return code in _computed


def get_computed(code: str) -> ComputedMetric:
    try:
        return _computed[code]
    except KeyError:
        raise MetricRegistryError(f"no computed metric {code!r}") from None


def computed_metrics() -> list[ComputedMetric]:
    return sorted(_computed.values(), key=lambda metric: metric.code)


def compute(code: str, unit_path: str, start: dt.date, end: dt.date) -> Result:
    return get_computed(code).compute(unit_path, start, end)


def _qualname(func: Callable) -> str:
    return f"{getattr(func, '__module__', '?')}.{getattr(func, '__qualname__', repr(func))}"
