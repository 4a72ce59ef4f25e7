"""Scale benchmarks of the monitoring (issue 11, point 7; make bench, on PostgreSQL). Figures are printed, never
asserted on time; the exact figures are asserted against the hand-written SQL.

- the dashboard's indicator computation for one year (median, p95) against a hand-written SQL aggregate over
  the same activity rows with the type in force on each activity's date (the floor), and the ratio;
- the import of 1,000,000 activity rows (rows/s) against PostgreSQL's own COPY of the same file into the
  activities table's shape with its indexes (the floor: the database's own cost of putting these rows there),
  and the ratio; a COPY into a bare table is printed beside it for reference.

Sizes (defaults are the issue's): BENCH_PLACES, BENCH_ACTIVITIES, BENCH_YEARS, BENCH_APPLICATIONS, BENCH_IMPORT_ROWS.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import statistics
import time
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from ontmoet.activities.models import Activity
from ontmoet.activities.services import activities_import
from ontmoet.monitoring.benchdata import BenchSizes, generate
from ontmoet.monitoring.indicators import compute_indicators
from ontmoet.places.models import MeetingPlace, PlaceTypeChange
from ontmoet.subsidies.benchdata import generate_applications

pytestmark = [pytest.mark.perf, pytest.mark.postgres, pytest.mark.django_db]

PLACES = int(os.environ.get("BENCH_PLACES", "1000"))
ACTIVITIES = int(os.environ.get("BENCH_ACTIVITIES", "5000000"))
YEARS = int(os.environ.get("BENCH_YEARS", "10"))
IMPORT_ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "1000000"))
APPLICATIONS = int(os.environ.get("BENCH_APPLICATIONS", "50000"))
RUNS = 11

#: The floor: per year, among held activities at a place whose type on the activity's date was a meeting
#: centre, the number and those initiated or organised by residents — straight from the activity rows.
FLOOR_SQL = """
WITH entries AS (
    SELECT t.place_id, t.effective_date AS starts, t.to_type,
           lead(t.effective_date) OVER (PARTITION BY t.place_id ORDER BY t.effective_date, t.id) AS ends
    FROM {history} t
    WHERE t.kind <> 'retraction' AND NOT EXISTS (SELECT 1 FROM {history} s WHERE s.supersedes_id = t.id)
)
SELECT extract(year FROM a.date)::int AS year, count(*) AS whole,
       count(*) FILTER (WHERE a.initiated_by = 'residents' OR a.organised_by = 'residents') AS part
