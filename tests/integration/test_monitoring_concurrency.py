"""Locking a year's figures by several analysts at the same moment (PostgreSQL): versions 1..n, never twice the
same version, each with its audit event."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from ontmoet.accounts.roles import Role
from ontmoet.core.models import AuditEvent
from ontmoet.monitoring import services
from ontmoet.monitoring.models import IndicatorLock
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]
WRITERS = 8


def test_concurrent_locks_of_one_year_make_consecutive_versions():
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL")
    analyst = UserFactory(username="analist", role=Role.DATA_ANALYST)
    barrier = threading.Barrier(WRITERS)
    errors: list[Exception] = []

    def run(i: int) -> None:
        try:
            barrier.wait()
            services.indicators_lock(year=2026, by=analyst, reason=f"ronde {i}")
        except Exception as exc:  # collected and asserted on below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(IndicatorLock.objects.values_list("version", flat=True)) == list(range(1, WRITERS + 1))
    assert AuditEvent.objects.filter(action="indicators_lock").count() == WRITERS
