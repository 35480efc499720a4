URL_TESTS = {
    "registry:group_import": "registry/test_registry_import_pages.py::test_import_page_dry_run_errors_and_import",
    "registry:group_import_template": "registry/test_registry_import_pages.py::test_template_download",
}
