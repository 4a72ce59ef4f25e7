"""Writes of the activities (issue 11, point 1). Each function is one door (``accounts.doors.state_change``):
role checked, one transaction, its audit events. A board member acts only for their own places (404 otherwise).

A series materialises its occurrences as activities: "edit all" changes the series and every occurrence that
was not cancelled, "edit one" changes one activity, "cancel one" sets ``cancelled`` on it (it stays, so the
feed can say the date is off and the monitoring does not count it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from contextlib import ExitStack
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from ontmoet.accounts.doors import state_change
from ontmoet.accounts.models import User
from ontmoet.accounts.permissions import ensure_acts_for
from ontmoet.accounts.roles import ACTIVITY_WRITERS
from ontmoet.activities import errors
from ontmoet.activities.importing import ROW_COLUMNS, ActivityImportReport, CheckedRow, parse_activity_file
from ontmoet.activities.models import Activity, ActivitySeries
from ontmoet.activities.tallies import add_new as add_to_tallies
from ontmoet.activities.tallies import recount
from ontmoet.core.audit import audit_record, nothing_changed, snapshot
from ontmoet.core.bulk import copy_text
from ontmoet.domain.activities import MAX_OCCURRENCES, SeriesTooLong, occurrence_dates
from ontmoet.places.models import MeetingPlace

#: The facts an activity and a series share (what "edit all" copies to the occurrences).
SHARED_FIELDS = ("title", "category", "start_time", "end_time", "initiated_by", "organised_by", "participants",
                 "target_group", "is_public")
ACTIVITY_FIELDS = ("date", *SHARED_FIELDS)
SERIES_FIELDS = ("first_date", "until", "interval_weeks", *SHARED_FIELDS)


def _check_times(obj: Activity | ActivitySeries) -> None:
    if obj.start_time and obj.end_time and obj.end_time < obj.start_time:
        raise ValidationError({"end_time": errors.END_BEFORE_START})


def _dates_of(series: ActivitySeries) -> list[dt.date]:
    if series.until < series.first_date:
        raise ValidationError({"until": errors.UNTIL_BEFORE_FIRST})
    try:
        return occurrence_dates(series.first_date, series.until, series.interval_weeks)
    except SeriesTooLong as exc:
        raise ValidationError({"until": errors.SERIES_TOO_LONG % {"max": MAX_OCCURRENCES}}) from exc


def _only(values: Mapping[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    unknown = set(values) - set(allowed)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    return dict(values)


@state_change(roles=ACTIVITY_WRITERS, system=True)
def activity_create(*, place: MeetingPlace, values: Mapping[str, Any], by: User | None) -> Activity:
    """Register one activity at ``place``."""
    if by is not None:
        ensure_acts_for(by, place)
    activity = Activity(place=place, **_only(values, ACTIVITY_FIELDS))
    activity.full_clean()
    _check_times(activity)
    activity.save()
    recount([(place.pk, activity.date)])
    audit_record(action="activity_create", obj=activity, by=by, after=snapshot(activity, ACTIVITY_FIELDS))
    return activity


@state_change(roles=ACTIVITY_WRITERS)
def activity_update(*, activity: Activity, values: Mapping[str, Any], by: User) -> Activity:
    """Change one activity (of a series: this occurrence only)."""
    ensure_acts_for(by, activity.place_id)
    changes = {k: v for k, v in _only(values, ACTIVITY_FIELDS).items() if getattr(activity, k) != v}
    if not changes:
        nothing_changed()
        return activity
    before = snapshot(activity, changes)
    old_date = activity.date
    for key, value in changes.items():
        setattr(activity, key, value)
    activity.full_clean()
    _check_times(activity)
    activity.save()
    recount([(activity.place_id, old_date), (activity.place_id, activity.date)])
    audit_record(action="activity_update", obj=activity, by=by, before=before, after=snapshot(activity, changes))
    return activity


@state_change(roles=ACTIVITY_WRITERS)
def activity_cancel(*, activity: Activity, by: User, cancelled: bool = True) -> Activity:
    """Cancel one activity (or one date of a series), or take the cancellation back."""
    ensure_acts_for(by, activity.place_id)
    if activity.cancelled == cancelled:
        nothing_changed()
        return activity
    activity.cancelled = cancelled
    activity.save(update_fields=["cancelled", "changed_at"])
    recount([(activity.place_id, activity.date)])
    audit_record(action="activity_cancel" if cancelled else "activity_reinstate", obj=activity, by=by,
                 before={"cancelled": not cancelled}, after={"cancelled": cancelled})
    return activity


@state_change(roles=ACTIVITY_WRITERS)
def activity_delete(*, activity: Activity, by: User) -> None:
    """Remove an activity registered by mistake (an activity that did not take place is cancelled instead)."""
    ensure_acts_for(by, activity.place_id)
    audit_record(action="activity_delete", obj=activity, by=by, before=snapshot(activity, ACTIVITY_FIELDS))
    touched = [(activity.place_id, activity.date)]
    activity.delete()
    recount(touched)


@state_change(roles=ACTIVITY_WRITERS, system=True)
def series_create(*, place: MeetingPlace, values: Mapping[str, Any], by: User | None) -> ActivitySeries:
    """Register a weekly activity: the series and one activity per date."""
    if by is not None:
        ensure_acts_for(by, place)
    series = ActivitySeries(place=place, created_by=by, **_only(values, SERIES_FIELDS))
    series.full_clean()
    _check_times(series)
    dates = _dates_of(series)
    series.save()
    shared = {name: getattr(series, name) for name in SHARED_FIELDS}
    Activity.objects.bulk_create([Activity(place=place, series=series, date=day, **shared) for day in dates])
    recount((place.pk, day) for day in dates)
    audit_record(action="series_create", obj=series, by=by,
                 after={**snapshot(series, SERIES_FIELDS), "occurrences": len(dates)})
    return series


@state_change(roles=ACTIVITY_WRITERS)
def series_update(*, series: ActivitySeries, values: Mapping[str, Any], by: User) -> ActivitySeries:
    """Edit all: the series' facts go to every occurrence; new dates are added, dates no longer in the rule
    are removed (a cancelled date that stays in the rule stays cancelled)."""
    ensure_acts_for(by, series.place_id)
    changes = {k: v for k, v in _only(values, SERIES_FIELDS).items() if getattr(series, k) != v}
    if not changes:
        nothing_changed()
        return series
    before = snapshot(series, changes)
    for key, value in changes.items():
        setattr(series, key, value)
    series.full_clean()
    _check_times(series)
    dates = set(_dates_of(series))
    series.save()
    shared = {name: getattr(series, name) for name in SHARED_FIELDS}
    occurrences = Activity.objects.filter(series=series)
    touched = {(series.place_id, day) for day in [*dates, *occurrences.values_list("date", flat=True)]}
    occurrences.exclude(date__in=dates).delete()
    occurrences.update(**shared)
    present = set(occurrences.values_list("date", flat=True))
    Activity.objects.bulk_create([Activity(place=series.place, series=series, date=day, **shared)
                                  for day in sorted(dates - present)])
    recount(touched)
    audit_record(action="series_update", obj=series, by=by, before=before, after=snapshot(series, changes))
    return series


@state_change(roles=ACTIVITY_WRITERS)
def series_delete(*, series: ActivitySeries, by: User) -> None:
    """Remove a series registered by mistake, with all its occurrences."""
    ensure_acts_for(by, series.place_id)
    audit_record(action="series_delete", obj=series, by=by, before=snapshot(series, SERIES_FIELDS))
    occurrences = Activity.objects.filter(series=series)
    touched = [(series.place_id, day) for day in occurrences.values_list("date", flat=True)]
    occurrences.delete()
    series.delete()
    recount(touched)


@state_change(roles=ACTIVITY_WRITERS, system=True, audit="per_object")
def activities_import(*, content: bytes, filename: str, by: User | None, dry_run: bool = False,
                      progress: Any = None) -> ActivityImportReport:
    """All-or-nothing import (CSV/XLSX): every row is checked first; with one problem nothing is written.

    The audit trail gets one event per place that received activities (with their number), not one per row:
    a yearly file of a large city has millions of rows.

    On PostgreSQL the rows are copied into the table while the rest of the file is still being checked (the
    database maintains its indexes on the other core meanwhile), inside a savepoint that is rolled back when a
    problem turns up, so that nothing of a file with a problem stays written."""
    if connection.vendor == "postgresql" and not dry_run:
        report = _check_and_copy(content, filename, by=by, progress=progress)
    else:
        report = parse_activity_file(content, filename, by=by, progress=progress)
        if not (report.problems or dry_run):
            _write_rows(report, progress)
    if report.problems or dry_run:
        nothing_changed()
        return report
    # The rows are new and held: added to their months' tallies as they are (ROW_COLUMNS order).
    add_to_tallies((r[0], r[1], r[6], r[7], r[8]) for r in report.rows)
    for place_id, count in sorted(report.per_place.items()):
        place = MeetingPlace.objects.get(pk=place_id)
        audit_record(action="activity_import", obj=place, by=by, after={"activities": count})
    report.written = len(report.rows)
    return report


class _Discard(Exception):
    """A problem turned up after rows were copied: the savepoint goes, the report stays."""

    def __init__(self, report: ActivityImportReport) -> None:
        super().__init__("import discarded")
        self.report = report


def _check_and_copy(content: bytes, filename: str, *, by: User | None, progress: Any) -> ActivityImportReport:
    """Check the file and COPY its checked rows in chunks as they come, on PostgreSQL (see activities_import)."""
    columns = ", ".join((*ROW_COLUMNS, "cancelled", "changed_at"))
    stamp = timezone.now().isoformat()
    try:
        with transaction.atomic(), connection.cursor() as cursor, ExitStack() as open_copy:
            copy: Any = None
            written = 0

            def sink(rows: list[CheckedRow]) -> None:
                # Opened at the first checked rows: while a COPY runs the connection takes no other query,
                # and the check reads the places first.
                nonlocal copy, written
                if copy is None:
                    copy = open_copy.enter_context(cursor.cursor.copy(  # psycopg 3's own cursor
                        f"COPY {Activity._meta.db_table} ({columns}) FROM STDIN"))
                copy.write("".join(_copy_line(row, stamp) for row in rows))
                written += len(rows)
                if progress is not None:
                    progress.written(written)

            report = parse_activity_file(content, filename, by=by, progress=progress, sink=sink,
                                         chunk=COPY_CHUNK)
            if report.problems:
                raise _Discard(report)
    except _Discard as discarded:
        return discarded.report
    return report


def _write_rows(report: ActivityImportReport, progress: Any) -> None:
    """Write checked rows with bulk inserts (SQLite; PostgreSQL copies while checking, ``_check_and_copy``)."""
    batch = 5000
    for start in range(0, len(report.rows), batch):
        Activity.objects.bulk_create([Activity(**dict(zip(ROW_COLUMNS, row, strict=True)))
                                      for row in report.rows[start:start + batch]])
        if progress is not None:
            progress.written(min(start + batch, len(report.rows)))


COPY_CHUNK = 50_000
def _copy_line(row: tuple[object, ...], stamp: str) -> str:
    return "\t".join([*(copy_text(v) for v in row), "f", stamp]) + "\n"
