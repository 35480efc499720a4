"""Shared data of the task-progress tests: the cascade's issued province plan (tests/programmes/work/cascade_data.py)
and users of its agencies: an officer of the province working for Sở GD&ĐT (lead of task 1 "task_both") and one
working for Hội LHPN tỉnh (cooperating in task 1, lead of task 2 "task_everyone")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model

from tests.programmes.work.cascade_data import build_cascade
from tretho.accounts.models import RoleAssignment
from tretho.activities.models import Meeting, Training
from tretho.orgs.models import Agency


@dataclass
class ProgressWorld:
    cascade: Any
    world: Any
    lead_user: Any  # officer of province A for Sở GD&ĐT
    union_user: Any  # officer of province A for Hội LHPN tỉnh
    union: Any


def build_progress_world(world: Any) -> ProgressWorld:
    cascade = build_cascade(world)
    union = Agency.objects.get(short_name="Hội LHPN tỉnh")
    users = []
    for key, agency in (("officer_education", cascade.education), ("officer_union", union)):
        user = get_user_model().objects.create_user(username=key, password=world.password,
                                                    email=f"{key}@example.org")
        RoleAssignment.objects.create(user=user, role=world.roles["officer"], unit=world.province_a, agency=agency)
        users.append(user)
    return ProgressWorld(cascade, world, users[0], users[1], union)


def training(unit: Any, day: dt.date, *tasks: Any, title: str = "Tập huấn kỹ năng chăm sóc trẻ") -> Training:
    activity = Training.objects.create(unit=unit, title=title, start_date=day)
    activity.tasks.set(tasks)
    return activity


def meeting(unit: Any, day: dt.date, *tasks: Any, title: str = "Họp Ban Chỉ đạo định kỳ quý II") -> Meeting:
    activity = Meeting.objects.create(unit=unit, title=title, start_date=day)
    activity.tasks.set(tasks)
    return activity
