"""docs/security.md maps each security statement to the tests that prove it: every test it names must exist, so the
map cannot claim coverage that is not there (a renamed or deleted test fails here)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "security.md"
# `tests/accounts/test_2fa.py::test_a_code_cannot_be_replayed`, `tretho/core/testing/suites.py::ApiSuite::test_…`
REFERENCE = re.compile(r"`((?:tests|tretho|bench)/[\w/.-]+\.py)::([\w:]+)`")


def references() -> list[tuple[str, list[str]]]:
    return [(path, names.split("::")) for path, names in REFERENCE.findall(DOC.read_text(encoding="utf-8"))]


def defines(source: str, names: list[str]) -> bool:
    """The file defines the class(es) and the test named, in that nesting order."""
    position = 0
    for name in names:
        match = re.compile(rf"^\s*(?:class|def) {re.escape(name)}\b", re.M).search(source, position)
        if match is None:
            return False
        position = match.end()
    return True


def test_the_security_map_names_tests():
    assert len(references()) > 40, "docs/security.md names the tests as `path::test`"


def test_every_test_the_security_map_names_exists():
    missing = [f"{path}::{'::'.join(names)}" for path, names in references()
               if not (ROOT / path).is_file() or not defines((ROOT / path).read_text(encoding="utf-8"), names)]
    assert not missing, "docs/security.md names tests that do not exist:\n" + "\n".join(missing)


def test_the_check_catches_a_missing_test():
    source = "class ApiSuite:\n    def test_api_list_is_scoped(self):\n        pass\n"
    assert defines(source, ["ApiSuite", "test_api_list_is_scoped"])
    assert not defines(source, ["ApiSuite", "test_api_list_is_not_scoped"])
    assert not defines(source, ["test_api_list_is_scoped", "ApiSuite"])