FROM {activities} a
JOIN entries e ON e.place_id = a.place_id AND a.date >= e.starts AND (e.ends IS NULL OR a.date < e.ends)
WHERE e.to_type = 'meeting_centre' AND NOT a.cancelled AND a.date <= %s
GROUP BY 1 ORDER BY 1
"""


def _pg() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the scale benchmarks run on PostgreSQL (DATABASE_URL)")


def _stats(timings: list[float]) -> tuple[float, float]:
    ordered = sorted(timings)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _floor(year: int) -> list[tuple[int, int, int]]:
    with connection.cursor() as cursor:
        cursor.execute(FLOOR_SQL.format(history=PlaceTypeChange._meta.db_table,
                                        activities=Activity._meta.db_table), [dt.date(year, 12, 31)])
        return [tuple(row) for row in cursor.fetchall()]


def test_bench_dashboard_indicators_against_the_sql_floor():
    _pg()
    year = timezone.localdate().year
    start = time.perf_counter()
    counts = generate(BenchSizes(places=PLACES, activities=ACTIVITIES, years=YEARS, first_year=year - YEARS + 1),
                      say=lambda _text: None)
    applications = generate_applications(APPLICATIONS, place_ids=counts["place_ids"], say=lambda _text: None)
    generate_s = time.perf_counter() - start
    ours, floor = [], []
    result = None
    rows: list[tuple[int, int, int]] = []
    for _ in range(RUNS):
        start = time.perf_counter()
        result = {r.key: r for r in compute_indicators(year)}["resident_initiated_activities"]
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        rows = _floor(year)
        floor.append(time.perf_counter() - start)
    assert result is not None
    # The same figures: every year's share, computed both ways.
    assert result.series == [(y, Decimal(part) / Decimal(whole)) for y, whole, part in rows]
    ours_median, ours_p95 = _stats(ours)
    floor_median, floor_p95 = _stats(floor)
    print(f"\nmonitoring: generate_bench_data's {PLACES:,} places, {ACTIVITIES:,} activities over {YEARS} years and "
          f"{applications:,} subsidy applications written with COPY in {generate_s:.0f} s")
    print(f"dashboard indicators for {year} (all {len(compute_indicators(year))} indicators, trend over "
          f"{len(rows)} years): median {ours_median * 1000:.0f} ms, p95 {ours_p95 * 1000:.0f} ms "
          f"(target < 500 ms)")
    print(f"floor, hand-written SQL over the activity rows: median {floor_median * 1000:.0f} ms, "
          f"p95 {floor_p95 * 1000:.0f} ms; ratio {ours_median / floor_median:.2f}× (target ≤ 1.5×)")


def test_bench_import_of_activity_rows_against_copy(settings):
    _pg()
    settings.IMPORT_MAX_ROWS = IMPORT_ROWS + 1
    settings.IMPORT_MAX_BYTES = 1 << 30
    year = timezone.localdate().year
    generate(BenchSizes(places=100, activities=0, years=1, first_year=year), say=lambda _text: None)
    ids = list(MeetingPlace.objects.values_list("pk", flat=True))
    lines = io.StringIO()
    lines.write("place,date,title,initiated_by,organised_by,participants\n")
    first = dt.date(year, 1, 1)
    for i in range(IMPORT_ROWS):
        lines.write(f"{ids[i % len(ids)]},{first + dt.timedelta(days=i % 365)},Activiteit {i % 97},"
                    f"{('residents', 'board')[i % 2]},{('board', 'residents', 'professional')[i % 3]},{i % 50}\n")
    content = lines.getvalue().encode()
    start = time.perf_counter()
    report = activities_import(content=content, filename="bench.csv", by=None)
    ours_s = time.perf_counter() - start
    assert report.problems == [] and report.written == IMPORT_ROWS
    with connection.cursor() as cursor:
        # The floor: PostgreSQL's own COPY of the same file into the activities table's shape, with its indexes
        # and defaults for the columns the file leaves out (what the database itself takes to put this file
        # where the import puts it, before a single check).
        table = Activity._meta.db_table
        cursor.execute(f"CREATE TEMP TABLE bench_like (LIKE {table} INCLUDING DEFAULTS INCLUDING IDENTITY "
                       "INCLUDING INDEXES)")
        for column, default in (("category", "'other'"), ("target_group", "''"), ("is_public", "true"),
                                ("cancelled", "false"), ("changed_at", "now()")):
            cursor.execute(f"ALTER TABLE bench_like ALTER COLUMN {column} SET DEFAULT {default}")
        start = time.perf_counter()
        with cursor.cursor.copy("COPY bench_like (place_id, date, title, initiated_by, organised_by, participants) "
                                "FROM STDIN (FORMAT csv, HEADER true)") as copy:
            copy.write(content)
        copy_s = time.perf_counter() - start
        cursor.execute("SELECT count(*) FROM bench_like")
        assert cursor.fetchone()[0] == IMPORT_ROWS
        # For reference: the same COPY into a bare table without indexes (reading the file alone).
        cursor.execute("CREATE TEMP TABLE bench_bare (place int, date date, title text, initiated_by text, "
                       "organised_by text, participants int)")
        start = time.perf_counter()
        with cursor.cursor.copy("COPY bench_bare FROM STDIN (FORMAT csv, HEADER true)") as copy:
            copy.write(content)
        bare_s = time.perf_counter() - start
    print(f"\nimport of {IMPORT_ROWS:,} activity rows ({len(content) / 1e6:.0f} MB): {ours_s:.1f} s = "
          f"{IMPORT_ROWS / ours_s:,.0f} rows/s (every row checked, written with COPY, tallies counted; "
          "target < 60 s)")
    print(f"floor, PostgreSQL's COPY of the same file into the activities table's shape with its indexes: "
          f"{copy_s:.1f} s = {IMPORT_ROWS / copy_s:,.0f} rows/s; ratio {ours_s / copy_s:.2f}× (target ≤ 2×)")
    print(f"for reference, the same COPY into a bare table without indexes: {bare_s:.1f} s = "
          f"{IMPORT_ROWS / bare_s:,.0f} rows/s; ratio {ours_s / bare_s:.2f}×")
