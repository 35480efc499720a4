from tretho.core.api import TrethoSerializer

from .models import RoleAssignment, SecurityEvent, User


class UserSerializer(TrethoSerializer):
    class Meta:
        model = User
        fields = ["id", "username", "full_name", "email", "phone", "is_active", "last_login", "version"]
        read_only_fields = ["last_login", "version"]


class RoleAssignmentSerializer(TrethoSerializer):
    class Meta:
        model = RoleAssignment
        fields = ["id", "user", "role", "unit", "agency", "version", "created_at"]


class SecurityEventSerializer(TrethoSerializer):
    class Meta:
        model = SecurityEvent
        fields = ["id", "at", "kind", "user", "username", "ip_address", "path", "detail"]
        read_only_fields = fields
