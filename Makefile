# Ontmoet — the two commands are `make demo` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# The suite runs in parallel processes (pytest-xdist), one per core by default.
TEST_WORKERS ?= $(shell nproc 2>/dev/null || echo 2)

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

# Served as in production: DEBUG off, gunicorn (ontmoet.config.gunicorn), static files through WhiteNoise, and the
# background-job worker (ontmoet db_worker) with the daily reminders in its queue.
demo: install var/secret_key
	@$(BIN)/python -m ontmoet.config.launch --host $(HOST) --port $(PORT) --check-port
	export SECRET_KEY="$$(cat var/secret_key)" DEBUG=0; \
	$(BIN)/ontmoet migrate --no-input && \
	$(BIN)/ontmoet collectstatic --no-input --verbosity 0 && \
	$(BIN)/ontmoet load_demo && \
	$(BIN)/ontmoet schedule_reminders && \
	$(BIN)/ontmoet demo_logins && \
	exec $(BIN)/python -m ontmoet.config.launch --host $(HOST) --port $(PORT) --worker

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy
	$(BIN)/lint-imports

test: install lint
	@if [ -x /usr/bin/chromium ]; then echo "Browser tests: Debian chromium at /usr/bin/chromium"; \
	 elif [ -n "$$CI" ]; then echo "CI needs /usr/bin/chromium for the browser tests" >&2; exit 1; \
	 else echo "Browser tests SKIPPED: /usr/bin/chromium is missing (apt-get install chromium)"; fi
	DATABASE_URL= $(BIN)/pytest -q -p no:cacheprovider -m "not perf" -n $(TEST_WORKERS) --dist worksteal \
	  --durations=15
	@if [[ "$$DATABASE_URL" == postgres* ]]; then \
	  echo "Integration and API tests again on PostgreSQL ($${DATABASE_URL%%@*}@...)"; \
	  $(BIN)/pytest -q -p no:cacheprovider -m "not perf and not once" -n $(TEST_WORKERS) --dist worksteal \
	    --durations=15 tests/integration tests/api; \
	else echo "PostgreSQL run SKIPPED: DATABASE_URL does not name a PostgreSQL database"; fi

# wrk (Debian) loads the server benchmark; without it the benchmark uses its own load generator.
bench: install
	@command -v wrk >/dev/null || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && \
	  apt-get install -y -qq wrk >/dev/null 2>&1; } || echo "wrk not installed: using the built-in load generator"
	$(BIN)/pytest -q -p no:cacheprovider -m perf tests/perf -s

# The developer's server: DEBUG on, Django's autoreloading runserver, tracebacks in the browser.
serve: install var/secret_key
	SECRET_KEY="$$(cat var/secret_key)" DEBUG=1 $(BIN)/ontmoet runserver $(HOST):$(PORT)

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
