"""Benchmarks of the subsidies (make bench): the officer queue over 50,000 applications and 50 concurrent
decisions against one ceiling, on PostgreSQL. Figures are printed, never asserted on time (target: queue p95
under 300 ms). ``BENCH_SUBSIDY_APPLICATIONS`` makes a quick run smaller."""

from __future__ import annotations

import datetime as dt
import os
import statistics
import time
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from ontmoet.accounts.roles import Role
from ontmoet.subsidies.models import Application, SchemeYear
from tests import factories_subsidies as fs
from tests.factories import PlaceFactory, UserFactory

pytestmark = [pytest.mark.perf, pytest.mark.postgres]
APPLICATIONS = int(os.environ.get("BENCH_SUBSIDY_APPLICATIONS", "50000"))
STATES = ["submitted", "incomplete", "in_assessment", "advised", "granted", "refused", "closed", "draft"]


@pytest.fixture(autouse=True)
def _postgresql_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the subsidy benchmarks run on PostgreSQL (DATABASE_URL=postgres://...)")


@pytest.mark.django_db
def test_bench_officer_queue_with_50000_applications():
    schemes = [fs.scheme(ceiling=10**9, key=f"bench-{i}") for i in range(4)]
    years = {s.pk: SchemeYear.objects.get(scheme=s) for s in schemes}
    places = [PlaceFactory() for _ in range(50)]
    today = timezone.localdate()
    rows = [Application(scheme=schemes[i % 4], scheme_year=years[schemes[i % 4].pk], place=places[i % 50],
                        year=2026, state=STATES[i % len(STATES)], amount_requested=Decimal(1000 + i % 500),
                        received_on=today - dt.timedelta(days=i % 90),
                        decision_due=today + dt.timedelta(days=56 - i % 90))
            for i in range(APPLICATIONS)]
    Application.objects.bulk_create(rows, batch_size=5000)  # scheme 1 holds 1 in 4, of them half "incomplete"
    client = Client()
    client.force_login(UserFactory(username="bench-subsidie", role=Role.GRANT_OFFICER))
    timings = {}
    for label, query in (("queue", {}), ("overdue", {"termijn": "overdue"}),
                         ("scheme+state", {"regeling": schemes[1].pk, "status": "incomplete"})):
        client.get("/subsidies/", query)  # warm
        seconds = []
        for _ in range(20):
            start = time.perf_counter()
            response = client.get("/subsidies/", query)
            seconds.append(time.perf_counter() - start)
            assert response.status_code == 200
        seconds.sort()
        timings[label] = (statistics.median(seconds) * 1000, seconds[int(0.95 * len(seconds)) - 1] * 1000)
    print(f"\nsubsidies: officer queue over {APPLICATIONS:,} applications (20 requests each): " + "; ".join(
        f"{label} median {m:.0f} ms, p95 {p:.0f} ms (target < 300 ms)" for label, (m, p) in timings.items()))


@pytest.mark.django_db(transaction=True)
def test_bench_fifty_concurrent_decisions():
    from tests.integration.test_subsidy_concurrency import DECIDERS, fifty_decisions_at_once

    start = time.perf_counter()
    outcome = fifty_decisions_at_once()
    seconds = time.perf_counter() - start
    assert outcome["errors"] == [] and outcome["differences"] == []
    print(f"\nsubsidies: {DECIDERS} concurrent decisions against one ceiling (preparation included) in "
          f"{seconds:.2f} s: {DECIDERS / seconds:.1f} decisions per second; committed {outcome['committed']}")
