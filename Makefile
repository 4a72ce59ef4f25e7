# Ontmoet — the two commands are `make demo` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test lint bench install translations serve clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP) translations

var/secret_key:
	mkdir -p var
	$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key
	chmod 600 var/secret_key

translations: $(STAMP)
	$(BIN)/python -m ontmoet.core.translations

demo: install var/secret_key
	export SECRET_KEY="$$(cat var/secret_key)" DEBUG=1; \
	$(BIN)/ontmoet migrate --no-input && \
	$(BIN)/ontmoet load_demo && \
	$(BIN)/ontmoet demo_logins && \
	echo "Ontmoet draait op http://$(HOST):$(PORT)/ (stoppen met Ctrl+C)" && \
	$(BIN)/ontmoet runserver $(HOST):$(PORT) --noreload

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy
	$(BIN)/lint-imports

test: install lint
	@if [ -x /usr/bin/chromium ]; then echo "Browser tests: Debian chromium at /usr/bin/chromium"; \
	 elif [ -n "$$CI" ]; then echo "CI needs /usr/bin/chromium for the browser tests" >&2; exit 1; \
	 else echo "Browser tests SKIPPED: /usr/bin/chromium is missing (apt-get install chromium)"; fi
	DATABASE_URL= $(BIN)/pytest -q -p no:cacheprovider -m "not perf"
	@if [[ "$$DATABASE_URL" == postgres* ]]; then \
	  echo "Integration and API tests again on PostgreSQL ($${DATABASE_URL%%@*}@...)"; \
	  $(BIN)/pytest -q -p no:cacheprovider -m "not perf" tests/integration tests/api; \
	else echo "PostgreSQL run SKIPPED: DATABASE_URL does not name a PostgreSQL database"; fi

bench: install
	$(BIN)/pytest -q -p no:cacheprovider -m perf tests/perf -s

serve: install var/secret_key
	SECRET_KEY="$$(cat var/secret_key)" DEBUG=1 $(BIN)/ontmoet runserver $(HOST):$(PORT)

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
