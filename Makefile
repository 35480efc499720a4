# tretho — two commands to remember:
#   make run    set everything up on this machine (SQLite under var/) and serve http://127.0.0.1:8000
#   make test   lint, type-check and run the whole test suite on SQLite, then on PostgreSQL when reachable
# Others: make messages (refresh and compile translations), make bench, make clean.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
TRETHO := $(BIN)/tretho
HOST ?= 127.0.0.1
PORT ?= 8000
# PostgreSQL tried by `make test` when DATABASE_URL is not set (the test run creates test_<name> itself).
PG_PROBE_URL ?= postgres://postgres@127.0.0.1:5432/tretho
# One process by default: measured on the 2-core machines, two pytest-xdist workers were no faster (each loads
# the real administrative units for itself). `make test PYTEST_WORKERS=2` runs two, each with its own database.
PYTEST_WORKERS ?= 0
PYTEST_ARGS ?=
PYTEST := $(BIN)/pytest --ds=config.settings.test $(if $(filter-out 0,$(PYTEST_WORKERS)),-n $(PYTEST_WORKERS) --dist loadfile) $(PYTEST_ARGS)
DEBIAN_PACKAGES := chromium gettext

# Stamps: reinstall only when pyproject.toml changes.
INSTALLED := $(VENV)/.tretho-installed
INSTALLED_DEV := $(VENV)/.tretho-installed-dev

.PHONY: help run serve setup test lint typecheck test-sqlite test-postgres system-packages messages bench clean

help:
	@echo "make run    — cài đặt, tạo dữ liệu mẫu và chạy tretho tại http://$(HOST):$(PORT) / install, load demo data, serve"
	@echo "make test   — ruff, mypy và toàn bộ bộ kiểm thử (SQLite, rồi PostgreSQL) / lint, types, all tests"
	@echo "make messages | make bench | make clean"

# -- set-up -------------------------------------------------------------------------------------------------

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "tretho needs Python >= 3.11 (found " + sys.version.split()[0] + "); set PYTHON=python3.11 or newer")'
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(BIN)/python
	@echo "== pip install -e . (quiet)"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(INSTALLED_DEV): pyproject.toml | $(BIN)/python
	@echo "== pip install -e '.[dev]' (quiet)"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@ $(INSTALLED)

var:
	mkdir -p var

# Everything `make run` does before serving; each step is idempotent.
setup: $(INSTALLED) | var
	$(TRETHO) migrate --noinput
	$(TRETHO) collectstatic --noinput --verbosity 0
	$(TRETHO) load_units
	$(TRETHO) demo
	@echo "== Tài khoản dùng thử / demo logins"
	@$(TRETHO) demo --list-logins

run: setup serve

serve: $(INSTALLED)
	@echo "== tretho: http://$(HOST):$(PORT)/  (Ctrl+C để dừng / to stop)"
	$(TRETHO) runserver $(HOST):$(PORT)

# -- tests --------------------------------------------------------------------------------------------------

test: $(INSTALLED_DEV)
	@$(MAKE) system-packages
	@$(MAKE) lint
	@$(MAKE) typecheck
	@$(MAKE) test-sqlite
	@$(MAKE) test-postgres

# Debian's chromium (browser tests through Playwright) and gettext (translation check), when missing.
system-packages:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v xgettext >/dev/null 2>&1 && command -v msgfmt >/dev/null 2>&1 || missing="$$missing gettext"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "== apt-get install$$missing"; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	else \
		echo "!! Debian packages missing:$$missing — not root, so not installed."; \
		echo "!! Browser and translation tests will be skipped. Install them with: sudo apt-get install$$missing"; \
	fi

lint: $(INSTALLED_DEV)
	@echo "== ruff check ."
	$(BIN)/ruff check .

typecheck: $(INSTALLED_DEV)
	@echo "== mypy (files from [tool.mypy] in pyproject.toml)"
	$(BIN)/mypy

test-sqlite: $(INSTALLED_DEV)
	@echo "== pytest on SQLite"
	env -u DATABASE_URL $(PYTEST)

# DATABASE_URL when set (a failure to connect then fails the run); otherwise PostgreSQL on 127.0.0.1:5432 if it answers.
test-postgres: $(INSTALLED_DEV)
	@url="$${DATABASE_URL:-}"; \
	if [ -z "$$url" ]; then \
		if $(BIN)/python scripts/pg_probe.py "$(PG_PROBE_URL)"; then url="$(PG_PROBE_URL)"; \
		else echo "== PostgreSQL not reachable at $(PG_PROBE_URL): PostgreSQL run skipped"; exit 0; fi; \
	fi; \
	case "$$url" in postgres://*|postgresql://*|pgsql://*) ;; \
		*) echo "== DATABASE_URL is not PostgreSQL: PostgreSQL run skipped"; exit 0;; esac; \
	echo "== pytest on PostgreSQL ($$(echo "$$url" | sed -E 's#//([^:@/]*):[^@/]*@#//\1:***@#'))"; \
	DATABASE_URL="$$url" $(PYTEST)

# -- other --------------------------------------------------------------------------------------------------

# Refresh tretho/locale/en/LC_MESSAGES/django.po from the code, compile django.mo, list what is untranslated.
messages: $(INSTALLED_DEV)
	$(BIN)/python scripts/translate_check.py --update

# Every script in bench/ (modules named *_data.py are helpers, not scripts) on SQLite (a temporary file), then on
# PostgreSQL when it answers at BENCH_PG_URL — a database the scripts DROP and create, never a real installation's.
# Not part of `make test`. Results: docs/benchmarks.md. `make bench BENCH_SCRIPTS=bench/national.py` runs one.
BENCH_SCRIPTS ?= $(sort $(filter-out %_data.py,$(wildcard bench/*.py)))
BENCH_PG_URL ?= postgres://postgres@127.0.0.1:5432/tretho_bench
bench: $(INSTALLED_DEV)
	@pg=""; \
	if $(BIN)/python scripts/pg_probe.py "$(BENCH_PG_URL)"; then pg="$(BENCH_PG_URL)"; \
	else echo "== PostgreSQL not reachable at $(BENCH_PG_URL): SQLite only"; fi; \
	for script in $(BENCH_SCRIPTS); do \
		echo "== $$script (SQLite)"; $(BIN)/python "$$script"; \
		if [ -n "$$pg" ]; then echo "== $$script (PostgreSQL)"; $(BIN)/python "$$script" "$$pg"; fi; \
	done

# Generated files only: the SQLite database under var/ holds your data and stays (delete it by hand to start over).
clean:
	rm -rf var/static
	rm -rf build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache test-results
	find . -path ./.venv -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
