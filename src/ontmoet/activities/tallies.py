"""Keeping the activity tallies exact: recount the (place, month) pairs a write touched from the activities.

Every service of this app that writes activities calls :func:`recount` inside its own transaction, so a tally
never disagrees with the activities it counts (a test compares them after every kind of write)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import connection
from django.db.models import Count, DateField, Q, Sum
from django.db.models.functions import Coalesce, Trunc

from ontmoet.activities.models import TALLY_PAIRS, Activity, ActivityTally, tally_column


def month_of(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _next_month(month: dt.date) -> dt.date:
    return (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def tally_aggregates() -> dict[str, Any]:
    held = Q(cancelled=False)
    aggregates: dict[str, Any] = {
        "held": Count("id", filter=held),
        "participants_sum": Coalesce(Sum("participants", filter=held), 0),
    }
    for initiated, organised in TALLY_PAIRS:
        aggregates[tally_column(initiated, organised)] = Count(
            "id", filter=held & Q(initiated_by=initiated, organised_by=organised))
    return aggregates


def recount(pairs: Iterable[tuple[int, dt.date]]) -> None:
    """Recount the tallies of these (place id, any day of the month) pairs."""
    by_place: dict[int, set[dt.date]] = {}
    for place_id, day in pairs:
        by_place.setdefault(place_id, set()).add(month_of(day))
    for place_id, months in by_place.items():
        first, last = min(months), max(months)
        recount_range([place_id], first, _next_month(last) - dt.timedelta(days=1), months=months)


def recount_range(place_ids: Iterable[int] | None, start: dt.date, end: dt.date,
                  months: set[dt.date] | None = None) -> int:
    """Recount every tally of ``place_ids`` (None: all places) for the months from ``start`` to ``end``."""
    first, stop = month_of(start), _next_month(month_of(end))
    if months is None and connection.vendor == "postgresql":
        return _recount_range_sql(None if place_ids is None else list(place_ids), first, stop)
    activities = Activity.objects.filter(date__gte=first, date__lt=stop)
    tallies = ActivityTally.objects.filter(month__gte=first, month__lt=stop)
    if place_ids is not None:
        ids = list(place_ids)
        activities = activities.filter(place_id__in=ids)
        tallies = tallies.filter(place_id__in=ids)
    if months is not None:
        tallies = tallies.filter(month__in=months)
        month_filter = Q()
        for month in months:
            month_filter |= Q(date__gte=month, date__lt=_next_month(month))
        activities = activities.filter(month_filter)
    tallies.delete()
    rows: Any = (activities.annotate(tally_month=Trunc("date", "month", output_field=DateField()))
                 .values("place_id", "tally_month").annotate(**tally_aggregates()))
    new = []
    for row in rows:
        if not row["held"]:
            continue
        counts = {tally_column(i, o): row[tally_column(i, o)] for i, o in TALLY_PAIRS}
        new.append(ActivityTally(place_id=row["place_id"], month=row["tally_month"], held=row["held"],
                                 participants=row["participants_sum"], **counts))
    ActivityTally.objects.bulk_create(new, batch_size=2000)
    return len(new)


def _recount_range_sql(place_ids: list[int] | None, first: dt.date, stop: dt.date) -> int:
    """The same recount in one statement on PostgreSQL (an import of a million rows touches every month)."""
    activities, tallies = Activity._meta.db_table, ActivityTally._meta.db_table
    pair_columns = ", ".join(tally_column(i, o) for i, o in TALLY_PAIRS)
    held = "NOT cancelled"
    pair_counts = ", ".join(f"count(*) FILTER (WHERE {held} AND initiated_by = %s AND organised_by = %s)"
                            for _pair in TALLY_PAIRS)
    pair_params = [value for pair in TALLY_PAIRS for value in pair]
    places = "" if place_ids is None else "AND place_id = ANY(%s)"
    place_params: list[Any] = [] if place_ids is None else [place_ids]
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {tallies} WHERE month >= %s AND month < %s {places}",
                       [first, stop, *place_params])
        cursor.execute(
            f"INSERT INTO {tallies} (place_id, month, held, participants, {pair_columns}) "
            f"SELECT place_id, date_trunc('month', date)::date, count(*) FILTER (WHERE {held}), "
            f"coalesce(sum(participants) FILTER (WHERE {held}), 0), {pair_counts} FROM {activities} "
            f"WHERE date >= %s AND date < %s {places} GROUP BY 1, 2 HAVING count(*) FILTER (WHERE {held}) > 0",
            [*pair_params, first, stop, *place_params])
        return int(cursor.rowcount)


def add_new(rows: Iterable[tuple[int, dt.date, str, str, int]]) -> int:
    """Add activities just written (not cancelled: ``(place id, date, initiated by, organised by,
    participants)``) to their months' tallies, without reading the activities again: one upsert that adds to
    what each tally holds. An import of a million rows touches every month of its places; recounting those
    months from the activity table cost more than writing the rows. Returns the tallies touched."""
    totals: dict[tuple[int, dt.date], list[int]] = {}
    index = {pair: n for n, pair in enumerate(TALLY_PAIRS)}
    for place_id, day, initiated, organised, participants in rows:
        key = (place_id, day.replace(day=1))
        counts = totals.get(key)
        if counts is None:
            counts = totals[key] = [0] * (2 + len(TALLY_PAIRS))
        counts[0] += 1
        counts[1] += participants
        counts[2 + index[(initiated, organised)]] += 1
    if not totals:
        return 0
    table = ActivityTally._meta.db_table
    pair_columns = [tally_column(i, o) for i, o in TALLY_PAIRS]
    columns = ["held", "participants", *pair_columns]
    sql = (f"INSERT INTO {table} (place_id, month, {', '.join(columns)}) VALUES "
           f"({', '.join(['%s'] * (2 + len(columns)))}) ON CONFLICT (month, place_id) DO UPDATE SET "
           + ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in columns))
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(place_id, month, *counts) for (place_id, month), counts in sorted(totals.items())])
    return len(totals)
