"""URLs of the group map (tretho/registry/urls_map.py) and the tests exercising them (see tests/test_meta.py)."""

URL_TESTS = {
    "registry:group_map": "registry/test_registry_map.py::test_officer_sees_the_groups_of_their_commune_only",
}
