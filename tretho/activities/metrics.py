"""Computed metrics of the activities (tretho.metrics.registry.register_computed). Placeholder: only the staff
trained, moved here from the registry because it is now derived from training participations."""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef

from tretho.metrics.choices import ValueType
from tretho.metrics.registry import register_computed
from tretho.registry.metrics import staff_working

from .models import TrainingParticipant


def staff_trained(unit_path: str, start: dt.date, end: dt.date) -> int:
    """Caring staff working in the period who took part in a training held by its end (distinct persons)."""
    trained = TrainingParticipant.objects.filter(staff=OuterRef("pk"), completed=True,
                                                 training__start_date__lte=end)
    return staff_working(unit_path, start, end).filter(Exists(trained)).count()


register_computed("so_nguoi_cham_soc_tre_tap_huan", "Số người quản lý, giáo viên, bảo mẫu đã được tập huấn",
                  staff_trained, unit_of_measure="người", value_type=ValueType.NUMBER)
