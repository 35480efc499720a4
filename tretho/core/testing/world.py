"""A small scope world for tests: two provinces, a district, three communes and one user per role.

    Việt Nam (VN, level 0)
    ├── Province A (level 1)
    │   └── District A1 (level 2)
    │       ├── Commune A1a (level 3)
    │       └── Commune A1b (level 3)
    └── Province B (level 1)
        └── Commune B1 (level 3, directly under the province as in the post-2025 hierarchy)

Users: admin@A, programme_manager@A, officer@A1a, approver@A1, viewer@A, officer@B1, one user with no
assignment and a superuser. Built with a few dozen inserts, without the real unit lists, so every test can
afford its own world.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model

WORLD_PASSWORD = "mat-khau-thu-nghiem-2025"  # noqa: S105 - test accounts only

# The users of the world, in the order the scope matrix lists them.
WORLD_USERS = (
    "admin_a",
    "manager_a",
    "officer_a1a",
    "approver_a1",
    "viewer_a",
    "officer_b1",
    "nobody",
    "superuser",
)
# The places suites create one record in, by label.
PLACES = ("A1a", "A1b", "B1")

# (attribute, code, name, unit type, level, parent attribute)
_UNITS = (
    ("country", "VN", "Việt Nam", "quoc_gia", 0, None),
    ("province_a", "T91", "Tỉnh Sông Hồng", "tinh", 1, "country"),
    ("district_a1", "H911", "Huyện Đông Hòa", "huyen", 2, "province_a"),
    ("commune_a1a", "X91101", "Xã Hòa An", "xa", 3, "district_a1"),
    ("commune_a1b", "X91102", "Xã Tân Phú", "xa", 3, "district_a1"),
    ("province_b", "T92", "Tỉnh Núi Bạc", "tinh", 1, "country"),
    ("commune_b1", "P92001", "Phường Bình Minh", "phuong", 3, "province_b"),
)

# (user attribute, role code, unit attribute)
_ASSIGNMENTS = (
    ("admin_a", "admin", "province_a"),
    ("manager_a", "programme_manager", "province_a"),
    ("officer_a1a", "officer", "commune_a1a"),
    ("approver_a1", "approver", "district_a1"),
    ("viewer_a", "viewer", "province_a"),
    ("officer_b1", "officer", "commune_b1"),
)


@dataclass
class World:
    """The units and users of one test; attributes named as in the module docstring."""

    country: Any = None
    province_a: Any = None
    district_a1: Any = None
    commune_a1a: Any = None
    commune_a1b: Any = None
    province_b: Any = None
    commune_b1: Any = None
    admin_a: Any = None
    manager_a: Any = None
    officer_a1a: Any = None
    approver_a1: Any = None
    viewer_a: Any = None
    officer_b1: Any = None
    nobody: Any = None
    superuser: Any = None
    password: str = WORLD_PASSWORD
    roles: dict[str, Any] = field(default_factory=dict)

    def place(self, label: str) -> Any:
        """The commune behind a place label: "A1a", "A1b" or "B1"."""
        return {"A1a": self.commune_a1a, "A1b": self.commune_a1b, "B1": self.commune_b1}[label]

    def user(self, key: str) -> Any:
        return getattr(self, key)

    @property
    def users(self) -> dict[str, Any]:
        return {key: getattr(self, key) for key in WORLD_USERS}


def build_world() -> World:
    """Create the world in the test database and return it."""
    from tretho.accounts.models import Role, RoleAssignment
    from tretho.geo.models import AdministrativeUnit

    world = World()
    for attribute, code, name, unit_type, level, parent in _UNITS:
        unit = AdministrativeUnit.objects.create(
            code=code, name=name, unit_type=unit_type, level=level,
            parent=getattr(world, parent) if parent else None,
        )
        setattr(world, attribute, unit)

    world.roles = {code: Role.objects.get_or_create(code=code)[0] for _, code, _ in _ASSIGNMENTS}
    user_model = get_user_model()
    for key in WORLD_USERS:
        make = user_model.objects.create_superuser if key == "superuser" else user_model.objects.create_user
        user = make(username=key, password=WORLD_PASSWORD, email=f"{key}@example.org")
        setattr(world, key, user)
    for user_key, role_code, unit_key in _ASSIGNMENTS:
        RoleAssignment.objects.create(
            user=getattr(world, user_key), role=world.roles[role_code], unit=getattr(world, unit_key)
        )
    return world
