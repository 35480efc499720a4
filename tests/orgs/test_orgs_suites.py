"""Agencies, steering committees and their members through the shared model suites."""

import datetime as dt

from tretho.core.testing.suites import ModelSuite, unique
from tretho.orgs.choices import AgencyKind, MemberRole
from tretho.orgs.models import Agency, Membership, SteeringCommittee


def make_agency(unit, kind=AgencyKind.WOMENS_UNION):
    return Agency.objects.create(name=unique(f"Hội Liên hiệp Phụ nữ {unit.name}"), kind=kind, unit=unit)


def make_committee(unit):
    return SteeringCommittee.objects.create(name=unique(f"Ban Chỉ đạo Đề án 404 {unit.name}"), unit=unit)


class TestAgency(ModelSuite):
    model = Agency

    def make(self, world, unit):
        return make_agency(unit)

    def form_data(self, world, unit):
        return {"name": unique("Phòng Giáo dục và Đào tạo"), "short_name": "PGDĐT", "kind": AgencyKind.EDUCATION,
                "unit": unit.pk, "email": "pgd@example.org", "is_active": "on"}

    def api_data(self, world, unit):
        return {"name": unique("Trạm Y tế"), "kind": AgencyKind.HEALTH_STATION, "unit": unit.pk}

    def test_parent_agency_must_be_visible(self, client, world):
        """A parent agency from another province is not a valid choice (choice lists go through restrict())."""
        from tretho.core.testing.suites import login

        foreign = make_agency(world.commune_b1)
        login(client, world.officer_a1a)
        data = self.form_data(world, world.commune_a1a) | {"parent": foreign.pk}
        response = client.post(self.url("add"), data)
        assert response.status_code == 400
        assert "parent" in response.context["form"].errors


class TestSteeringCommittee(ModelSuite):
    model = SteeringCommittee

    def make(self, world, unit):
        return make_committee(unit)

    def form_data(self, world, unit):
        return {"name": unique("Ban Điều hành Đề án 1437"), "unit": unit.pk,
                "standing_agency": make_agency(unit, AgencyKind.SOCIAL_AFFAIRS).pk,
                "established_by": "Quyết định số 12/QĐ-UBND", "established_on": "02/06/2020"}

    def api_data(self, world, unit):
        return {"name": unique("Ban Chỉ đạo"), "unit": unit.pk, "established_on": "2020-06-02"}

    def test_date_is_typed_day_first(self, client, world):
        from tretho.core.testing.suites import login

        login(client, world.officer_a1a)
        data = self.form_data(world, world.commune_a1a)
        assert client.post(self.url("add"), data).status_code == 302
        assert SteeringCommittee.objects.get(name=data["name"]).established_on == dt.date(2020, 6, 2)


class TestMembership(ModelSuite):
    model = Membership

    def make(self, world, unit):
        return Membership.objects.create(
            committee=make_committee(unit), agency=make_agency(unit), person_name=unique("Nguyễn Thị Hoa"),
            position="Phó Chủ tịch", role=MemberRole.DEPUTY,
        )

    def form_data(self, world, unit):
        return {"committee": make_committee(unit).pk, "person_name": unique("Trần Văn Bình"),
                "position": "Trưởng phòng", "agency": make_agency(unit).pk, "role": MemberRole.MEMBER}

    def api_data(self, world, unit):
        return self.form_data(world, unit)

    def edit_changes(self, world, obj):
        return {"position": unique("Phó Trưởng phòng")}

    def list_text(self, obj):
        return obj.person_name
