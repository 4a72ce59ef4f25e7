"""Data for the scale benchmarks (issue 11, point 7): a city many times Maastricht's size, written with
PostgreSQL's COPY so that millions of rows take minutes, not hours.

Only for a benchmark database: the rows bypass the services (no audit events, no checks) because they are
generated, not entered; every place is marked ``is_demo`` and named "Testplek". The tallies are counted from
the activities afterwards in one statement, so the monitoring reads exactly what was written.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from ontmoet.activities.models import TALLY_PAIRS, Activity, ActivityTally, tally_column
from ontmoet.core.bulk import copy_lines
from ontmoet.places.models import MeetingPlace, Neighbourhood, PlaceTypeChange

INITIATORS = ("residents", "board", "professional", "organisation")
CATEGORIES = ("meeting", "meal", "course", "culture", "sport", "information", "children", "other")
CHUNK = 200_000


@dataclass(frozen=True)
class BenchSizes:
    places: int
    activities: int
    years: int
    first_year: int


def generate(sizes: BenchSizes, *, seed: int = 11, say: Callable[[str], None] = print) -> dict[str, Any]:
    """Write ``sizes`` of places (a third meeting centres, some changing type in the middle of a year) and
    activities over ``years`` years; returns the counts written."""
    if connection.vendor != "postgresql":
        raise RuntimeError("generate_bench_data needs PostgreSQL (it writes with COPY)")
    rng = random.Random(seed)
    buurten = list(Neighbourhood.objects.values_list("pk", "label_latitude", "label_longitude"))
    now = timezone.now()
    first = dt.date(sizes.first_year, 1, 1)
    days = (dt.date(sizes.first_year + sizes.years - 1, 12, 31) - first).days + 1
    with transaction.atomic():
        start_id = (MeetingPlace.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
        places = io.StringIO()
        history = io.StringIO()
        for i in range(sizes.places):
            pk = start_id + i
            buurt, lat, lon = buurten[i % len(buurten)]
            places.write(f"{pk}\tTestplek {pk}\tt\t\t\t\t\tMaastricht\t{lat}\t{lon}\t{buurt}\t\\N\t\\N\t\\N\t\\N\t\\N"
                         f"\t\t\t\t\t\t\t\t{now.isoformat()}\t{now.isoformat()}\n")
            kind = "meeting_centre" if i % 3 == 0 else "community_house"
            history.write(f"{pk}\trecord\t\\N\t\t{kind}\t{first.isoformat()}\tbench\tf\t\\N\t{now.isoformat()}\n")
            if i % 10 == 1:  # a community house that becomes a meeting centre on some day of some year
                change = first + dt.timedelta(days=rng.randrange(days))
                history.write(f"{pk}\trecord\t\\N\tcommunity_house\tmeeting_centre\t{change.isoformat()}\tbench\tf"
                              f"\t\\N\t{now.isoformat()}\n")
        copy_lines(MeetingPlace._meta.db_table, (
            "id", "name", "is_demo", "description", "street", "house_number", "postcode", "city", "latitude",
            "longitude", "neighbourhood_id", "building_id", "step_free_entrance", "accessible_toilet",
            "hearing_loop", "disabled_parking", "accessibility_notes", "opening_hours", "public_email",
            "public_phone", "website", "source_title", "source_url", "created_at", "updated_at"), places)
        copy_lines(PlaceTypeChange._meta.db_table, (
            "place_id", "kind", "supersedes_id", "from_type", "to_type", "effective_date", "reason", "cap_override",
            "recorded_by_id", "recorded_at"), history)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{MeetingPlace._meta.db_table}', 'id'), "
                           f"(SELECT max(id) FROM {MeetingPlace._meta.db_table}))")
        say(f"{sizes.places:,} plekken geschreven")
        columns = ("place_id", "series_id", "date", "start_time", "end_time", "title", "category", "initiated_by",
                   "organised_by", "participants", "target_group", "is_public", "cancelled", "changed_at")
        written = 0
        stamp = now.isoformat()
        while written < sizes.activities:
            lines = io.StringIO()
            for _ in range(min(CHUNK, sizes.activities - written)):
                place = start_id + rng.randrange(sizes.places)
                day = first + dt.timedelta(days=rng.randrange(days))
                initiated = INITIATORS[rng.randrange(4)]
                organised = initiated if rng.random() < 0.6 else INITIATORS[rng.randrange(4)]
                cancelled = "t" if rng.random() < 0.03 else "f"
                lines.write(f"{place}\t\\N\t{day.isoformat()}\t14:00\t16:00\tActiviteit\t"
                            f"{CATEGORIES[rng.randrange(8)]}\t{initiated}\t{organised}\t{rng.randrange(5, 60)}\t\tt\t"
                            f"{cancelled}\t{stamp}\n")
                written += 1
            copy_lines(Activity._meta.db_table, columns, lines)
            say(f"{written:,} activiteiten geschreven")
        tallies = rebuild_tallies()
        say(f"{tallies:,} maandtellingen geteld")
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Activity._meta.db_table}")
        cursor.execute(f"ANALYZE {ActivityTally._meta.db_table}")
    return {"places": sizes.places, "activities": written, "tallies": tallies,
            "place_ids": list(range(start_id, start_id + sizes.places))}


def rebuild_tallies() -> int:
    """Count every tally again from the activities in one statement (PostgreSQL)."""
    table, tallies = Activity._meta.db_table, ActivityTally._meta.db_table
    pair_columns = [tally_column(i, o) for i, o in TALLY_PAIRS]
    pair_counts = [f"count(*) FILTER (WHERE NOT cancelled AND initiated_by = '{i}' AND organised_by = '{o}')"
                   for i, o in TALLY_PAIRS]
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {tallies}")
        cursor.execute(
            f"INSERT INTO {tallies} (place_id, month, held, participants, {', '.join(pair_columns)}) "
            f"SELECT place_id, date_trunc('month', date)::date, count(*) FILTER (WHERE NOT cancelled), "
            f"coalesce(sum(participants) FILTER (WHERE NOT cancelled), 0), {', '.join(pair_counts)} "
            f"FROM {table} GROUP BY 1, 2 HAVING count(*) FILTER (WHERE NOT cancelled) > 0")
        return int(cursor.rowcount)
