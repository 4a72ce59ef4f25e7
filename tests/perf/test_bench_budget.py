"""Benchmarks of the budget model (make bench): one scenario computed, and the 10,000-draw uncertainty band.

Prints figures and the ratio to the targets (< 5 ms per scenario, < 2 s for the band); never asserts on
wall-clock time. Its own data generator draws varied scenarios from a seeded random generator.
"""

from __future__ import annotations

import random
import statistics
import time
from dataclasses import replace
from decimal import Decimal

import pytest

from ontmoet.domain.budget import (
    BLOCK_ROWS,
    apply_scenario,
    compute_budget,
    default_input,
    parse_scenario,
    uncertainty_band,
)
from tests.plans import SEED_PLAN

pytestmark = pytest.mark.perf

SCENARIO_TARGET_MS = 5.0
BAND_TARGET_MS = 2000.0
RUNS = 2000
BAND_RUNS = 5


def _scenarios(n: int, seed: int = 2026) -> list[dict]:
    """Scenario data as an API client would send it: counts per year, unit amounts, fte, block amounts."""
    rng = random.Random(seed)
    plan = SEED_PLAN
    found = []
    for _ in range(n):
        found.append({
            "name": "bench",
            "counts": {c: {"meeting_centres": rng.randint(0, 20), "neighbourhood_houses": rng.randint(0, 4)}
                       for c in plan.columns},
            "unit_amounts": {"meeting_centre": rng.randint(50_000, 80_000)},
            "community_work": {"fte_per_place": str(Decimal(rng.randint(10, 30)) / 100)},
            "blocks": {"B2": {c: rng.randint(0, 500_000) for c in plan.columns}},
        })
    return found


def _median_us(samples: list[float]) -> float:
    return statistics.median(samples) * 1e6


def test_bench_one_scenario():
    """Parse, apply and compute one scenario (what POST /api/v1/budget/scenarios does besides I/O)."""
    plan = SEED_PLAN
    bodies = _scenarios(RUNS)
    samples = []
    for body in bodies:
        start = time.perf_counter()
        budget = compute_budget(apply_scenario(plan, parse_scenario(body, plan)))
        samples.append(time.perf_counter() - start)
        assert budget.value("subtotal", "2026") == sum(budget.value(b, "2026") for b in BLOCK_ROWS)
    median = _median_us(samples)
    p95 = sorted(samples)[int(0.95 * len(samples))] * 1e6
    ratio = SCENARIO_TARGET_MS * 1000 / median
    print(f"\nbudget scenario: median {median:.0f} µs, p95 {p95:.0f} µs over {RUNS} scenarios "
          f"(target < {SCENARIO_TARGET_MS:g} ms, {ratio:.0f}× under)")


def test_bench_uncertainty_band():
    """10,000 draws of counts and investments, P10/P50/P90 per column."""
    plan = SEED_PLAN
    given = default_input(plan, draws=10_000)
    samples = []
    for run in range(BAND_RUNS):
        start = time.perf_counter()
        band = uncertainty_band(plan, replace(given, seed=run))
        samples.append(time.perf_counter() - start)
        assert band.draws == 10_000
    median_ms = statistics.median(samples) * 1000
    ratio = BAND_TARGET_MS / median_ms
    print(f"\nuncertainty band: 10,000 draws in median {median_ms:.0f} ms over {BAND_RUNS} runs "
          f"(target < {BAND_TARGET_MS / 1000:g} s, {ratio:.0f}× under)")
