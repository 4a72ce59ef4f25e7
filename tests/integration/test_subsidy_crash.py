"""A decider that dies in the middle of a grant decision leaves the ceilings and the ledger as they were
(docs/security.md, "Proofs"), on PostgreSQL.

A separate process decides against the test database and is held inside its transaction right after the
decision, the scheme-year's committed total and the ledger entry were written (not yet committed): it writes its
backend's pid to a file and sleeps. The test then kills it with SIGKILL. PostgreSQL rolls the open transaction
back when the connection is lost, so the application is still undecided, the committed total is unchanged, no
ledger entry exists, ``ontmoet check_ledger`` agrees and a new decision succeeds. The second test kills the
holder while other deciders wait for the ceiling's lock, and checks that they decide within the ceiling.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from ontmoet.accounts.roles import Role
from ontmoet.finance.models import LedgerEntry
from ontmoet.subsidies import services
from ontmoet.subsidies.models import Application, SchemeYear
from ontmoet.subsidies.selectors import ledger_differences
from tests import factories_subsidies as fs
from tests.factories import UserFactory
from tests.keys import TEST_SECRET_KEY

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
ONTMOET = Path(sys.executable).parent / "ontmoet"
AMOUNT = 10_000

#: Decide the applications given (ids) as the user given; with a signal file, hold the first decision inside its
#: transaction once the committed total and the ledger entry are written, and wait there to be killed.
DECIDER = """
import os, sys, time
from pathlib import Path
import django
django.setup()
from django.conf import settings
from tests.plans import SEED_PLAN
settings.POLICY_PLAN = SEED_PLAN
from django.db import connection
from ontmoet.accounts.models import User
from ontmoet.subsidies import services
from ontmoet.subsidies.models import Application

username, ids, held_at = sys.argv[1], [int(i) for i in sys.argv[2].split(",")], sys.argv[3]
commit = services._commit

def commit_and_hold(*args, **kwargs):
    commit(*args, **kwargs)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    Path(held_at + ".tmp").write_text(str(pid))
    os.replace(held_at + ".tmp", held_at)
    while True:
        time.sleep(1)

if held_at != "-":
    services._commit = commit_and_hold
by = User.objects.get(username=username)
for pk in ids:
    services.application_decide(application=Application.objects.get(pk=pk), decision="grant", by=by)
print("decided", len(ids))
"""


@pytest.fixture(autouse=True)
def _postgresql_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("killing a decider in its transaction needs PostgreSQL (make test runs this file there too)")


def _env(tmp_path: Path) -> dict[str, str]:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "ONTMOET_PLAN")}
    env.update({"SECRET_KEY": TEST_SECRET_KEY, "ONTMOET_VAR_DIR": str(tmp_path), "PYTHONPATH": str(ROOT),
                "DATABASE_URL": f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"})
    return env


def _decider(env: dict[str, str], username: str, apps: list[Application], held_at: Path | None) -> Any:
    return subprocess.Popen(
        [sys.executable, "-c", DECIDER, username, ",".join(str(a.pk) for a in apps), str(held_at or "-")],
        env={**env, "DJANGO_SETTINGS_MODULE": "ontmoet.config.settings_test"}, cwd=ROOT,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_until(what: str, condition: Any, process: Any = None, timeout: float = 120) -> Any:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        if process is not None and process.poll() is not None:
            pytest.fail(f"the decider ended before {what}: {process.communicate()[1][-3000:]}")
        time.sleep(0.1)
    pytest.fail(f"timed out waiting until {what}")


def _backend(pid: int) -> tuple[str, str | None] | None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT state, wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid])
        return cursor.fetchone()


def _waiting_for_a_lock() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                       "AND wait_event_type = 'Lock'")
        return cursor.fetchone()[0]


def _hold_and_kill(env: dict[str, str], tmp_path: Path, username: str, app: Application) -> int:
    """Start a decider on ``app``, wait until it holds the decision in its open transaction, SIGKILL it and wait
    until PostgreSQL has ended its backend. Returns that backend's pid."""
    held_at = tmp_path / "held"
    victim = _decider(env, username, [app], held_at)
    try:
        pid = int(_wait_until("it holds the decision", lambda: held_at.exists() and held_at.read_text(), victim))
        assert _backend(pid) == ("idle in transaction", "Client")  # the transaction is open, its writes unseen
        assert Application.objects.get(pk=app.pk).state == "advised"
    finally:
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=30)
    assert victim.returncode == -signal.SIGKILL
    _wait_until("the killed decider's backend is gone", lambda: _backend(pid) is None)
    return pid


