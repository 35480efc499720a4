"""API base classes: every viewset reads through restrict(), writes are re-checked against the scope, and
personal fields are withheld from roles without the need."""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext as _
from rest_framework import serializers, status, viewsets
from rest_framework.exceptions import APIException, PermissionDenied

from .scoping import ADD, CHANGE, DELETE, VIEW, user_can

_METHOD_ACTIONS = {"GET": VIEW, "HEAD": VIEW, "OPTIONS": VIEW, "POST": ADD, "PUT": CHANGE, "PATCH": CHANGE,
                   "DELETE": DELETE}


class TrethoSerializer(serializers.ModelSerializer):
    """Hides personal fields from viewers; owner and bookkeeping fields are read-only (no mass assignment)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        user = getattr(request, "user", None)
        check = getattr(user, "can_view_personal_data", None)
        if not (check and check()):
            for name in getattr(self.Meta.model, "personal_fields", ()):
                self.fields.pop(name, None)
        field: Any  # related fields carry a queryset, which plain Field does not declare
        for name, field in self.fields.items():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and getattr(queryset.model, "scope_path_field", None) and user is not None:
                field.queryset = queryset.restrict(user, VIEW)
            if name in {"created_at", "updated_at", "created_by", "version"}:
                field.read_only = True


class RecordInUse(APIException):
    """Deleting a record that others still point to (PROTECT foreign keys): 409, nothing deleted."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "in_use"


class ScopedModelViewSet(viewsets.ModelViewSet):
    """ModelViewSet over Model.objects.restrict(user, action); out of scope answers 404."""

    scoped_by = "restrict"
    queryset: models.QuerySet[Any]  # every subclass names its model's queryset

    def get_queryset(self):
        action = _METHOD_ACTIONS.get(self.request.method or "GET", VIEW)
        return self.queryset.model.objects.restrict(self.request.user, action)

    def _check_scope(self, instance: Any, action: str) -> None:
        # user_can, not Scope.covers: models scoped through a to-many relation (users) have no single path.
        if not user_can(self.request.user, action, instance):
            raise PermissionDenied(_("Bạn không có quyền ghi dữ liệu cho đơn vị này."))

    def perform_create(self, serializer: serializers.BaseSerializer) -> None:
        with transaction.atomic():
            instance = serializer.save(created_by=self.request.user)
            self._check_scope(instance, ADD)

    def perform_update(self, serializer: serializers.BaseSerializer) -> None:
        with transaction.atomic():
            instance = serializer.save()
            type(instance)._default_manager.filter(pk=instance.pk).update(version=instance.version + 1)
            self._check_scope(instance, CHANGE)

    def destroy(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().destroy(request, *args, **kwargs)
        except (models.ProtectedError, models.RestrictedError):
            message = _("Không thể xóa %(object)s vì còn dữ liệu khác tham chiếu đến.")
            raise RecordInUse(message % {"object": self.get_object()}) from None


class ScopedReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    scoped_by = "restrict"
    queryset: models.QuerySet[Any]

    def get_queryset(self):
        return self.queryset.model.objects.restrict(self.request.user, VIEW)
