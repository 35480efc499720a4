"""Users, role assignments and security events through the shared model suites (administrators only)."""

from django.urls import reverse

from tretho.accounts.choices import RoleCode, SecurityEventKind
from tretho.accounts.models import Role, RoleAssignment, SecurityEvent, User
from tretho.core.testing.suites import AdminOnlyModelSuite, login, unique


def make_user_in(unit, role=RoleCode.VIEWER):
    user = User.objects.create_user(username=unique("canbo").replace(" ", "."), email="cb@example.org")
    RoleAssignment.objects.create(user=user, role=Role.objects.get_or_create(code=role)[0], unit=unit)
    return user


class TestRoleAssignment(AdminOnlyModelSuite):
    model = RoleAssignment

    def make(self, world, unit):
        return make_user_in(unit).role_assignments.get()

    def form_data(self, world, unit):
        user = User.objects.create_user(username=unique("moi").replace(" ", "."))
        return {"user": user.pk, "role": world.roles[RoleCode.OFFICER].pk, "unit": unit.pk}

    def api_data(self, world, unit):
        # Through the API an administrator picks among the users they can see (assigned in their subtree).
        return {"user": world.viewer_a.pk, "role": world.roles[RoleCode.OFFICER].pk, "unit": unit.pk}

    def edit_changes(self, world, obj):
        code = RoleCode.APPROVER if obj.role.code != RoleCode.APPROVER else RoleCode.OFFICER
        return {"role": world.roles[code].pk}

    def list_text(self, obj):
        return obj.user.username


class TestUser(AdminOnlyModelSuite):
    model = User

    def make(self, world, unit):
        return make_user_in(unit)

    def form_data(self, world, unit):
        # A new account has no unit yet: the administrator gives it a role next (see test_add_…).
        return {"username": unique("nguoidung").replace(" ", "."), "full_name": "Lê Thị Mai",
                "email": "mai@example.org", "phone": "0901 234 567", "is_active": "on"}

    def edit_changes(self, world, obj):
        return {"full_name": unique("Phạm Văn Nam")}

    def list_text(self, obj):
        return obj.username

    def add_lands_on(self, obj):
        # A new account has no role, so it is in nobody's scope yet: the next step is to give it one.
        return reverse("accounts:roleassignment_add") + f"?user={obj.pk}"

    def test_new_account_goes_on_to_its_first_role(self, client, world):
        login(client, world.admin_a)
        data = self.form_data(world, world.commune_a1a)
        response = client.post(reverse("accounts:user_add"), data, follow=True)
        new_user = User.objects.get(username=data["username"])
        assert not new_user.has_usable_password()  # set by the user through the reset link
        form = response.context["form"]
        assert form.initial["user"] == str(new_user.pk)
        response = client.post(response.request["PATH_INFO"] + f"?user={new_user.pk}", {
            "user": new_user.pk, "role": world.roles[RoleCode.OFFICER].pk, "unit": world.commune_a1b.pk})
        assert response.status_code == 302
        assert client.get(reverse("accounts:user_detail", args=[new_user.pk])).status_code == 200


class TestSecurityEvent(AdminOnlyModelSuite):
    model = SecurityEvent

    def make(self, world, unit):
        user = make_user_in(unit)
        return SecurityEvent.objects.create(kind=SecurityEventKind.LOGIN, user=user, username=user.username,
                                            ip_address="10.0.0.1", path="/accounts/login/")

    def list_text(self, obj):
        return obj.username

    def detail_text(self, obj):
        return obj.username
