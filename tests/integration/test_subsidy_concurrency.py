"""The ceiling under concurrent decisions: 50 officers deciding 50 applications at the same moment against a
ceiling that fits 20 never commit more than the ceiling (docs/decisions/0303).

PostgreSQL: the scheme-year's advisory lock plus its row lock. SQLite: the write lock taken up front (a
separate file database, as the test database in memory cannot be shared by threads)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection, connections

from ontmoet.accounts.roles import Role
from ontmoet.subsidies import services
from ontmoet.subsidies.models import Application, SchemeYear
from ontmoet.subsidies.selectors import ledger_differences
from tests import factories_subsidies as fs
from tests.factories import UserFactory
from tests.keys import TEST_SECRET_KEY

DECIDERS = 50
AMOUNT = 10_000
CEILING = 20 * AMOUNT + 5_000  # fits 20 in full; the 21st gets the 5,000 left (partial), the rest is refused


def _at_once(count: int, work: Callable[[int], object]) -> list[object]:
    barrier = threading.Barrier(count)
    results: list[object] = [None] * count

    def run(i: int) -> None:
        try:
            barrier.wait()
            results[i] = work(i)
        except Exception as exc:
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def fifty_decisions_at_once() -> dict[str, object]:
    """Prepare 50 advised applications and decide them in 50 threads; return what came out."""
    who = fs.users()
    scheme = fs.scheme(ceiling=CEILING, partial=True)
    apps = [fs.application("advised", of=scheme, amount=AMOUNT, who=who) for _ in range(DECIDERS)]
    deciders = [UserFactory(username=f"beslisser{i}", role=Role.DECISION_MAKER) for i in range(DECIDERS)]
    results = _at_once(DECIDERS, lambda i: services.application_decide(application=apps[i], decision="grant",
                                                                       by=deciders[i]))
    decided = Application.objects.filter(scheme=scheme)
    return {
        "errors": [repr(r) for r in results if isinstance(r, Exception)],
        "committed": SchemeYear.objects.get(scheme=scheme).committed,
        "full": decided.filter(amount_granted=AMOUNT, decision_reason="granted").count(),
        "partial": list(decided.filter(decision_reason="partial_ceiling").values_list("amount_granted", flat=True)),
        "refused_ceiling": decided.filter(state="refused", decision_reason="refused_ceiling").count(),
        "differences": ledger_differences(),
    }


def _check(outcome: dict[str, object]) -> None:
    assert outcome["errors"] == []
    assert outcome["committed"] == Decimal(CEILING)
    assert outcome["full"] == 20
    assert outcome["partial"] == [Decimal(5_000)]
    assert outcome["refused_ceiling"] == DECIDERS - 21
    assert outcome["differences"] == []


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_decisions_never_pass_the_ceiling_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL here; the SQLite variant runs in its own file database")
    _check(fifty_decisions_at_once())


SCRIPT = """
import django, os
os.environ["DJANGO_SETTINGS_MODULE"] = "ontmoet.config.settings_test"
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.conf import settings
from tests.plans import SEED_PLAN
settings.POLICY_PLAN = SEED_PLAN
from tests.integration.test_subsidy_concurrency import fifty_decisions_at_once, _check
_check(fifty_decisions_at_once())
print("ok")
"""


def test_fifty_concurrent_decisions_never_pass_the_ceiling_on_sqlite(tmp_path: Path):
    env = {**os.environ, "SECRET_KEY": TEST_SECRET_KEY, "DATABASE_URL": f"sqlite:///{tmp_path / 'c.sqlite3'}",
           "ONTMOET_VAR_DIR": str(tmp_path)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", SCRIPT], env=env, cwd=root, capture_output=True, text=True,
                            timeout=600, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().endswith("ok")
