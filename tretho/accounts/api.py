from tretho.core.api import ScopedModelViewSet, ScopedReadOnlyViewSet

from .models import RoleAssignment, SecurityEvent, User
from .serializers import RoleAssignmentSerializer, SecurityEventSerializer, UserSerializer


class UserViewSet(ScopedModelViewSet):
    """Administrators only (others get an empty list and 404s): the users assigned inside their subtree."""

    queryset = User.objects.all()
    serializer_class = UserSerializer
    filterset_fields = ["is_active", "username"]
    http_method_names = ["get", "patch", "head", "options"]


class RoleAssignmentViewSet(ScopedModelViewSet):
    queryset = RoleAssignment.objects.select_related("role", "unit")
    serializer_class = RoleAssignmentSerializer
    filterset_fields = ["user", "role", "unit", "agency"]


class SecurityEventViewSet(ScopedReadOnlyViewSet):
    queryset = SecurityEvent.objects.all()
    serializer_class = SecurityEventSerializer
    filterset_fields = ["kind", "username"]


ROUTES = [
    ("users", UserViewSet),
    ("role-assignments", RoleAssignmentViewSet),
    ("security-events", SecurityEventViewSet),
]