def _check_ledger(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ONTMOET), "check_ledger"], env=env, capture_output=True, text=True, check=False,
                          timeout=300)


def test_a_decider_killed_inside_its_transaction_changes_nothing(tmp_path):
    who = fs.users()
    scheme = fs.scheme(ceiling=100_000)
    app = fs.application("advised", of=scheme, amount=AMOUNT, who=who)
    committed_before = SchemeYear.objects.get(scheme=scheme).committed
    entries_before = LedgerEntry.objects.count()
    env = _env(tmp_path)

    _hold_and_kill(env, tmp_path, who["decider"].username, app)

    app.refresh_from_db()
    assert (app.state, app.amount_granted, app.decision_reason) == ("advised", 0, "")
    assert SchemeYear.objects.get(scheme=scheme).committed == committed_before
    assert LedgerEntry.objects.count() == entries_before
    assert not LedgerEntry.objects.filter(reference__startswith=f"{app.pk}:").exists()
    checked = _check_ledger(env)
    assert checked.returncode == 0, checked.stderr
    # The lock died with the connection: a new decision goes through at once.
    services.application_decide(application=app, decision="grant", by=who["decider"])
    app.refresh_from_db()
    assert (app.state, app.amount_granted) == ("granted", AMOUNT)
    assert SchemeYear.objects.get(scheme=scheme).committed == committed_before + AMOUNT
    assert LedgerEntry.objects.filter(reference__startswith=f"{app.pk}:").count() == 1
    assert _check_ledger(env).returncode == 0


def test_a_decider_killed_while_others_wait_for_the_ceiling_leaves_it_consistent(tmp_path):
    who = fs.users()
    fits = 6
    scheme = fs.scheme(ceiling=fits * AMOUNT, partial=False)
    apps = [fs.application("advised", of=scheme, amount=AMOUNT, who=who) for _ in range(13)]
    deciders = [UserFactory(username=f"beslisser{i}", role=Role.DECISION_MAKER).username for i in range(3)]
    env = _env(tmp_path)
    victim_app, rest = apps[0], apps[1:]
    held_at = tmp_path / "held"
    victim = _decider(env, who["decider"].username, [victim_app], held_at)
    others: list[Any] = []
    try:
        pid = int(_wait_until("it holds the decision", lambda: held_at.exists() and held_at.read_text(), victim))
        # Three deciders start while the victim holds the ceiling's lock; all three wait for it.
        others = [_decider(env, deciders[i], rest[i::3], None) for i in range(3)]
        _wait_until("the three deciders wait for the ceiling's lock", lambda: _waiting_for_a_lock() >= 3)
        assert _backend(pid) == ("idle in transaction", "Client")
    finally:
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=30)
    _wait_until("the killed decider's backend is gone", lambda: _backend(pid) is None)
    for process in others:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err[-3000:]
        assert out.startswith("decided")

    victim_app.refresh_from_db()
    assert victim_app.state == "advised"
    decided = Application.objects.filter(pk__in=[a.pk for a in rest])
    granted = decided.filter(state="granted")
    year = SchemeYear.objects.get(scheme=scheme)
    assert granted.count() == fits
    assert decided.filter(state="refused", decision_reason="refused_ceiling").count() == len(rest) - fits
    assert year.committed == sum(a.amount_granted for a in granted) == year.ceiling
    assert not LedgerEntry.objects.filter(reference__startswith=f"{victim_app.pk}:").exists()
    assert ledger_differences() == []
    checked = _check_ledger(env)
    assert checked.returncode == 0, checked.stderr
    # The application of the killed decider is decided afresh: the ceiling is used up, so it is refused.
    services.application_decide(application=victim_app, decision="grant", by=who["decider"])
    victim_app.refresh_from_db()
    assert (victim_app.state, victim_app.decision_reason) == ("refused", "refused_ceiling")
    assert SchemeYear.objects.get(scheme=scheme).committed == year.ceiling
    assert _check_ledger(env).returncode == 0
