"""Benchmark of the register import (make bench): 100,000 rows checked and written; figures printed, never
asserted on time."""

from __future__ import annotations

import time

import pytest

from ontmoet.places.exporting import export_csv
from ontmoet.places.importing import register_check
from ontmoet.places.models import MeetingPlace, Neighbourhood
from ontmoet.places.services import places_import

pytestmark = [pytest.mark.perf, pytest.mark.django_db]
HEADER = "naam;type;straat;huisnummer;postcode;plaats;breedtegraad;lengtegraad;drempelvrije entree\n"
ROWS = 100_000


def _file(n: int) -> bytes:
    """n living rooms spread over the buurten' label points, each a little apart (distinct coordinates)."""
    buurten = list(Neighbourhood.objects.order_by("code").values_list("label_latitude", "label_longitude"))
    rows = []
    for i in range(n):
        lat, lon = buurten[i % len(buurten)]
        offset = (i // len(buurten)) % 100 * 0.000001
        rows.append(f"Bench {i};huiskamer;Straat;{i + 1};6211 AA;Maastricht;{float(lat) + offset:.6f};"
                    f"{float(lon) + offset:.6f};ja\n")
    return (HEADER + "".join(rows)).encode()


def test_bench_import_100000_rows():
    content = _file(ROWS)
    start = time.perf_counter()
    check = register_check(content=content, filename="bench.csv")
    read_s = time.perf_counter() - start
    for _progress in check:
        pass
    check_s = time.perf_counter() - start - read_s
    places_import(content=content, filename="bench.csv", by=None, checked=check.report)
    total_s = time.perf_counter() - start
    save_s = total_s - read_s - check_s
    assert check.report.ok, check.report.problems[:3]
    assert MeetingPlace.objects.count() == ROWS
    start = time.perf_counter()
    exported = export_csv(MeetingPlace.objects.with_type().select_related("neighbourhood__district"))
    export_s = time.perf_counter() - start
    print(f"\nimport {ROWS:,} rows ({len(content) / 1e6:.1f} MB): read {read_s:.1f} s, check {check_s:.1f} s "
          f"({ROWS / check_s:,.0f} rows/s), write {save_s:.1f} s ({ROWS / save_s:,.0f} rows/s); total "
          f"{total_s:.1f} s = {ROWS / total_s:,.0f} rows/s. Export of the same register to CSV {export_s:.1f} s "
          f"({len(exported) / 1e6:.1f} MB)")
