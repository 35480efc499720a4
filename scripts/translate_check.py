#!/usr/bin/env python3
"""Keep the English catalogue complete.

    python scripts/translate_check.py           # check: every msgid in the code has an English msgstr
    python scripts/translate_check.py --update  # `make messages`: refresh the .po in place and compile the .mo

The check never touches the working tree: it copies `tretho/` and `config/` into a temporary folder, runs
`makemessages` there against a copy of the committed .po, and lists the msgids that come out untranslated or
fuzzy. It also checks that the committed .mo holds the same translations as the .po (someone edited the .po
but forgot to compile). Needs Debian's gettext (xgettext, msgmerge, msgfmt); exits 2 when it is missing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = Path("tretho/locale/en/LC_MESSAGES/django.po")
GETTEXT_TOOLS = ("xgettext", "msgmerge", "msguniq", "msgattrib", "msgfmt")
# Folders that hold no user-facing strings of the product (tests, tooling, collected static files).
IGNORED = ["tests", "bench", "scripts", "docs", "var", "build", "dist", "*.egg-info", "node_modules", "static"]
MAKEMESSAGES = [
    "makemessages",
    "--locale=en",
    "--no-obsolete",
    "--add-location=file",
    *[f"--ignore={pattern}" for pattern in IGNORED],
]


def missing_gettext_tools() -> list[str]:
    return [tool for tool in GETTEXT_TOOLS if shutil.which(tool) is None]


def run_django(args: list[str], cwd: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(cwd), "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    env.pop("DATABASE_URL", None)  # makemessages needs no database
    subprocess.run([sys.executable, "-m", "django", *args], cwd=cwd, env=env, check=True)


def problems_in(po_path: Path) -> list[str]:
    import polib

    catalogue = polib.pofile(str(po_path))
    problems = []
    for entry in catalogue:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.msgid!r}")
        elif entry.msgid_plural and not all(entry.msgstr_plural.values()):
            problems.append(f"untranslated plural: {entry.msgid!r}")
        elif not entry.msgid_plural and not entry.msgstr:
            problems.append(f"untranslated: {entry.msgid!r}")
    return problems


def stale_compiled(po_path: Path) -> list[str]:
    """Entries whose translation in the compiled .mo differs from the .po."""
    import polib

    mo_path = po_path.with_suffix(".mo")
    if not mo_path.exists():
        return [f"{mo_path} is missing: run `make messages`"]
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in polib.mofile(str(mo_path))}
    stale = []
    for entry in polib.pofile(str(po_path)).translated_entries():
        if compiled.get((entry.msgctxt, entry.msgid)) != (entry.msgstr, entry.msgstr_plural):
            stale.append(f"not compiled: {entry.msgid!r}")
    return stale


def check() -> list[str]:
    with tempfile.TemporaryDirectory(prefix="tretho-i18n-") as tmp:
        copy = Path(tmp)
        skip = shutil.ignore_patterns("__pycache__", "*.pyc", "static", "*.mo")
        for package in ("tretho", "config"):
            shutil.copytree(ROOT / package, copy / package, ignore=skip)
        (copy / CATALOGUE).parent.mkdir(parents=True, exist_ok=True)
        if (ROOT / CATALOGUE).exists():
            shutil.copy2(ROOT / CATALOGUE, copy / CATALOGUE)
        run_django([*MAKEMESSAGES, "--verbosity=0"], cwd=copy)
        problems = problems_in(copy / CATALOGUE)
    if (ROOT / CATALOGUE).exists():
        problems += stale_compiled(ROOT / CATALOGUE)
    return problems


def update() -> None:
    run_django(MAKEMESSAGES, cwd=ROOT)
    subprocess.run(
        ["msgfmt", "--check-format", "-o", str(CATALOGUE.with_suffix(".mo")), str(CATALOGUE)], cwd=ROOT, check=True
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="refresh the .po in place and compile the .mo")
    options = parser.parse_args()
    missing = missing_gettext_tools()
    if missing:
        print(f"gettext tools missing ({', '.join(missing)}): apt-get install gettext", file=sys.stderr)
        return 2
    if options.update:
        update()
    problems = check()
    for problem in problems:
        print(problem)
    if problems:
        print(
            f"\n{len(problems)} message(s) without an English translation in {CATALOGUE}: "
            "run `make messages`, translate the empty msgstr (and remove `#, fuzzy`), run `make messages` again.",
            file=sys.stderr,
        )
        return 1
    print(f"{CATALOGUE}: every message has an English translation.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
