"""The one choke point for access: `Model.objects.restrict(user, action)`.

A user's scope is the set of administrative-unit subtrees they are assigned to (and, through the 2025 reform,
the subtrees of those units' predecessors, so a new province still reads its old districts' records). Each
scoped model says where its unit's materialized path lives (`scope_path_field`); `restrict()` keeps the rows
whose path starts with one of the user's paths. Everything else is invisible, and views answer 404 for it.

core knows nothing of accounts or geo: it asks the user object for a `Scope` through `get_scope(action)`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models

VIEW = "view"
ADD = "add"
CHANGE = "change"
DELETE = "delete"
EXPORT = "export"
ACTIONS = (VIEW, ADD, CHANGE, DELETE, EXPORT)


@dataclass(frozen=True)
class Scope:
    """Where a user may do an action: everywhere, nowhere, or below some unit paths (optionally per agency)."""

    everything: bool = False
    paths: tuple[str, ...] = field(default_factory=tuple)

    @property
    def nothing(self) -> bool:
        return not self.everything and not self.paths

    def covers(self, path: str | None) -> bool:
        if self.everything:
            return True
        if not path:
            return False
        return any(path.startswith(prefix) for prefix in self.paths)

    def as_q(self, path_field: str) -> models.Q:
        if self.everything:
            return models.Q()
        if not self.paths:
            return models.Q(pk__in=[])
        query = models.Q()
        for prefix in outermost_paths(self.paths):
            query |= models.Q(**{f"{path_field}__startswith": prefix})
        return query


def outermost_paths(paths: Iterable[str]) -> list[str]:
    """Drop paths already inside another one: fewer OR terms for a scope, and no subtree counted twice."""
    kept: list[str] = []
    for path in sorted(set(paths), key=len):
        if not any(path.startswith(k) for k in kept):
            kept.append(path)
    return kept


NO_SCOPE = Scope()


def scope_for(user: Any, action: str, model: type[models.Model] | None = None) -> Scope:
    if user is None or not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return NO_SCOPE
    get_scope = getattr(user, "get_scope", None)
    if get_scope is None:
        return NO_SCOPE
    return get_scope(action, model)


class RestrictedQuerySet(models.QuerySet):
    """QuerySet with `restrict(user, action)`. Every read the UI, API and exports do starts here."""

    def restrict(self, user: Any, action: str = VIEW) -> RestrictedQuerySet:
        path_field = getattr(self.model, "scope_path_field", None)
        if path_field is None:
            raise TypeError(f"{self.model.__name__} does not declare scope_path_field")
        scope = scope_for(user, action, self.model)
        if scope.nothing:
            return self.none()
        if scope.everything:
            return self.all()
        if "__" in path_field and getattr(self.model, "scope_through_many", False):
            # The path is reached through a to-many relation: a subquery keeps each row once.
            inner = self.model._default_manager.filter(scope.as_q(path_field)).values("pk")
            return self.filter(pk__in=inner)
        return self.filter(scope.as_q(path_field))


READ_ACTIONS = frozenset({VIEW, EXPORT})


class ReadableByAllQuerySet(RestrictedQuerySet):
    """Reference data (programmes, indicators, data elements): every user with an assignment may read all of it,
    wherever its owner unit is; writes stay within the owner unit's subtree (and the model's `roles_allowed`).

    Models using it set `scope_by_queryset = True` so that `user_can()` asks this rule too."""

    def restrict(self, user: Any, action: str = VIEW) -> RestrictedQuerySet:
        if action in READ_ACTIONS:
            return self.none() if scope_for(user, action, self.model).nothing else self.all()
        return super().restrict(user, action)


def path_of(obj: models.Model) -> str | None:
    """The materialized path an object is scoped by (follows scope_path_field through relations)."""
    value: Any = obj
    if getattr(type(obj), "scope_through_many", False):
        return None
    for part in obj.scope_path_field.split("__"):  # type: ignore[attr-defined]
        value = getattr(value, part, None)
        if value is None:
            return None
    return value


def restrict_choices(field: Any, user: Any, action: str = VIEW) -> bool:
    """Limit a form, filter or serializer field's choices to the scoped rows user may use for action.
    Returns whether the field lists a scoped model (fields of other models are left as they are). No user, no
    choices: deny by default, like restrict()."""
    queryset = getattr(field, "queryset", None)
    if queryset is None or not getattr(queryset.model, "scope_path_field", None):
        return False
    field.queryset = queryset.restrict(user, action)
    return True


def sees_personal_data(user: Any) -> bool:
    """Whether user's roles need personal data (names, phones, dates of birth); viewers see counts, not names."""
    check = getattr(user, "can_view_personal_data", None)
    return bool(check and check())


def user_can(user: Any, action: str, obj: models.Model) -> bool:
    """Whether user may do action on this object: the same rule as restrict(), for one object."""
    model = type(obj)
    if getattr(model, "scope_through_many", False) or getattr(model, "scope_by_queryset", False):
        # The model's own restrict() decides (a to-many path, or a rule wider than one subtree).
        manager: Any = model._default_manager  # a RestrictedQuerySet manager (scoped models declare one)
        return manager.restrict(user, action).filter(pk=obj.pk).exists()
    return scope_for(user, action, type(obj)).covers(path_of(obj))
