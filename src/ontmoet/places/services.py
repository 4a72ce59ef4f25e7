"""Writes to the register. Each service is one door (``accounts.doors.state_change``): role checked, one atomic
transaction, one audit event with the acting user.

Validation lives here and on the model fields, once, so the page, the API, the import and the CLI accept and
refuse the same things (``full_clean`` runs the field validators of ``core.validators``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ontmoet.accounts.doors import state_change
from ontmoet.accounts.models import User
from ontmoet.accounts.permissions import ensure_acts_for
from ontmoet.accounts.roles import PLACE_EDITORS, REGISTER_KEEPERS
from ontmoet.core.audit import audit_counted, audit_record, nothing_changed, object_type_of, snapshot
from ontmoet.core.locks import REGISTER_TYPES, serialise
from ontmoet.core.models import AuditEvent
from ontmoet.core.tabular import RowProblem
from ontmoet.core.validators import normalise_postcode
from ontmoet.domain.register import CAPPED_KINDS, PlaceKind, TypeEvent, batch_cap_breaches, cap_breaches, kind_on
from ontmoet.places import errors
from ontmoet.places.fields import BOARD_FIELDS, BUILDING_FIELDS, REGISTER_FIELDS, field_labels
from ontmoet.places.importing import IMPORT_CAP_EXCEEDED, IMPORT_FIELDS, ImportReport, register_check
from ontmoet.places.models import Board, BoardMember, Building, MeetingPlace, Neighbourhood, PlaceTypeChange
from ontmoet.places.selectors import (
    editable_fields,
    neighbourhood_for_point,
    plan_caps,
    type_histories,
    type_horizon,
)
from ontmoet.places.types import PlaceType, TypeEntryKind


def _clean_address(values: dict[str, Any]) -> None:
    if isinstance(values.get("postcode"), str):
        values["postcode"] = normalise_postcode(values["postcode"])
    for name in ("name", "street", "house_number", "city"):
        if isinstance(values.get(name), str):
            values[name] = values[name].strip()


def _derive_neighbourhood(values: dict[str, Any]) -> None:
    """With coordinates, the buurt is the one that holds the point (a chosen buurt must agree with it); the
    choice of buurt is only for a place without coordinates."""
    lat, lon = values.get("latitude"), values.get("longitude")
    if (lat is None) != (lon is None):
        raise ValidationError({"latitude": errors.COORDINATES_PAIR})
    if lat is None:
        return
    buurt = neighbourhood_for_point(Decimal(lat), Decimal(lon))  # type: ignore[arg-type]  # both set, checked above
    if buurt is None:
        raise ValidationError({"latitude": errors.OUTSIDE_MAASTRICHT})
    chosen = values.get("neighbourhood")
    if chosen is not None and chosen.pk != buurt.pk:
        raise ValidationError({"neighbourhood": errors.NEIGHBOURHOOD_CONTRADICTS % {
            "chosen": chosen.name, "found": buurt.name}})
    values["neighbourhood"] = buurt


def _check_type_date(place: MeetingPlace | None, effective_date: dt.date, *, field: str = "effective_date",
                     replacing: PlaceTypeChange | None = None) -> None:
    """A type entry lies within the plan's horizon and never before the place's first entry (other than the
    entry it ``replaces``: a correction may move the first entry itself to an earlier date)."""
    horizon = type_horizon()
    if effective_date > horizon:
        raise ValidationError({field: errors.TYPE_DATE_BEYOND_HORIZON % {"horizon": horizon.strftime("%d-%m-%Y")}})
    if place is None:
        return
    entries = PlaceTypeChange.objects.in_force().filter(place=place)
    if replacing is not None:
        entries = entries.exclude(pk=replacing.pk)
    first = entries.order_by("effective_date", "id").first()
    if first is not None and effective_date < first.effective_date:
        raise ValidationError({field: errors.TYPE_DATE_BEFORE_FIRST % {
            "first": first.effective_date.strftime("%d-%m-%Y")}})


def _check_caps(*, place_id: int | None, to: PlaceKind, effective_date: dt.date, cap_override: bool, reason: str,
                without: PlaceTypeChange | None = None) -> bool:
    """Whether the change passes a cap (True means: an override, which the caller records). Raises otherwise.

    Must run under the register lock (``serialise(REGISTER_TYPES)``): the count and the write are one step.
    """
    if to not in CAPPED_KINDS:
        return False
    histories = type_histories(exclude_entry=without.pk if without else None)
    # A place not saved yet gets a key of its own that no saved place has.
    key = place_id if place_id is not None else -1
    breaches = cap_breaches(histories, plan_caps(), changed_place=key,
                            change=TypeEvent(effective=effective_date, kind=to))
    if not breaches:
        return False
    if not cap_override:
        b = breaches[0]
        raise ValidationError({"to_type": errors.CAP_EXCEEDED % {
            "kind": PlaceType(b.kind.value).label, "count": b.count, "day": b.day.strftime("%d-%m-%Y"),
            "cap": b.cap}})
    if not reason.strip():
        raise ValidationError({"reason": errors.OVERRIDE_NEEDS_REASON})
    return True


@state_change(roles=REGISTER_KEEPERS, system=True)
def place_create(
    *,
    values: Mapping[str, Any],
    type: PlaceKind | str,
    effective_date: dt.date,
    by: User | None,
    is_demo: bool = False,
    cap_override: bool = False,
    reason: str = "",
) -> MeetingPlace:
    """Register a place with its first type entry. ``by=None`` only for the demo loader and imports by CLI."""
    kind = PlaceKind(type)
    clean = {k: v for k, v in values.items() if k in REGISTER_FIELDS}
    _clean_address(clean)
    _derive_neighbourhood(clean)
    place = MeetingPlace(is_demo=is_demo, **clean)
    place.full_clean()
    _check_type_date(None, effective_date)
    # Every path that sets a type takes the same lock before it counts (the register's caps).
    serialise(REGISTER_TYPES)
    overridden = _check_caps(place_id=None, to=kind, effective_date=effective_date, cap_override=cap_override,
                             reason=reason)
    place.save()
    reason = reason or _("Opgenomen in het register")
    PlaceTypeChange.objects.create(place=place, to_type=kind.value, effective_date=effective_date, reason=reason,
                                   cap_override=overridden, recorded_by=by)
    audit_record(action="place_cap_override" if overridden else "place_create", obj=place, by=by,
                 after={**snapshot(place, REGISTER_FIELDS), "is_demo": is_demo, "type": kind.value,
                        "effective_date": effective_date}, reason=reason)
    return place


def _refuse_fields(user: User, place: MeetingPlace, values: Mapping[str, Any]) -> None:
    """Fields the user may not change are refused by name (never silently dropped)."""
    refused = [name for name in values if name not in editable_fields(user, place)]
    if refused:
        raise PermissionDenied(errors.FIELDS_NOT_ALLOWED % {"fields": ", ".join(field_labels(refused))})


@state_change(roles=PLACE_EDITORS)
def place_update(*, place: MeetingPlace, values: Mapping[str, Any], by: User) -> MeetingPlace:
    """Change the facts of a place; a board member may only change the public information of their own place."""
    ensure_acts_for(by, place)
    _refuse_fields(by, place, values)
    place = MeetingPlace.objects.select_for_update().get(pk=place.pk)
    changes = dict(values)
    _clean_address(changes)
    if {"latitude", "longitude", "neighbourhood"} & set(changes):
        located = {"latitude": place.latitude, "longitude": place.longitude, "neighbourhood": place.neighbourhood,
                   **changes}
        if located["latitude"] is not None and "neighbourhood" not in changes:
            located["neighbourhood"] = None  # moved: the buurt follows the point
        _derive_neighbourhood(located)
        if "neighbourhood" in changes or located["neighbourhood"] != place.neighbourhood:
            changes["neighbourhood"] = located["neighbourhood"]
    changes = {k: v for k, v in changes.items() if getattr(place, k) != v}
    if not changes:
        nothing_changed()
        return place
    before = snapshot(place, changes)
    for key, value in changes.items():
        setattr(place, key, value)
    place.full_clean()
    place.save()
    audit_record(action="place_update", obj=place, by=by, before=before, after=snapshot(place, changes))
    return place


def _record_type(*, place: MeetingPlace, to: PlaceKind, effective_date: dt.date, by: User | None, reason: str,
                 cap_override: bool, kind: str = TypeEntryKind.RECORD,
                 supersedes: PlaceTypeChange | None = None) -> PlaceTypeChange:
    """Append a type entry under the register lock, after the date, same-type and cap checks."""
    serialise(REGISTER_TYPES)
    _check_type_date(place, effective_date, replacing=supersedes)
    own = type_histories(place_ids=[place.pk], exclude_entry=supersedes.pk if supersedes else None).get(place.pk, [])
    current = kind_on(own, effective_date)
    if current == to:
        raise ValidationError({"to_type": errors.SAME_TYPE})
    overridden = _check_caps(place_id=place.pk, to=to, effective_date=effective_date, cap_override=cap_override,
                             reason=reason, without=supersedes)
    change = PlaceTypeChange.objects.create(
        place=place, kind=kind, supersedes=supersedes, from_type=current.value if current else "",
        to_type=to.value, effective_date=effective_date, reason=reason, cap_override=overridden, recorded_by=by,
    )
    action = {TypeEntryKind.RECORD.value: "place_change_type",
              TypeEntryKind.CORRECTION.value: "place_type_correct"}[kind]
    audit_record(
        action="place_cap_override" if overridden else action, obj=place, by=by,
        # A correction replaces an entry: "before" is what that entry said, not the type without it.
        before={"type": supersedes.to_type, "effective_date": supersedes.effective_date} if supersedes
        else {"type": current.value if current else None},
        after={"type": to.value, "effective_date": effective_date}, reason=reason,
    )
    return change


@state_change(roles=REGISTER_KEEPERS, system=True)
def place_change_type(*, place: MeetingPlace, to: PlaceKind | str, effective_date: dt.date, reason: str,
                      by: User | None, cap_override: bool = False) -> PlaceTypeChange:
    """Record a dated type change, e.g. a board's choice to become an OC (seed §6, Bouwsteen 1).

    A change that would pass the plan's maximum of OC or HvdW on any day from its effective date is refused,
    unless the officer overrides it explicitly with a reason; the override is audited as such. ``by=None`` is the
    system itself (demo data, migrations of legacy data).
    """
    return _record_type(place=place, to=PlaceKind(to), effective_date=effective_date, by=by, reason=reason,
                        cap_override=cap_override)


def _entry_of(place: MeetingPlace, entry: PlaceTypeChange) -> PlaceTypeChange:
    current = PlaceTypeChange.objects.in_force().filter(pk=entry.pk, place=place).first()
    if current is None:
        raise ValidationError({"entry": errors.TYPE_ENTRY_NOT_IN_FORCE})
    return current


@state_change(roles=REGISTER_KEEPERS)
def place_type_correct(*, place: MeetingPlace, entry: PlaceTypeChange, to: PlaceKind | str, effective_date: dt.date,
                       reason: str, by: User, cap_override: bool = False) -> PlaceTypeChange:
    """Correct a wrong entry of the type history: a new entry supersedes it; the old one stays, as history."""
    if not reason.strip():
        raise ValidationError({"reason": errors.CORRECTION_NEEDS_REASON})
    entry = _entry_of(place, entry)
    if entry.to_type == PlaceKind(to).value and entry.effective_date == effective_date:
        raise ValidationError({"to_type": errors.CORRECTION_CHANGES_NOTHING})
    return _record_type(place=place, to=PlaceKind(to), effective_date=effective_date, by=by, reason=reason,
                        cap_override=cap_override, kind=TypeEntryKind.CORRECTION, supersedes=entry)


@state_change(roles=REGISTER_KEEPERS)
def place_type_retract(*, place: MeetingPlace, entry: PlaceTypeChange, reason: str, by: User) -> PlaceTypeChange:
    """Retract a type change that has not taken effect yet (a board reconsidered); the entry stays, retracted."""
    if not reason.strip():
        raise ValidationError({"reason": errors.RETRACTION_NEEDS_REASON})
    serialise(REGISTER_TYPES)
    entry = _entry_of(place, entry)
    if entry.effective_date <= timezone.localdate():
        raise ValidationError({"entry": errors.RETRACT_ONLY_FUTURE % {
            "date": entry.effective_date.strftime("%d-%m-%Y")}})
    if not PlaceTypeChange.objects.in_force().filter(place=place).exclude(pk=entry.pk).exists():
        raise ValidationError({"entry": errors.RETRACT_NOT_FIRST})
    retraction = PlaceTypeChange.objects.create(
        place=place, kind=TypeEntryKind.RETRACTION, supersedes=entry, from_type=entry.to_type, to_type="",
        effective_date=entry.effective_date, reason=reason, recorded_by=by)
    audit_record(action="place_type_retract", obj=place, by=by,
                 before={"type": entry.to_type, "effective_date": entry.effective_date}, after={}, reason=reason)
    return retraction


@state_change(roles=REGISTER_KEEPERS, system=True)
def building_save(*, place: MeetingPlace, values: Mapping[str, Any], by: User | None) -> Building:
    """Create or change the building of a place (owner, energy label, measures)."""
    building = place.building or Building()
    changes = {k: v for k, v in values.items() if k in BUILDING_FIELDS}
    if building.pk:
        changes = {k: v for k, v in changes.items() if getattr(building, k) != v}
        if not changes:
            nothing_changed()
            return building
    before = snapshot(building, changes) if building.pk else {}
    for key, value in changes.items():
        setattr(building, key, value)
    building.full_clean()
    building.save()
    if place.building_id != building.pk:
        place.building = building
        place.save(update_fields=["building"])
    audit_record(action="building_save", obj=place, by=by, before=before, after=snapshot(building, changes))
    return building


@state_change(roles=REGISTER_KEEPERS, system=True)
def board_save(*, place: MeetingPlace, values: Mapping[str, Any], by: User | None) -> Board:
    """Create or change the board record with the Ogh checks (stored as yes/no with a date)."""
    board = Board.objects.filter(place=place).first() or Board(place=place)
    changes = {k: v for k, v in values.items() if k in BOARD_FIELDS and getattr(board, k) != v}
    if board.pk and not changes:
        nothing_changed()
        return board
    before = snapshot(board, changes)
    for key, value in changes.items():
        setattr(board, key, value)
    board.full_clean()
    board.save()
    audit_record(action="board_save", obj=place, by=by, before=before, after=snapshot(board, changes))
    return board


@state_change(roles=REGISTER_KEEPERS, system=True)
def board_member_add(*, place: MeetingPlace, name: str, role: str, contact: str, by: User | None) -> BoardMember:
    board, _created = Board.objects.get_or_create(place=place)
    member = BoardMember(board=board, name=name.strip(), role=role, contact=contact.strip())
    member.full_clean()
    member.save()
    audit_record(action="board_member_add", obj=place, by=by, after={"member": str(member)})
    return member


@state_change(roles=REGISTER_KEEPERS)
def board_member_remove(*, member: BoardMember, by: User) -> None:
    place = member.board.place
    audit_record(action="board_member_remove", obj=place, by=by, before={"member": str(member)})
    member.delete()


@state_change(roles=REGISTER_KEEPERS, system=True, audit="per_object")
def places_import(*, content: bytes, filename: str, by: User | None, dry_run: bool = False,
                  effective_date: dt.date | None = None, checked: ImportReport | None = None) -> ImportReport:
    """Import a register file all-or-nothing: nothing is written unless every row is good.

    Every row is checked first (``checked``: the report of ``importing.register_check`` on this same file, when
    the caller checked it already while showing progress). Then, under the register lock, the plan's caps are
    checked once for the whole batch (every row's type counted) and the places, their first type entries and
    one audit event per place are written in bulk. Returns the report; with problems (or ``dry_run``) the
    database is untouched. ``by=None`` is the CLI.
    """
    if checked is None:
        check = register_check(content=content, filename=filename)
        for _progress in check:
            pass
        checked = check.report
    report = checked
    if not report.ok or dry_run:
        nothing_changed()
        return report
    day = effective_date or timezone.localdate()
    horizon = type_horizon()
    if day > horizon:
        raise ValidationError({"effective_date": errors.TYPE_DATE_BEYOND_HORIZON % {
            "horizon": horizon.strftime("%d-%m-%Y")}})
    # Every path that sets a type takes the same lock before it counts (the register's caps).
    serialise(REGISTER_TYPES)
    problems = _import_cap_problems(report, day)
    if problems:
        report.problems.extend(problems)
        nothing_changed()
        return report
    _import_write(report, filename=filename, by=by, day=day)
    return report


def _import_cap_problems(report: ImportReport, day: dt.date) -> list[RowProblem]:
    """The plan's caps for the whole batch (domain.register.batch_cap_breaches): every row's type counts.

    The rows that pass a cap are named: those of that kind after the last one that still fits.
    """
    kinds = [PlaceKind(row["type"]) for row in report.rows]
    if not any(kind in CAPPED_KINDS for kind in kinds):
        return []
    histories = type_histories()
    changes = {-(i + 1): [TypeEvent(effective=day, kind=kind)] for i, kind in enumerate(kinds)}
    problems: list[RowProblem] = []
    for breach in batch_cap_breaches(histories, plan_caps(), changes):
        already = sum(1 for events in histories.values() if kind_on(events, breach.day) == breach.kind)
        fits = max(0, breach.cap - already)
        rows = [n for n, kind in zip(report.row_numbers, kinds, strict=True) if kind == breach.kind]
        message = IMPORT_CAP_EXCEEDED % {
            "kind": PlaceType(breach.kind.value).label, "count": already + len(rows),
            "day": breach.day.strftime("%d-%m-%Y"), "cap": breach.cap}
        problems.extend(RowProblem(row=n, column="type", message=str(message)) for n in rows[fits:])
    return sorted(problems, key=lambda p: p.row)


def _import_write(report: ImportReport, *, filename: str, by: User | None, day: dt.date) -> None:
    """Write the checked rows in bulk: places, their first type entries and one audit event per place (what
    ``place_create`` records for one place)."""
    buurten = {code: (pk, name) for pk, code, name in Neighbourhood.objects.values_list("pk", "code", "name")}
    places: list[dict[str, Any]] = []
    for row in report.rows:
        place = {k: row[k] for k in IMPORT_FIELDS}
        place["neighbourhood_id"] = buurten[row["neighbourhood_code"]][0] if row["neighbourhood_code"] else None
        places.append(place)
    place_ids = _bulk_insert(MeetingPlace, places)
    reason = _("Geïmporteerd uit %(file)s") % {"file": filename}
    by_id = by.pk if by is not None else None
    _bulk_insert(PlaceTypeChange, [
        {"place_id": pk, "from_type": "", "to_type": row["type"], "effective_date": day, "reason": reason,
         "recorded_by_id": by_id} for pk, row in zip(place_ids, report.rows, strict=True)])
    common = {"actor_id": by_id, "actor_name": by.get_username() if by is not None else "systeem",
              "object_type": object_type_of(MeetingPlace()), "action": "place_create", "reason": reason}
    events: list[dict[str, Any]] = []
    for pk, row in zip(place_ids, report.rows, strict=True):
        after = {**{k: row[k] for k in REGISTER_FIELDS if k in row}, "is_demo": row["is_demo"],
                 "neighbourhood": buurten[row["neighbourhood_code"]][1] if row["neighbourhood_code"] else None,
                 "type": row["type"], "effective_date": day}
        # What audit.diff({}, after) records: every field that has a value.
        changes = {k: {"before": None, "after": _audit_value(v)} for k, v in after.items() if v not in (None, "")}
        events.append({**common, "object_id": str(pk), "object_repr": row["name"][:255], "changes": changes})
    _bulk_insert(AuditEvent, events)
    audit_counted(len(events))


#: Rows per executemany() call of an import (SQLite).
IMPORT_BATCH = 5_000
#: Field types whose Python value the database drivers take as it is (no conversion per value needed).
_PLAIN_TYPES = frozenset({"AutoField", "BigAutoField", "BooleanField", "CharField", "TextField", "IntegerField",
                          "BigIntegerField", "PositiveIntegerField", "PositiveSmallIntegerField", "SmallIntegerField",
                          "ForeignKey", "OneToOneField", "NullBooleanField"})


def _reserve_ids(model: type[models.Model], count: int) -> list[int]:
    """``count`` new primary keys for ``model``, taken before the rows are written so that the rows that point
    to them (type entries, audit events) can be written in bulk too. Runs under the register lock."""
    connection = transaction.get_connection()
    table, column = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                           [table, column, count])
            return [row[0] for row in cursor.fetchall()]
        # SQLite: the register lock holds the database's write lock, so no other writer takes these numbers;
        # AUTOINCREMENT moves its sequence past explicitly given keys by itself.
        quoted = connection.ops.quote_name(table)
        cursor.execute(f"SELECT MAX({connection.ops.quote_name(column)}) FROM {quoted}")
        highest = cursor.fetchone()[0] or 0
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        row = cursor.fetchone()
        start = max(highest, row[0] if row else 0) + 1
        return list(range(start, start + count))


def _bulk_insert(model: type[models.Model], rows: Sequence[Mapping[str, Any]]) -> list[int]:
    """Insert ``rows`` (field attname → value) with one prepared INSERT run many times; returns their keys.

    ``QuerySet.bulk_create`` compiles SQL per row, and on SQLite at most 999 variables per statement (37 places);
    100,000 rows took minutes. The values are Django's own: a field missing from a row gets its model default,
    every auto_now field one timestamp for the batch (it is one transaction), and each field its database
    conversion where the driver needs one (each distinct value converted once).
    """
    if not rows:
        return []
    connection = transaction.get_connection()
    ids = _reserve_ids(model, len(rows))
    blank = model()
    now = timezone.now()
    columns: list[list[Any]] = []
    fields = list(model._meta.concrete_fields)
    for field in fields:
        if field.primary_key:
            columns.append(ids)
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            columns.append([field.get_db_prep_save(now, connection)] * len(rows))
            continue
        default = getattr(blank, field.attname)
        values = [row.get(field.attname, default) for row in rows]
        if field.get_internal_type() not in _PLAIN_TYPES:
            converted: dict[Any, Any] = {}
            prepared = []
            for value in values:
                try:
                    prepared.append(converted[value])
                except KeyError:
                    converted[value] = field.get_db_prep_save(value, connection)
                    prepared.append(converted[value])
                except TypeError:  # not hashable (JSON): convert each
                    prepared.append(field.get_db_prep_save(value, connection))
            values = prepared
        columns.append(values)
    qn = connection.ops.quote_name
    names = f"{qn(model._meta.db_table)} ({', '.join(qn(f.column) for f in fields)})"
    table = list(zip(*columns, strict=True))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY streams the rows without building (and client-side parsing) a statement per batch.
            with cursor.cursor.copy(f"COPY {names} FROM STDIN") as copy:
                for row in table:
                    copy.write_row(row)
        else:
            head, one = f"INSERT INTO {names} VALUES ", f"({', '.join(['%s'] * len(fields))})"
            # SQLite runs a prepared statement per row in-process: executemany is its fast path.
            for start in range(0, len(table), IMPORT_BATCH):
                cursor.executemany(head + one, table[start:start + IMPORT_BATCH])
    return ids


def _audit_value(value: Any) -> Any:
    """The JSON form audit.snapshot gives a field value (model → its name, Decimal/date → text)."""
    if isinstance(value, bool | int | str) or value is None:
        return value
    return str(value)
