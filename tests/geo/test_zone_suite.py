"""Industrial zones (KCN, KCX) through the shared model suites."""

from django.urls import reverse

from tretho.core.testing.suites import ModelSuite, form_post_data, login, unique
from tretho.geo.choices import ZoneKind
from tretho.geo.models import IndustrialZone


class TestIndustrialZone(ModelSuite):
    model = IndustrialZone

    def make(self, world, unit):
        return IndustrialZone.objects.create(name=unique(f"KCN {unit.name}"), kind=ZoneKind.INDUSTRIAL, unit=unit)

    def form_data(self, world, unit):
        return {"name": unique("Khu công nghiệp Hòa Bình"), "kind": ZoneKind.EXPORT_PROCESSING, "unit": unit.pk,
                "address": "Quốc lộ 1A", "latitude": "10,95", "longitude": "106,82"}

    def api_data(self, world, unit):
        return {"name": unique("KCX Tân Thuận"), "kind": ZoneKind.EXPORT_PROCESSING, "unit": unit.pk}

    def test_coordinates_are_typed_the_vietnamese_way(self, client, world):
        login(client, world.officer_a1a)
        data = self.form_data(world, world.commune_a1a) | {"latitude": "10,951", "longitude": "106,825"}
        assert client.post(reverse("geo:industrialzone_add"), data).status_code == 302
        zone = IndustrialZone.objects.get(name=data["name"])
        assert (zone.latitude, zone.longitude) == (10.951, 106.825)
        # The edit form shows them back with a decimal comma, and saving it unchanged keeps them.
        response = client.get(reverse("geo:industrialzone_edit", args=[zone.pk]))
        assert 'value="106,825"' in response.content.decode()
        unchanged = form_post_data(response.context["form"])
        assert client.post(reverse("geo:industrialzone_edit", args=[zone.pk]), unchanged).status_code == 302
        zone.refresh_from_db()
        assert (zone.latitude, zone.longitude) == (10.951, 106.825)
