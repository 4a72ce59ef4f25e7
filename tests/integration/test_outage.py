"""When the database is away: a clean 503 with Retry-After (a page, or problem+json on the API), liveness still
up, readiness down; and after connections are terminated the next request is served without a restart.

The server is the production setup (gunicorn through the launcher), started as a subprocess.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ontmoet.config import launch
from tests.keys import TEST_SECRET_KEY
from tests.live_http import http_get

BIN = Path(sys.executable).parent


def _get(port: int, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    return http_get(port, path, timeout=20, **headers)


def _env(tmp_path: Path, database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    env.update(SECRET_KEY=TEST_SECRET_KEY, DATABASE_URL=database_url, ONTMOET_VAR_DIR=str(tmp_path),
               WEB_CONCURRENCY="1", DB_CONN_MAX_AGE="600")
    return env


@pytest.fixture(scope="module")
def server_without_database(tmp_path_factory) -> Iterator[int]:
    var = tmp_path_factory.mktemp("var")
    # Nothing listens on port 9 (discard) of loopback: every connection attempt is refused.
    env = _env(var, "postgres://postgres@127.0.0.1:9/ontmoet")
    subprocess.run([str(BIN / "ontmoet"), "collectstatic", "--no-input", "--verbosity", "0"], env=env,
                   check=True, capture_output=True, timeout=120)
    port = launch.free_port()
    server = launch.start("127.0.0.1", port, env=env, stderr=subprocess.DEVNULL)
    yield port
    server.stop()


def test_a_page_is_a_styled_503_with_retry_after(server_without_database):
    # A logged-in user's session lives in the database: reading it is what fails.
    status, headers, body = _get(server_without_database, "/register/", Cookie="sessionid=abcdefghijklmnop")
    assert status == 503
    assert headers["Retry-After"] == "30"
    html = body.decode()
    assert "Ontmoet is even niet bereikbaar" in html and "niets opgeslagen" in html
    assert "Traceback" not in html


def test_the_api_answers_problem_json_503(server_without_database):
    status, headers, body = _get(server_without_database, "/api/v1/places", Authorization="Bearer 0123456789abcdef")
    assert status == 503 and headers["Content-Type"] == "application/problem+json"
    assert headers["Retry-After"] == "30"
    assert json.loads(body)["status"] == 503


def test_liveness_is_up_and_readiness_down(server_without_database):
    status, _headers, body = _get(server_without_database, "/health")
    assert status == 200 and json.loads(body) == {"status": "up"}
    status, headers, body = _get(server_without_database, "/ready")
    assert status == 503 and headers["Retry-After"] == "30"
    assert json.loads(body) == {"status": "down", "checks": {"database": "down"}}


@pytest.mark.postgres
def test_terminated_connections_are_replaced_without_a_restart(tmp_path):
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.skip("terminating database connections needs PostgreSQL (make test runs this file there too)")
    import psycopg

    name = f"ontmoet_outage_{os.getpid()}"
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    env = _env(tmp_path, url.rsplit("/", 1)[0] + f"/{name}")
    server = None
    try:
        for command in (["migrate", "--no-input"], ["collectstatic", "--no-input", "--verbosity", "0"]):
            subprocess.run([str(BIN / "ontmoet"), *command], env=env, check=True, capture_output=True,
                           timeout=300)
        port = launch.free_port()
        server = launch.start("127.0.0.1", port, env=env, stderr=subprocess.DEVNULL)
        assert _get(port, "/ready")[0] == 200  # the worker now holds a connection (DB_CONN_MAX_AGE=600)
        with psycopg.connect(admin, autocommit=True) as conn:
            terminated = conn.execute(
                "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()) AS t", [name]).fetchone()
        assert terminated and terminated[0] >= 1
        # The health check before the request finds the dead connection and opens a new one: no 500.
        for _ in range(3):
            status, _headers, body = _get(port, "/ready")
            assert status == 200, body
    finally:
        if server is not None:
            server.stop()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
