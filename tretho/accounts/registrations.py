from django.utils.translation import gettext_lazy as _

from tretho.core.registry import register

from .filters import RoleAssignmentFilterSet, SecurityEventFilterSet, UserFilterSet
from .forms import RoleAssignmentForm, UserForm
from .models import RoleAssignment, SecurityEvent, User
from .serializers import RoleAssignmentSerializer, SecurityEventSerializer, UserSerializer
from .tables import RoleAssignmentTable, SecurityEventTable, UserTable
from .views import UserEditView

register(
    User, filterset=UserFilterSet, table=UserTable, form=UserForm, serializer=UserSerializer,
    detail_fields=("username", "full_name", "email", "phone", "is_active", "last_login", "date_joined"),
    # Accounts are deactivated, not deleted: their history and events must keep pointing at them.
    without=("delete", "deleted", "restore"),
    extra={"related": [("role_assignments", _("Phân quyền"))], "detail_template": "accounts/user_detail.html",
           "views": {"add": UserEditView}},
)
register(RoleAssignment, filterset=RoleAssignmentFilterSet, table=RoleAssignmentTable, form=RoleAssignmentForm,
         serializer=RoleAssignmentSerializer)
register(SecurityEvent, filterset=SecurityEventFilterSet, table=SecurityEventTable, form=UserForm,
         serializer=SecurityEventSerializer,
         # Written by the system only; never edited, deleted or restored.
         without=("add", "edit", "delete", "history", "deleted", "restore"))
