"""The pages and the API through the production server (make bench): p50, p95 and requests/s at 16 connections.

Starts the server as `make demo` does (gunicorn with ontmoet.config.gunicorn, 2 workers, DEBUG off) on a free
loopback port with the demo data in a throwaway database, and a bare WSGI app under the same server as the
floor. Prints the figures, the ratio to the floor, the database queries per request and the first request of
each fresh worker. Never asserts on time (targets: median <= 50 ms and p95 <= 150 ms for the lists and
details); it does assert that every answer was a success, so that an error page cannot pass for speed.
"""

from __future__ import annotations

import http.client
import http.cookiejar
import json
import os
import subprocess
import sys
import textwrap
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from ontmoet.config.launch import free_port, start
from tests.keys import TEST_SECRET_KEY
from tests.perf import loadgen
from tests.two_factor import login_over_http

pytestmark = pytest.mark.perf

BIN = Path(sys.executable).parent
CONNECTIONS = 16
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
WORKERS = "2"
TARGET_P50_MS, TARGET_P95_MS = 50.0, 150.0
DEMO_PASSWORD = "ontmoet-demo-2026"
DEMO_TOTP_KEY = b"ontmoet-demo-2026-2f".hex()  # ontmoet.accounts.demo.DEMO_TOTP_KEY

QUERY_COUNTS = textwrap.dedent("""
    import json, sys, django
    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from ontmoet.accounts.models import User
    token, paths = sys.argv[1], json.loads(sys.argv[2])
    browser = Client(HTTP_HOST="127.0.0.1")
    api = Client(HTTP_HOST="127.0.0.1", HTTP_AUTHORIZATION="Bearer " + token)
    officer = User.objects.get(username="beleid")
    browser.force_login(officer)
    # A session that passed the second step with the demo device (ontmoet.accounts.two_factor), as after a login.
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice
    session = browser.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=officer, confirmed=True).persistent_id
    session.save()
    counts = {}
    for path, kind in paths:
        client = api if kind == "api" else browser
        client.get(path)  # the first request of a process reads what it caches
        with CaptureQueriesContext(connection) as queries:
            status = client.get(path).status_code
        counts[path] = [status, len(queries.captured_queries)]
    print(json.dumps(counts))
""")


def _ontmoet(env: dict[str, str], *args: str) -> str:
    return subprocess.run([str(BIN / "ontmoet"), *args], env=env, check=True, capture_output=True, text=True,
                          timeout=600).stdout


@pytest.fixture(scope="module")
def demo_env(tmp_path_factory) -> dict[str, str]:
    var = tmp_path_factory.mktemp("bench-var")
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    env.update(SECRET_KEY=TEST_SECRET_KEY, DATABASE_URL="", ONTMOET_VAR_DIR=str(var), WEB_CONCURRENCY=WORKERS,
               LOG_LEVEL="WARNING", DJANGO_SETTINGS_MODULE="ontmoet.config.settings")
    _ontmoet(env, "migrate", "--no-input")
    _ontmoet(env, "collectstatic", "--no-input", "--verbosity", "0")
    _ontmoet(env, "load_demo")
    _ontmoet(env, "demo_logins")
    out = _ontmoet(env, "create_user", "bench-api", "--role", "policy_officer", "--token", "--password", "")
    env["BENCH_TOKEN"] = out.strip().splitlines()[-1].strip()
    return env


def _session(base: str) -> str:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login_over_http(opener, base, "beleid", DEMO_PASSWORD, DEMO_TOTP_KEY).read()  # password and TOTP code
    return next(cookie.value for cookie in jar if cookie.name == "sessionid")


