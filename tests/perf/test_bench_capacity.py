"""Benchmarks of community work (make bench): the allocation proposal in the pure core, and the decision with its
ledger bookings against the database.

Prints figures and the ratio to the targets (< 5 ms for a proposal of 200 requests, < 2 s to decide and book 24
places); never asserts on wall-clock time. Requests come from a seeded random generator.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from decimal import Decimal

import pytest

from ontmoet.domain.capacity import AllocationRequest, propose_allocation, year_caps

pytestmark = pytest.mark.perf

PROPOSAL_TARGET_MS = 5.0
DECIDE_TARGET_MS = 2000.0
RUNS = 200


def _requests(n: int, seed: int = 2027) -> list[AllocationRequest]:
    rng = random.Random(seed)
    return [AllocationRequest(place_id=i, requested_fte=Decimal(rng.randint(5, 40)) / 100,
                              requested_on=dt.date(2026, 9, 1) + dt.timedelta(days=rng.randint(0, 90)),
                              vulnerability_index=None if rng.random() < 0.1 else Decimal(rng.randint(0, 1000)) / 1000,
                              eligible=rng.random() > 0.05) for i in range(n)]


def test_bench_proposal_of_200_requests():
    caps = year_caps(per_place=Decimal("0.25"), ceiling=Decimal(6), cost_per_fte=150_000, eligible_places=24,
                     budget=900_000)
    requests = _requests(200)
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        propose_allocation(2027, requests, caps)
        samples.append(time.perf_counter() - start)
    median_ms = statistics.median(samples) * 1000
    print(f"\nallocation proposal, 200 requests: median {median_ms:.3f} ms "
          f"(target {PROPOSAL_TARGET_MS} ms, ratio {median_ms / PROPOSAL_TARGET_MS:.2f})")


@pytest.mark.django_db
def test_bench_decide_and_book_24_places():
    from ontmoet.capacity import services
    from tests.factories_capacity import centre

    for i in range(24):
        place = centre(f"Bench OC {i}")
        services.community_work_request_create(place=place, year=2027, fte="0.25", purpose="bench",
                                               requested_on=dt.date(2026, 10, 1), by=None)
    start = time.perf_counter()
    services.community_work_allocation_apply(year=2027, by=None)
    elapsed_ms = (time.perf_counter() - start) * 1000
    print(f"\ndecide and book 24 allocations: {elapsed_ms:.0f} ms "
          f"(target {DECIDE_TARGET_MS:.0f} ms, ratio {elapsed_ms / DECIDE_TARGET_MS:.2f})")
