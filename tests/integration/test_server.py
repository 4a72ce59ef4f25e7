"""The production server as `make demo` starts it: gunicorn with DEBUG off, WhiteNoise, logins over http.

Runs the launcher (`python -m ontmoet.config.launch`) of the installed environment as a subprocess on a free
loopback port, with a throwaway var/ folder prepared by the installed `ontmoet` command as the Makefile does.
"""

from __future__ import annotations

import gzip
import http.client
import http.cookiejar
import json
import os
import re
import select
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from ontmoet.config.launch import free_port
from tests.keys import TEST_SECRET_KEY
from tests.live_http import http_get
from tests.two_factor import login_over_http

BIN = Path(sys.executable).parent
DEMO_PASSWORD = "ontmoet-demo-2026"
DEMO_TOTP_KEY = b"ontmoet-demo-2026-2f".hex()  # ontmoet.accounts.demo.DEMO_TOTP_KEY


@pytest.fixture(scope="module")
def server_env(tmp_path_factory) -> dict[str, str]:
    var = tmp_path_factory.mktemp("var")
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    env.update(SECRET_KEY=TEST_SECRET_KEY, DATABASE_URL="", ONTMOET_VAR_DIR=str(var), WEB_CONCURRENCY="2")
    for command in (["migrate", "--no-input"], ["collectstatic", "--no-input", "--verbosity", "0"],
                    ["load_demo"], ["schedule_reminders"], ["demo_logins"]):
        subprocess.run([str(BIN / "ontmoet"), *command], env=env, check=True, capture_output=True, timeout=300)
    return env


def _read_line(stream, timeout: float) -> str:  # type: ignore[no-untyped-def]
    ready, _w, _x = select.select([stream], [], [], timeout)
    return stream.readline().decode() if ready else ""


@pytest.fixture(scope="module")
def server(server_env, tmp_path_factory) -> Iterator[dict[str, object]]:
    port = free_port()
    log = tmp_path_factory.mktemp("log") / "server.log"
    with log.open("wb") as errors:
        process = subprocess.Popen([str(BIN / "python"), "-m", "ontmoet.config.launch", "--port", str(port),
                                    "--worker"], env=server_env, stdout=subprocess.PIPE, stderr=errors)
    line = _read_line(process.stdout, timeout=120)
    answered = _probe(port)
    yield {"port": port, "line": line, "answered_at_line": answered, "process": process, "log": log}
    workers = _workers(process.pid)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) == 0
    assert _probe(port) is False
    assert workers and not any(Path(f"/proc/{pid}").exists() for pid in workers), "the worker stops with it"


def _workers(parent: int) -> list[int]:
    """The background-job workers the launcher started (children running ``db_worker``)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            command = (stat.parent / "cmdline").read_bytes().split(b"\0")
        except (OSError, IndexError, ValueError):
            continue
        if ppid == parent and b"db_worker" in command:
            found.append(int(stat.parent.name))
    return found


def test_the_background_worker_runs_beside_the_server_with_the_daily_reminders_waiting(server, server_env):
    import sqlite3

    assert _workers(server["process"].pid), "make demo's launcher starts ontmoet db_worker"
    with sqlite3.connect(Path(server_env["ONTMOET_VAR_DIR"]) / "ontmoet.sqlite3") as db:
        waiting = db.execute("SELECT task_path FROM django_tasks_database_dbtaskresult WHERE status = 'READY'")
        assert [row[0] for row in waiting] == ["ontmoet.subsidies.tasks.daily_reminders"]


def _probe(port: int) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", "/accounts/login")
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


def _get(port: int, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    return http_get(port, path, timeout=10, **headers)


def test_it_says_it_runs_only_once_the_port_answers(server):
    assert server["line"].strip() == f"Ontmoet draait op http://127.0.0.1:{server['port']}/ (stoppen met Ctrl+C)"
    assert server["answered_at_line"]


def test_debug_is_off_and_an_unknown_url_is_the_styled_404(server):
    status, headers, body = _get(server["port"], "/bestaat-niet")
    html = body.decode()
    assert status == 404 and headers["Content-Type"].startswith("text/html")
    assert "Pagina niet gevonden" in html and 'class="ontmoet-header"' in html
    assert "Using the URLconf" not in html and "DEBUG = True" not in html
    assert headers["Server"] == "gunicorn"


def test_an_unknown_api_path_is_problem_json(server):
    status, headers, body = _get(server["port"], "/api/v1/bestaat-niet")
    assert status == 404 and headers["Content-Type"] == "application/problem+json"
    assert json.loads(body)["title"] == "Niet gevonden"


def test_static_files_come_from_whitenoise_hashed_compressed_and_cached(server):
    _status, _headers, body = _get(server["port"], "/accounts/login")
    stylesheet = re.search(r'href="(/static/ontmoet/ontmoet\.[0-9a-f]{12}\.css)"', body.decode())
    assert stylesheet, "the page links the hashed stylesheet"
    status, headers, css = _get(server["port"], stylesheet.group(1), **{"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"] and "max-age=315360000" in headers["Cache-Control"]
    assert b".ontmoet-header" in gzip.decompress(css)
    assert _get(server["port"], "/static/ontmoet/bestaat-niet.css")[0] == 404


def test_a_demo_login_works_over_plain_http(server):
    port = server["port"]
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login_url = f"http://127.0.0.1:{port}/accounts/login"
    with opener.open(login_url, timeout=10) as response:
        assert "Secure" not in response.headers["Set-Cookie"]
    # The password, then the demo staff's TOTP code (ontmoet demo_logins); follows the redirects to the start page.
    with login_over_http(opener, f"http://127.0.0.1:{port}", "beleid", DEMO_PASSWORD, DEMO_TOTP_KEY) as response:
        page = response.read().decode()
    assert response.url == f"http://127.0.0.1:{port}/"
    assert "Welkom, Bea Beleid" in page
    assert {cookie.name for cookie in jar} >= {"sessionid", "csrftoken"}
    assert not any(cookie.secure for cookie in jar)


def test_a_taken_port_is_one_clear_line(server, server_env):
    result = subprocess.run([str(BIN / "python"), "-m", "ontmoet.config.launch", "--port", str(server["port"])],
                            env=server_env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Poort {server['port']} op 127.0.0.1 is al in gebruik: stop het programma dat hem gebruikt, "
        "of kies een andere poort (make demo PORT=8001)."]
    assert result.stdout == ""


def test_the_workers_are_warmed_before_they_fork(server):
    """No slow first request: the master warmed the app; both workers then answer at once."""
    # The port answers as soon as the first worker listens; the second forks a moment later on a busy machine.
    deadline = time.monotonic() + 30
    log = server["log"].read_text()
    while log.count("Booting worker") < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
        log = server["log"].read_text()
    assert "warmed up in" in log
    assert log.count("Booting worker") == 2
