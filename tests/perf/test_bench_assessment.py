"""Benchmark of the afwegingskader with 1,000 places in the register (make bench).

Prints figures and ratios; never asserts on wall-clock time (the target, < 10 ms per assessment, is reported,
not enforced). It does assert that the fast nearest-place search gives the brute-force answer.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.conf import settings

from ontmoet.assessment.demo import load_assessment_demo
from ontmoet.assessment.evaluation import AssessmentRequest, assessment_facts, assessment_run
from ontmoet.assessment.selectors import NEARBY_KINDS, assessment_place_index
from ontmoet.domain.assessment import assess, distance_m
from ontmoet.domain.register import PlaceKind
from ontmoet.places.models import MeetingPlace, Neighbourhood, PlaceTypeChange

pytestmark = [pytest.mark.perf, pytest.mark.django_db]

PLACES = 1_000
RUNS = 200
TARGET_MS = 10.0


def _register(n: int, seed: int = 2026) -> None:
    """``n`` places spread over the label points of the buurten (± ~700 m), of every kind."""
    rng = random.Random(seed)
    buurten = list(Neighbourhood.objects.all())
    places = [
        MeetingPlace(
            name=f"Benchplek {i}", is_demo=True, neighbourhood=(b := rng.choice(buurten)),
            latitude=(b.label_latitude + Decimal(str(round(rng.uniform(-0.006, 0.006), 6)))),
            longitude=(b.label_longitude + Decimal(str(round(rng.uniform(-0.009, 0.009), 6)))),
        )
        for i in range(n)
    ]
    MeetingPlace.objects.bulk_create(places)
    kinds = list(PlaceKind)
    PlaceTypeChange.objects.bulk_create(
        PlaceTypeChange(place=p, to_type=rng.choice(kinds).value, effective_date=dt.date(2018, 1, 1))
        for p in MeetingPlace.objects.filter(name__startswith="Benchplek"))


def _timed(func: Callable[[], object], runs: int = RUNS) -> tuple[float, float]:
    func()  # warm up caches (buurt outlines, plan)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * len(samples)) - 1]


def test_bench_one_assessment_with_1000_places():
    _register(PLACES)
    load_assessment_demo()
    rng = random.Random(7)
    buurten = list(Neighbourhood.objects.all())
    points = [(float(b.label_latitude), float(b.label_longitude)) for b in rng.choices(buurten, k=RUNS)]
    cursor = iter(points * 3)

    def service() -> object:
        lat, lon = next(cursor)
        return assessment_run(request=AssessmentRequest(type="living_room", latitude=lat, longitude=lon))

    facts, _ = assessment_facts(AssessmentRequest(type="living_room", latitude=points[0][0], longitude=points[0][1]))
    plan = settings.POLICY_PLAN
    index = assessment_place_index()
    nearby = len(index)

    full_median, full_p95 = _timed(service)
    domain_median, domain_p95 = _timed(lambda: assess(facts, plan))
    load_median, _ = _timed(assessment_place_index, runs=50)

    lat, lon = points[0]
    kinds = (PlaceKind.MEETING_CENTRE, PlaceKind.NEIGHBOURHOOD_HOUSE)
    grid_median, _ = _timed(lambda: index.nearest(lat, lon, kinds=kinds))

    def brute() -> tuple[float, int]:
        return min((distance_m(lat, lon, p.latitude, p.longitude), p.id) for p in index.places if p.kind in kinds)

    brute_median, _ = _timed(brute)
    found = index.nearest(lat, lon, kinds=kinds)
    expected = brute()
    assert found is not None
    assert (found.place.id, found.distance_m) == (expected[1], pytest.approx(expected[0]))
    assert MeetingPlace.objects.count() == PLACES
    assert {p.kind for p in index.places} <= NEARBY_KINDS

    print()
    print(f"register: {PLACES:,} places, of which {nearby:,} OC/HvdW/gemeenschapshuis with coordinates")
    print(f"assessment with {PLACES:,} places (service: database, buurt, statistics, 7 rules): "
          f"median {full_median:.2f} ms, p95 {full_p95:.2f} ms (target < {TARGET_MS:.0f} ms)")
    print(f"  of which loading the register into the place index: median {load_median:.2f} ms")
    print(f"  domain only (7 rules on prepared facts): median {domain_median:.3f} ms, p95 {domain_p95:.3f} ms")
    print(f"nearest OC/HvdW: grid index median {grid_median * 1000:.1f} µs, brute force median "
          f"{brute_median * 1000:.1f} µs (grid is {brute_median / grid_median:.0f}× faster)")
