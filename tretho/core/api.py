"""API base classes: every viewset reads through restrict(), writes are re-checked against the scope, and
personal fields are withheld from roles without the need."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _
from rest_framework import serializers, status, viewsets
from rest_framework.exceptions import APIException, PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from .integrity import claim_version, stale_message_lines
from .scoping import ADD, CHANGE, DELETE, VIEW, restrict_choices, sees_personal_data, user_can

_METHOD_ACTIONS = {"GET": VIEW, "HEAD": VIEW, "OPTIONS": VIEW, "POST": ADD, "PUT": CHANGE, "PATCH": CHANGE,
                   "DELETE": DELETE}


class TrethoSerializer(serializers.ModelSerializer):
    """Hides personal fields from viewers; owner and bookkeeping fields are read-only (no mass assignment)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        user = getattr(request, "user", None)
        if not sees_personal_data(user):
            for name in getattr(self.Meta.model, "personal_fields", ()):
                self.fields.pop(name, None)
        field: Any  # related fields carry a queryset, which plain Field does not declare
        for name, field in self.fields.items():
            restrict_choices(field, user)
            if name in {"created_at", "updated_at", "created_by", "version"}:
                field.read_only = True


class CleanedSerializer(TrethoSerializer):
    """Runs the model's clean() (girls + boys = total, an end date after the start…) on a probe of the would-be record
    (the stored one with the posted values, or a new one), answering its messages as a 400, as the forms do.
    To-many fields are left out of the probe; check them in the subclass's validate()."""

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
        model: Any = self.Meta.model
        plain = {k: v for k, v in attrs.items() if not model._meta.get_field(k).many_to_many}
        if self.instance is not None:
            probe = model._base_manager.get(pk=self.instance.pk)
            for name, value in plain.items():
                setattr(probe, name, value)
        else:
            probe = model(**plain)
        try:
            probe.clean()
        except ValidationError as error:
            raise serializers.ValidationError(getattr(error, "message_dict", None) or error.messages) from None
        return attrs


class StaleVersion(APIException):
    """The client's version (If-Match or a `version` in the body) is no longer the record's: nothing saved."""

    status_code: int = status.HTTP_412_PRECONDITION_FAILED
    default_code = "stale"

    def __init__(self, lines: list[str], current: int | None, status_code: int) -> None:
        super().__init__(" ".join(lines))
        # The body: the message, one line per change, and the current version (a number, not a string).
        self.detail: Any = {"detail": self.detail, "changes": lines[1:], "version": current}
        self.status_code = status_code


def etag(version: int) -> str:
    return f'W/"{version}"'


def parse_if_match(header: str) -> int | None:
    """The version an If-Match header names (W/"7", "7" or 7); None for "*" or no header."""
    tag = header.split(",")[0].strip()
    if not tag or tag == "*":
        return None
    tag = tag.removeprefix("W/").strip('"')
    try:
        return int(tag)
    except ValueError:
        return -1  # matches no version: answered 412


class VersionETagMixin:
    """A detail GET sends the record's version as a weak ETag, for If-Match on the next write."""

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        instance = self.get_object()  # type: ignore[attr-defined]
        response = Response(self.get_serializer(instance).data)  # type: ignore[attr-defined]
        if hasattr(instance, "version"):
            response["ETag"] = etag(instance.version)
        return response


class RecordInUse(APIException):
    """Deleting a record that others still point to (PROTECT foreign keys): 409, nothing deleted."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "in_use"


class ScopedModelViewSet(VersionETagMixin, viewsets.ModelViewSet):
    """ModelViewSet over Model.objects.restrict(user, action); out of scope answers 404.

    Optimistic concurrency: a detail GET sends the record's version as ETag; PUT/PATCH/DELETE with an If-Match
    that is not the current version answer 412, a `version` in the body that is not current 409 — both with
    what changed — and nothing is saved. Without either, the version the request loaded is claimed, so two
    writes racing on one version cannot both succeed.
    """

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

    def _client_version(self) -> tuple[int | None, int]:
        """(version the client says it edits, status to answer when it is stale)."""
        header = self.request.headers.get("If-Match", "")
        if header:
            return parse_if_match(header), status.HTTP_412_PRECONDITION_FAILED
        data = self.request.data
        body = data.get("version") if hasattr(data, "get") else None
        try:
            return (None if body in (None, "") else int(body)), status.HTTP_409_CONFLICT  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return -1, status.HTTP_409_CONFLICT

    def _claim(self, instance: Any) -> None:
        """Claim the next version of instance or raise StaleVersion; call inside the writing transaction."""
        if not hasattr(instance, "version"):
            return
        claimed, stale_status = self._client_version()
        expected = instance.version
        if claimed is not None and claimed != expected:
            since = claimed if claimed >= 1 else expected
        elif not claim_version(type(instance), instance.pk, expected):
            since, stale_status = expected, status.HTTP_409_CONFLICT  # another write won the race since we read
        else:
            instance.version = expected + 1
            return
        current = type(instance)._base_manager.filter(pk=instance.pk).values_list("version", flat=True).first()
        raise StaleVersion(stale_message_lines(type(instance), instance.pk, since, self.request.user), current,
                           stale_status)

    def perform_update(self, serializer: serializers.BaseSerializer) -> None:
        with transaction.atomic():
            self._claim(serializer.instance)
            instance = serializer.save(version=serializer.instance.version)  # type: ignore[union-attr]
            self._check_scope(instance, CHANGE)
        if hasattr(instance, "version"):
            self.headers = {**getattr(self, "headers", {}), "ETag": etag(instance.version)}

    def perform_destroy(self, instance: Any) -> None:
        with transaction.atomic():
            self._claim(instance)
            instance.delete()

    def destroy(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().destroy(request, *args, **kwargs)
        except (models.ProtectedError, models.RestrictedError):
            message = _("Không thể xóa %(object)s vì còn dữ liệu khác tham chiếu đến.")
            raise RecordInUse(message % {"object": self.get_object()}) from None


class ScopedReadOnlyViewSet(VersionETagMixin, viewsets.ReadOnlyModelViewSet):
    scoped_by = "restrict"
    queryset: models.QuerySet[Any]

    def get_queryset(self):
        return self.queryset.model.objects.restrict(self.request.user, VIEW)
