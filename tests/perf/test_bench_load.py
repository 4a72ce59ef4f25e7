"""Mixed load on the production server (make bench): officers on the API, board members on their pages and
residents on the public pages at once, at 16 and at 50 users, with locust (headless, loopback only, stops by
itself after ``BENCH_LOAD_SECONDS`` per run).

The server is started as ``make demo`` does (gunicorn with ontmoet.config.gunicorn, DEBUG off) on a throwaway
database with the demo data and 1,000 places in all (the finder benchmark's data). Prints per request type the
requests, failures, p50/p95/p99 and requests/s, the mixed total, and the targets (API lists and details: median
≤ 50 ms and p95 ≤ 150 ms at 16 users on 2 cores; ≥ 100 requests/s mixed; 0 failed requests). Asserts only that
no request failed; the figures are read, not asserted.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from ontmoet.config.launch import free_port, start
from tests.perf.test_bench_finder import crowd_env  # noqa: F401 - the fixture: demo data and 1,000 places

pytestmark = pytest.mark.perf

BIN = Path(sys.executable).parent
LOCUSTFILE = Path(__file__).with_name("locustfile.py")
SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "30"))
USERS = (16, 50)
TARGET_API_MEDIAN_MS, TARGET_API_P95_MS, TARGET_MIXED_RPS = 50.0, 150.0, 100.0

#: A read token for the policy officer, the ids the officers read, and the demo board member's place.
SETUP = textwrap.dedent("""
    import django
    django.setup()
    from ontmoet.accounts.demo import DEMO_BOARD_MEMBER
    from ontmoet.accounts.models import User
    from ontmoet.accounts.services import token_issue
    from ontmoet.places.models import MeetingPlace
    from ontmoet.subsidies.models import Application
    officer = User.objects.get(username="beleid")
    print(token_issue(user=officer, by=None, name="belasting", scope="read", days=1))
    print(",".join(str(pk) for pk in MeetingPlace.objects.order_by("pk").values_list("pk", flat=True)[:200]))
    print(",".join(str(pk) for pk in Application.objects.order_by("pk").values_list("pk", flat=True)[:200]) or "-")
    board = User.objects.get(username=DEMO_BOARD_MEMBER)
    print(MeetingPlace.objects.filter(board_accounts=board).order_by("pk").values_list("pk", flat=True).first())
""")


@dataclass(frozen=True)
class Row:
    name: str
    requests: int
    failures: int
    p50: float
    p95: float
    p99: float
    rps: float


def _locust(host: str, users: int, env: dict[str, str], folder: Path, *, seconds: int = SECONDS) -> list[Row]:
    prefix = folder / f"load-{users}-{seconds}"
    subprocess.run([str(BIN / "locust"), "-f", str(LOCUSTFILE), "--headless", "--host", host, "-u", str(users),
                    "-r", str(users), "-t", f"{seconds}s", "--stop-timeout", "5", "--csv", str(prefix),
                    "--only-summary", "--loglevel", "WARNING"], env=env, check=False, capture_output=True,
                   text=True, timeout=seconds + 120)
    with open(f"{prefix}_stats.csv", newline="", encoding="utf-8") as stats:
        return [Row(r["Name"], int(r["Request Count"]), int(r["Failure Count"]), float(r["50%"] or 0),
                    float(r["95%"] or 0), float(r["99%"] or 0), float(r["Requests/s"] or 0))
                for r in csv.DictReader(stats)]


def test_bench_mixed_load_at_16_and_50_users(crowd_env, tmp_path):  # noqa: F811
    env = dict(crowd_env)
    token, places, applications, board_place = subprocess.run(
        [sys.executable, "-c", SETUP], env=env, check=True, capture_output=True, text=True,
        timeout=120).stdout.split()
    load_env = {**{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
                "LOAD_TOKEN": token, "LOAD_PLACES": places,
                "LOAD_APPLICATIONS": "" if applications == "-" else applications,
                "LOAD_BOARD_USER": "bestuur", "LOAD_BOARD_PASSWORD": "ontmoet-demo-2026",
                "LOAD_BOARD_PLACE": board_place}
    server = start("127.0.0.1", free_port(), env=env, stderr=subprocess.DEVNULL)
    runs = {}
    try:
        _locust(server.url, 4, load_env, tmp_path, seconds=5)  # warm the workers (their caches, the login)
        for users in USERS:
            runs[users] = _locust(server.url, users, load_env, tmp_path)
    finally:
        server.stop()

    print(f"\nmixed load: gunicorn with {env['WEB_CONCURRENCY']} sync workers, DEBUG off, {env['BENCH_PLACES']} "
          f"places; locust {SECONDS} s per run on {os.cpu_count()} cores shared with the server")
    for users, rows in runs.items():
        print(f"\n{users} users{'':26}{'requests':>9}{'failed':>7}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}"
              f"{'req/s':>8}  targets")
        for row in rows:
            verdict = ""
            if row.name.startswith("API ") and users == USERS[0]:
                ok = row.p50 <= TARGET_API_MEDIAN_MS and row.p95 <= TARGET_API_P95_MS
                verdict = (f"median ≤ {TARGET_API_MEDIAN_MS:.0f}, p95 ≤ {TARGET_API_P95_MS:.0f}: "
                           f"{'met' if ok else 'NOT met'}")
            if row.name == "Aggregated":
                verdict = f"≥ {TARGET_MIXED_RPS:.0f} req/s mixed: {'met' if row.rps >= TARGET_MIXED_RPS else 'NOT met'}"
            print(f"{row.name[:34]:34}{row.requests:9d}{row.failures:7d}{row.p50:8.0f}{row.p95:8.0f}{row.p99:8.0f}"
                  f"{row.rps:8.1f}  {verdict}")
    for users, rows in runs.items():
        total = next(r for r in rows if r.name == "Aggregated")
        assert total.requests > 0, f"{users} users: no requests were made"
        assert total.failures == 0, f"{users} users: {total.failures} failed requests"