def _first_requests(base: str, path: str, headers: dict[str, str]) -> list[float]:
    """Two requests at once on a fresh server: each of the two workers answers its very first request."""
    parts = urllib.parse.urlsplit(base)
    timings: list[float] = []

    def one() -> None:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        start_at = time.perf_counter()
        connection.request("GET", path, headers=headers)
        connection.getresponse().read()
        timings.append((time.perf_counter() - start_at) * 1000)
        connection.close()

    threads = [threading.Thread(target=one) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(timings)


def _worker_cpu_s(master_pid: int) -> float:
    """CPU seconds (user + system) the server's workers have used so far, from /proc (Linux)."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    ticks = 0
    for pid in children:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def test_bench_pages_and_api_through_the_production_server(demo_env):
    env = demo_env
    token = env["BENCH_TOKEN"]
    api_headers = {"Authorization": f"Bearer {token}"}
    bare_env = {**env, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}

    server = start("127.0.0.1", free_port(), env=env, stderr=subprocess.DEVNULL)
    bare = None
    try:
        first = _first_requests(server.url, "/api/v1/places", api_headers)
        bare = start("127.0.0.1", free_port(), env=bare_env, app="tests.perf.bare_app:application",
                     stderr=subprocess.DEVNULL)
        places = json.loads(urllib.request.urlopen(urllib.request.Request(
            f"{server.url}/api/v1/places", headers=api_headers), timeout=10).read())
        place_id = places["results"][0]["id"]
        session = {"Cookie": f"sessionid={_session(server.url)}"}
        targets = [
            ("GET /api/v1/places", "/api/v1/places", api_headers, "api", True),
            ("GET /api/v1/places/{id}", f"/api/v1/places/{place_id}", api_headers, "api", True),
            ("GET /register/", "/register/", session, "page", True),
            ("GET /register/{id}", f"/register/{place_id}", session, "page", True),
            ("GET /financien/", "/financien/", session, "page", False),
        ]
        results = []
        for label, path, headers, _kind, targeted in targets:
            # The floor is measured next to each URL: the machine is shared, and a ratio to a floor measured
            # at another moment would mostly measure the neighbours.
            floor = loadgen.run(bare.url + "/", headers={}, connections=CONNECTIONS, seconds=SECONDS / 2)
            loadgen.run(server.url + path, headers=headers, connections=CONNECTIONS, seconds=1)  # warm caches
            cpu_before = _worker_cpu_s(server.process.pid)
            load = loadgen.run(server.url + path, headers=headers, connections=CONNECTIONS, seconds=SECONDS)
            cpu_ms = (_worker_cpu_s(server.process.pid) - cpu_before) * 1000 / max(load.requests, 1)
            results.append((label, path, load, floor, cpu_ms, targeted))
    finally:
        server.stop()
        if bare is not None:
            bare.stop()

    counts = json.loads(subprocess.run(
        [sys.executable, "-c", QUERY_COUNTS, token, json.dumps([(p, k) for _l, p, _h, k, _t in targets])],
        env=env, capture_output=True, text=True, timeout=120, check=True).stdout)

    floors = sorted(r[3].p50_ms for r in results)
    floor_rps = sorted(r[3].rps for r in results)
    print()
    print(f"server: gunicorn, {WORKERS} sync workers (ontmoet.config.gunicorn), DEBUG off, demo data "
          f"({len(places['results'])} places); {CONNECTIONS} connections, {SECONDS:.0f} s per URL, "
          f"load by {loadgen.generator_name()}; {os.cpu_count()} cores, shared with the load generator")
    print(f"bare WSGI app (10 KB) under the same server, measured before each URL: p50 {floors[0]:.1f}–"
          f"{floors[-1]:.1f} ms, {floor_rps[0]:.0f}–{floor_rps[-1]:.0f} req/s")
    print(f"{'':26}{'p50 ms':>8}{'p95 ms':>8}{'req/s':>8}{'cpu ms':>8}{'queries':>9}"
          f"{'p50/floor':>11}{'floor/rps':>11}  target p50 <= {TARGET_P50_MS:.0f}, p95 <= {TARGET_P95_MS:.0f}")
    for label, path, load, floor, cpu_ms, targeted in results:
        status, queries = counts[path]
        verdict = "-"
        if targeted:
            verdict = "met" if load.p50_ms <= TARGET_P50_MS and load.p95_ms <= TARGET_P95_MS else "NOT met"
        print(f"{label:26}{load.p50_ms:8.1f}{load.p95_ms:8.1f}{load.rps:8.0f}{cpu_ms:8.1f}{queries:9d}"
              f"{load.p50_ms / floor.p50_ms:11.1f}{floor.rps / load.rps:11.1f}  {verdict}")
        assert status == 200, f"{path} answered {status}"
        assert load.errors == 0 and load.requests > 0, f"{path}: {load.errors} failed requests"
        assert floor.errors == 0
    print("cpu ms: the workers' CPU time per request (from /proc); on a busy machine it grows too")
    print(f"first request of each fresh worker (GET /api/v1/places): {', '.join(f'{t:.0f} ms' for t in first)}")
