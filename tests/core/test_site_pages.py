"""Scope tests for the pages that are not a registered model's generated pages: home, the type-ahead lookup,
the API root, schema, docs and token, and the read-only unit successions API."""

from django.urls import reverse
from django.utils.html import strip_tags

from tretho.core.testing.suites import api_rows, login
from tretho.geo.models import AdministrativeUnit, UnitSuccession


def test_home_shows_the_users_own_scope(client, world):
    assert client.get(reverse("core:home")).status_code == 302  # signed out: to the login page
    login(client, world.officer_a1a)
    html = client.get(reverse("core:home")).content.decode()
    assert "Xã Hòa An" in html
    assert "Tỉnh Núi Bạc" not in html
    login(client, world.nobody)
    assert "Bạn chưa được phân quyền" in client.get(reverse("core:home")).content.decode()


def lookup(client, model_label, **params):
    return client.get(reverse("core:lookup", args=[model_label]), params)


def test_lookup_offers_only_units_the_user_may_use(client, world):
    assert lookup(client, "geo.administrativeunit", q="hoa an").status_code == 302
    login(client, world.officer_a1a)
    html = lookup(client, "geo.administrativeunit", q="hoa an", action="add").content.decode()
    assert f'value="{world.commune_a1a.pk}"' in html
    html = lookup(client, "geo.administrativeunit", q="binh minh", action="add").content.decode()
    assert f'value="{world.commune_b1.pk}"' not in html  # another province: not offered, even by name

    login(client, world.viewer_a)
    viewable = lookup(client, "geo.administrativeunit", q="xa", action="view").content.decode()
    assert f'value="{world.commune_a1b.pk}"' in viewable
    addable = lookup(client, "geo.administrativeunit", q="xa", action="add").content.decode()
    assert f'value="{world.commune_a1b.pk}"' not in addable  # a viewer adds nowhere


def test_lookup_serves_only_scoped_searchable_models(client, world):
    login(client, world.superuser)
    assert lookup(client, "accounts.role", q="a").status_code == 404  # not scoped
    assert lookup(client, "accounts.securityevent", q="a").status_code == 404  # no search key
    assert lookup(client, "nothing.here", q="a").status_code == 404


def test_api_root_schema_and_docs(client, world):
    login(client, world.officer_a1a)
    root = client.get(reverse("api:api-root"), HTTP_ACCEPT="application/json")
    assert root.status_code == 200
    assert "zones" in root.json()
    schema = client.get(reverse("api-schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    assert "/api/v1/zones/" in schema.json()["paths"]
    docs = client.get(reverse("api-docs"))
    assert docs.status_code == 200
    assert "cdn" not in docs.content.decode().lower()  # served from our own static files


def test_api_token_gives_the_same_scope_as_the_site(api_client, world):
    url = reverse("api:token")
    assert api_client.post(url, {"username": "officer_a1a", "password": "sai"}).status_code == 400
    response = api_client.post(url, {"username": "officer_a1a", "password": world.password})
    assert response.status_code == 200
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    ids = {row["id"] for row in api_rows(api_client.get(reverse("api:units-list"), {"limit": 100}))}
    assert world.commune_a1a.pk in ids
    assert world.commune_b1.pk not in ids


def test_unit_successions_api_is_scoped(api_client, world):
    def old_commune(code, parent):
        return AdministrativeUnit.objects.create(code=code, name=f"Xã Cũ {code}", unit_type="xa", level=3,
                                                 parent=parent)

    into_a1a = UnitSuccession.objects.create(predecessor=old_commune("X00001", world.district_a1),
                                             successor=world.commune_a1a, kind="full")
    into_b1 = UnitSuccession.objects.create(predecessor=old_commune("X00002", world.province_b),
                                            successor=world.commune_b1, kind="full")
    api_client.force_authenticate(world.officer_a1a)
    ids = {row["id"] for row in api_rows(api_client.get(reverse("api:unit-successions-list")))}
    assert ids == {into_a1a.pk}
    assert api_client.get(reverse("api:unit-successions-detail", args=[into_a1a.pk])).status_code == 200
    assert api_client.get(reverse("api:unit-successions-detail", args=[into_b1.pk])).status_code == 404
    assert api_client.post(reverse("api:unit-successions-list"), {}).status_code == 405  # read-only


def test_list_pager_and_yes_no_filters_speak_vietnamese(client, world):
    """The table library's pager says "next" and Django's yes/no select says "Chưa xác định" (unknown): both
    replaced, the filter's empty choice meaning "all" as on every other filter."""
    import django_filters

    from tretho.core.filters import TrethoFilterSet
    from tretho.orgs.models import Agency

    for number in range(30):
        Agency.objects.create(name=f"Cơ quan {number:02d}", kind="other", unit=world.commune_a1a)
    login(client, world.admin_a)
    text = strip_tags(client.get(reverse("orgs:agency_list")).content.decode()).split()
    assert "Trang sau" in " ".join(text) and "next" not in text
    text = strip_tags(client.get(reverse("orgs:agency_list"), {"page": 2}).content.decode()).split()
    assert "Trang trước" in " ".join(text) and "previous" not in text

    class ActiveFilterSet(TrethoFilterSet):
        is_active = django_filters.BooleanFilter()

        class Meta:
            model = Agency
            fields = ["is_active"]

    choices = dict(ActiveFilterSet(queryset=Agency.objects.none()).form.fields["is_active"].widget.choices)
    assert choices == {"unknown": "Tất cả", "true": "Có", "false": "Không"}
