"""API of the activities: attachments (gathered by api.py).

/api/v1/activity-attachments/: list and read the attachments the user may see (filter by ?owner_type=training
&owner_id=12), add one with a multipart upload (owner_type, owner_id, title, kind, file: the same rules as the
page, attachments.do_attach), remove one (whoever may change its owner). Each row carries `download_url`, the
file through the API (same scope; attendance sheets only for roles that see personal data)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request

from tretho.core.api import ScopedModelViewSet, TrethoSerializer
from tretho.core.scoping import VIEW

from . import attachments
from .models import Attachment
from .views_attachments import file_response


def error_detail(error: DjangoValidationError) -> Any:
    """A Django ValidationError as a DRF error body: its fields, or non_field_errors."""
    return error.message_dict if hasattr(error, "error_dict") else {"non_field_errors": error.messages}


class AttachmentSerializer(TrethoSerializer):
    owner_type = serializers.ChoiceField(choices=attachments.owner_type_choices(), source="content_type.model",
                                         help_text=_("Loại bản ghi mang tệp: training, meeting, taskcompletion…"))
    owner_id = serializers.IntegerField(source="object_id", min_value=1, max_value=2**63 - 1)
    file = serializers.FileField(write_only=True, help_text=attachments.allowed_list())
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Attachment
        fields = ["id", "version", "unit", "owner_type", "owner_id", "kind", "title", "file", "size", "mime_type",
                  "created_at", "download_url"]
        read_only_fields = ["unit", "size", "mime_type", "created_at"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_download_url(self, obj: Attachment) -> str:
        path = reverse("api:activity-attachments-download", args=[obj.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        request = self.context["request"]
        owner_type = attrs.get("content_type", {}).get("model", "")
        owner = attachments.find_owner(request.user, owner_type, attrs.get("object_id"), VIEW)
        if owner is None:
            raise serializers.ValidationError({"owner_id": _("Không tìm thấy hoạt động này.")})
        if not attachments.may_change_owner(request.user, owner):
            raise PermissionDenied(_("Bạn không có quyền sửa hoạt động này."))
        try:
            attachments.check_upload(attrs["file"])
        except DjangoValidationError as error:
            raise serializers.ValidationError({"file": error.messages}) from None
        attrs["owner"] = owner
        return attrs

    def create(self, validated_data: dict[str, Any]) -> Attachment:
        try:
            return attachments.do_attach(
                validated_data["owner"], acting_user=self.context["request"].user, upload=validated_data["file"],
                title=validated_data["title"], kind=validated_data.get("kind") or Attachment._meta.get_field(
                    "kind").get_default())
        except DjangoValidationError as error:
            raise serializers.ValidationError(error_detail(error)) from None
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from None


class AttachmentFilterSet(filters.FilterSet):
    owner_type = filters.ChoiceFilter(field_name="content_type__model", choices=attachments.owner_type_choices(),
                                      label=_("Loại bản ghi mang tệp"))
    owner_id = filters.NumberFilter(field_name="object_id", label=_("Mã bản ghi mang tệp"))

    class Meta:
        model = Attachment
        fields = ["owner_type", "owner_id", "kind"]


_DOWNLOAD_RESPONSES: dict[Any, Any] = {(200, mime): OpenApiResponse(OpenApiTypes.BINARY)
                                       for mime in attachments.MIME_TYPES}


class AttachmentViewSet(ScopedModelViewSet):
    """Attachments of activities and task completions. No edit: remove and upload again."""

    queryset = Attachment.objects.select_related("content_type").order_by("id")
    serializer_class = AttachmentSerializer
    filterset_class = AttachmentFilterSet
    parser_classes = [MultiPartParser]
    http_method_names = ["get", "post", "delete", "head", "options"]

    def get_queryset(self) -> models.QuerySet[Attachment]:
        # Reading needs VIEW; removing needs the right to change the owner (checked in perform_destroy), so the
        # row is looked up among those the user sees.
        return attachments.visible_attachments(self.request.user, VIEW).select_related("content_type")

    def perform_create(self, serializer: serializers.BaseSerializer) -> None:
        serializer.save()

    def perform_destroy(self, instance: Any) -> None:
        if not attachments.may_remove(self.request.user, instance):
            raise Http404
        try:
            super().perform_destroy(instance)
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from None

    @extend_schema(responses=_DOWNLOAD_RESPONSES)
    @action(detail=True, methods=["get"], url_path="download")
    def download(self, request: Request, pk: Any = None) -> FileResponse:
        return file_response(request._request, self.get_object())


ROUTES: list = [
    ("activity-attachments", AttachmentViewSet),
]
