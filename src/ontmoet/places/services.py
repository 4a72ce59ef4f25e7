"""Writes to the register. Each service is one door (``accounts.doors.state_change``): role checked, one atomic
transaction, one audit event with the acting user.

Validation lives here and on the model fields, once, so the page, the API, the import and the CLI accept and
refuse the same things (``full_clean`` runs the field validators of ``core.validators``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ontmoet.accounts.doors import state_change
from ontmoet.accounts.models import User
from ontmoet.accounts.permissions import ensure_acts_for
from ontmoet.accounts.roles import PLACE_EDITORS, REGISTER_KEEPERS
from ontmoet.core.audit import audit_record, nothing_changed, snapshot
from ontmoet.core.locks import REGISTER_TYPES, serialise
from ontmoet.core.tabular import RowProblem
from ontmoet.core.validators import normalise_postcode
from ontmoet.domain.register import CAPPED_KINDS, PlaceKind, TypeEvent, cap_breaches, kind_on
from ontmoet.places import errors
from ontmoet.places.fields import BOARD_FIELDS, BUILDING_FIELDS, REGISTER_FIELDS, field_labels
from ontmoet.places.importing import ImportReport, check_rows, read_table
from ontmoet.places.models import Board, BoardMember, Building, MeetingPlace, Neighbourhood, PlaceTypeChange
from ontmoet.places.selectors import (
    editable_fields,
    neighbourhood_areas,
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


def _check_type_date(place: MeetingPlace | None, effective_date: dt.date, *, field: str = "effective_date") -> None:
    """A type entry lies within the plan's horizon and never before the place's first entry."""
    horizon = type_horizon()
    if effective_date > horizon:
        raise ValidationError({field: errors.TYPE_DATE_BEYOND_HORIZON % {"horizon": horizon.strftime("%d-%m-%Y")}})
    if place is None:
        return
    first = PlaceTypeChange.objects.in_force().filter(place=place).order_by("effective_date", "id").first()
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
    _check_type_date(place, effective_date)
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
        before={"type": current.value if current else None,
                **({"effective_date": supersedes.effective_date} if supersedes else {})},
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
                  effective_date: dt.date | None = None) -> ImportReport:
    """Import a register file all-or-nothing: nothing is written unless every row is good.

    Returns the report; with problems (or ``dry_run``) the database is untouched. ``by=None`` is the CLI.
    """
    report = check_rows(read_table(content, filename), areas=neighbourhood_areas(),
                        neighbourhood_codes=set(Neighbourhood.objects.values_list("code", flat=True)))
    if not report.ok or dry_run:
        nothing_changed()
        return report
    neighbourhoods = {n.code: n for n in Neighbourhood.objects.all()}
    day = effective_date or timezone.localdate()
    for index, row in enumerate(report.rows, start=2):
        values = {k: v for k, v in row.items() if k not in ("type", "neighbourhood_code")}
        code = row.get("neighbourhood_code")
        values["neighbourhood"] = neighbourhoods[code] if code else None
        try:
            place_create(values=values, type=row["type"], effective_date=day, by=by,
                         reason=_("Geïmporteerd uit %(file)s") % {"file": filename})
        except ValidationError as exc:
            # A rule of the register (e.g. the plan's cap) refuses this row: undo the whole import.
            report.problems.extend(
                RowProblem(row=index, column=column, message=" ".join(str(m) for m in messages))
                for column, messages in exc.message_dict.items())
            transaction.set_rollback(True)
            nothing_changed()
            return report
    return report
