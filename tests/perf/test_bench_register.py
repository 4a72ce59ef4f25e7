"""Benchmarks of the register (make bench): figures are printed, never asserted on time."""

from __future__ import annotations

import statistics
import time

import pytest

from ontmoet.places.models import Neighbourhood
from ontmoet.places.selectors import neighbourhood_areas, place_list
from ontmoet.places.services import places_import

pytestmark = [pytest.mark.perf, pytest.mark.django_db]
HEADER = "name,type,street,house_number,postcode,city,latitude,longitude\n"


def _file(n: int) -> bytes:
    buurten = list(Neighbourhood.objects.order_by("code").values_list("label_latitude", "label_longitude"))
    rows = []
    for i in range(n):
        lat, lon = buurten[i % len(buurten)]
        rows.append(f"Bench {i},huiskamer,Straat,{i + 1},6211 AA,Maastricht,{lat},{lon}\n")
    return (HEADER + "".join(rows)).encode()


def test_bench_import_and_list_1000_places(django_user_model):
    content = _file(1000)
    start = time.perf_counter()
    report = places_import(content=content, filename="bench.csv", by=None, dry_run=True)
    check_s = time.perf_counter() - start
    assert report.ok
    start = time.perf_counter()
    places_import(content=content, filename="bench.csv", by=None)
    import_s = time.perf_counter() - start
    officer = django_user_model.objects.create(username="bench", role="policy_officer")
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        count = len(list(place_list(user=officer)))
        timings.append(time.perf_counter() - start)
    assert count == 1000
    areas = neighbourhood_areas()
    from ontmoet.domain.geo import area_containing

    start = time.perf_counter()
    for i in range(10_000):
        area_containing(areas, 5.64 + (i % 100) * 0.001, 50.82 + (i // 100) * 0.0008)
    pip_us = (time.perf_counter() - start) / 10_000 * 1e6
    print(f"\nregister: check 1,000 import rows {check_s * 1000:.0f} ms; import 1,000 places {import_s:.2f} s "
          f"({import_s / 1000 * 1000:.1f} ms per place, audited); list 1,000 places with type "
          f"median {statistics.median(timings) * 1000:.0f} ms; buurt of a point {pip_us:.0f} µs")
