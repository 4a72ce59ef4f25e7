"""Writes to the register. Each service is one atomic transaction with its audit event (architecture.md)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ontmoet.accounts.models import User
from ontmoet.accounts.permissions import ensure_role
from ontmoet.accounts.roles import REGISTER_KEEPERS, Role
from ontmoet.core.audit import audit_record, snapshot
from ontmoet.core.tabular import RowProblem
from ontmoet.domain.register import CAPPED_KINDS, PlaceKind, TypeEvent, cap_breaches, kind_on
from ontmoet.places import errors
from ontmoet.places.importing import ImportReport, check_rows, read_table
from ontmoet.places.models import Board, BoardMember, Building, MeetingPlace, Neighbourhood, PlaceTypeChange
from ontmoet.places.selectors import neighbourhood_areas, neighbourhood_for_point, plan_caps, type_histories
from ontmoet.places.types import PlaceType

#: What a board may change about its own place: only the public information (domain.md §1).
PUBLIC_FIELDS = (
    "description", "opening_hours", "public_email", "public_phone", "website",
    "step_free_entrance", "accessible_toilet", "hearing_loop", "disabled_parking", "accessibility_notes",
)
#: What an officer may change besides the public information.
REGISTER_FIELDS = (
    "name", "street", "house_number", "postcode", "city", "latitude", "longitude", "neighbourhood", "source",
    *PUBLIC_FIELDS,
)
BUILDING_FIELDS = ("name", "owner_kind", "owner_name", "energy_label", "sustainability_measures")
BOARD_FIELDS = ("legal_name", "kvk_number", "based_in_maastricht", "board_condition_met",
                "board_condition_checked_on", "kvk_matches", "kvk_checked_on")


def _ensure_keeper(by: User | None) -> None:
    """Officers keep the register; ``by=None`` is the system itself (CLI import, demo loader), also audited."""
    if by is not None:
        ensure_role(by, REGISTER_KEEPERS)


def can_edit_public_info(user: User, place: MeetingPlace) -> bool:
    if user.has_role(*REGISTER_KEEPERS):
        return True
    return user.has_role(Role.BOARD_MEMBER) and place.board_accounts.filter(pk=user.pk).exists()


def editable_fields(user: User, place: MeetingPlace | None) -> tuple[str, ...]:
    if user.has_role(*REGISTER_KEEPERS):
        return REGISTER_FIELDS
    if place is not None and can_edit_public_info(user, place):
        return PUBLIC_FIELDS
    return ()


def _derive_neighbourhood(values: dict[str, Any]) -> None:
    """Fill the buurt from the coordinates when it is not given (point in polygon, domain.geo)."""
    lat, lon = values.get("latitude"), values.get("longitude")
    if (lat is None) != (lon is None):
        raise ValidationError({"latitude": errors.COORDINATES_PAIR})
    if lat is not None and not values.get("neighbourhood"):
        buurt = neighbourhood_for_point(Decimal(lat), Decimal(lon))
        if buurt is None:
            raise ValidationError({"latitude": errors.OUTSIDE_MAASTRICHT})
        values["neighbourhood"] = buurt


@transaction.atomic
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
    """Register a place with its first type event. ``by=None`` only for the demo loader and imports by CLI."""
    _ensure_keeper(by)
    clean = {k: v for k, v in values.items() if k in REGISTER_FIELDS}
    _derive_neighbourhood(clean)
    place = MeetingPlace(is_demo=is_demo, **clean)
    place.full_clean()
    place.save()
    after = {**snapshot(place, REGISTER_FIELDS), "is_demo": is_demo}
    audit_record(action="place_create", obj=place, by=by, after=after)
    _record_type(place=place, to=PlaceKind(type), effective_date=effective_date, by=by,
                 reason=reason or _("Opgenomen in het register"), cap_override=cap_override)
    return place


@transaction.atomic
def place_update(*, place: MeetingPlace, values: Mapping[str, Any], by: User) -> MeetingPlace:
    """Change the facts of a place; a board member may only change the public information of their own place."""
    allowed = editable_fields(by, place)
    if not allowed:
        raise PermissionDenied(_("U mag deze plek niet wijzigen."))
    place = MeetingPlace.objects.select_for_update().get(pk=place.pk)
    changes = {k: v for k, v in values.items() if k in allowed}
    moved = any(k in changes and changes[k] != getattr(place, k) for k in ("latitude", "longitude"))
    buurt_chosen = "neighbourhood" in changes and changes["neighbourhood"] != place.neighbourhood
    if moved and not buurt_chosen:
        # New coordinates without an explicitly chosen buurt: the buurt follows the point.
        merged = {"latitude": place.latitude, "longitude": place.longitude, **changes, "neighbourhood": None}
        _derive_neighbourhood(merged)
        changes = {**changes, "neighbourhood": merged["neighbourhood"]}
    before = snapshot(place, changes)
    for key, value in changes.items():
        setattr(place, key, value)
    place.full_clean()
    place.save()
    audit_record(action="place_update", obj=place, by=by, before=before, after=snapshot(place, changes))
    return place


def _record_type(*, place: MeetingPlace, to: PlaceKind, effective_date: dt.date, by: User | None, reason: str,
                 cap_override: bool) -> PlaceTypeChange:
    own = type_histories(place_ids=[place.pk]).get(place.pk, [])
    current = kind_on(own, effective_date)
    if current == to:
        raise ValidationError({"to_type": errors.SAME_TYPE})
    # Only a change *to* a capped kind can pass a cap; the whole register is read only then.
    breaches = cap_breaches(type_histories(), plan_caps(), changed_place=place.pk,
                            change=TypeEvent(effective=effective_date, kind=to)) if to in CAPPED_KINDS else []
    if breaches and not cap_override:
        b = breaches[0]
        raise ValidationError({"to_type": errors.CAP_EXCEEDED % {
            "kind": PlaceType(b.kind.value).label, "count": b.count, "day": b.day.strftime("%d-%m-%Y"), "cap": b.cap}})
    if breaches and not reason.strip():
        raise ValidationError({"reason": errors.OVERRIDE_NEEDS_REASON})
    change = PlaceTypeChange.objects.create(
        place=place, from_type=current.value if current else "", to_type=to.value, effective_date=effective_date,
        reason=reason, cap_override=bool(breaches), recorded_by=by,
    )
    audit_record(
        action="place_cap_override" if breaches else "place_change_type", obj=place, by=by,
        before={"type": current.value if current else None},
        after={"type": to.value, "effective_date": effective_date}, reason=reason,
    )
    return change


@transaction.atomic
def place_change_type(*, place: MeetingPlace, to: PlaceKind | str, effective_date: dt.date, reason: str,
                      by: User, cap_override: bool = False) -> PlaceTypeChange:
    """Record a dated type change, e.g. a board's choice to become an OC (seed §6, Bouwsteen 1).

    A change that would pass the plan's maximum of OC or HvdW on any day from its effective date is refused,
    unless the officer overrides it explicitly with a reason; the override is audited as such.
    """
    ensure_role(by, REGISTER_KEEPERS)
    # The cap check and the new event must be one step: lock the register's rows so that two officers
    # recording changes at once cannot pass the maximum together.
    list(MeetingPlace.objects.select_for_update().only("pk"))
    return _record_type(place=place, to=PlaceKind(to), effective_date=effective_date, by=by, reason=reason,
                        cap_override=cap_override)


@transaction.atomic
def place_change_type_system(*, place: MeetingPlace, to: PlaceKind | str, effective_date: dt.date,
                             reason: str) -> PlaceTypeChange:
    """A type change recorded by the system itself (demo data, migrations of legacy data); audited as such."""
    return _record_type(place=place, to=PlaceKind(to), effective_date=effective_date, by=None, reason=reason,
                        cap_override=False)


@transaction.atomic
def building_save(*, place: MeetingPlace, values: Mapping[str, Any], by: User | None) -> Building:
    """Create or change the building of a place (owner, energy label, measures)."""
    _ensure_keeper(by)
    building = place.building or Building()
    changes = {k: v for k, v in values.items() if k in BUILDING_FIELDS}
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


@transaction.atomic
def board_save(*, place: MeetingPlace, values: Mapping[str, Any], by: User | None) -> Board:
    """Create or change the board record with the Ogh checks (stored as yes/no with a date)."""
    _ensure_keeper(by)
    board, _created = Board.objects.get_or_create(place=place)
    changes = {k: v for k, v in values.items() if k in BOARD_FIELDS}
    before = snapshot(board, changes)
    for key, value in changes.items():
        setattr(board, key, value)
    board.full_clean()
    board.save()
    audit_record(action="board_save", obj=place, by=by, before=before, after=snapshot(board, changes))
    return board


@transaction.atomic
def board_member_add(*, place: MeetingPlace, name: str, role: str, contact: str, by: User | None) -> BoardMember:
    _ensure_keeper(by)
    board, _created = Board.objects.get_or_create(place=place)
    member = BoardMember(board=board, name=name, role=role, contact=contact)
    member.full_clean()
    member.save()
    audit_record(action="board_member_add", obj=place, by=by, after={"member": str(member)})
    return member


@transaction.atomic
def board_member_remove(*, member: BoardMember, by: User | None) -> None:
    _ensure_keeper(by)
    place = member.board.place
    audit_record(action="board_member_remove", obj=place, by=by, before={"member": str(member)})
    member.delete()


@transaction.atomic
def board_account_link(*, place: MeetingPlace, user: User, by: User | None) -> None:
    """Link a board member's account to a place, so that they may act for it."""
    if by is not None:
        ensure_role(by, {Role.ADMINISTRATOR})
    place.board_accounts.add(user)
    audit_record(action="board_account_link", obj=place, by=by, after={"account": user.get_username()})


def places_import(*, content: bytes, filename: str, by: User | None, dry_run: bool = False,
                  effective_date: dt.date | None = None) -> ImportReport:
    """Import a register file all-or-nothing: nothing is written unless every row is good.

    Returns the report; with problems (or ``dry_run``) the database is untouched. ``by=None`` is the CLI.
    """
    _ensure_keeper(by)
    report = check_rows(read_table(content, filename), areas=neighbourhood_areas(),
                        neighbourhood_codes=set(Neighbourhood.objects.values_list("code", flat=True)))
    if not report.ok or dry_run:
        return report
    neighbourhoods = {n.code: n for n in Neighbourhood.objects.all()}
    day = effective_date or timezone.localdate()
    with transaction.atomic():
        for index, row in enumerate(report.rows, start=2):
            values = {k: v for k, v in row.items() if k not in ("type", "neighbourhood_code")}
            code = row.get("neighbourhood_code")
            values["neighbourhood"] = neighbourhoods[code] if code else None
            try:
                place_create(values=values, type=row["type"], effective_date=day, by=None,
                             reason=_("Geïmporteerd uit %(file)s") % {"file": filename})
            except ValidationError as exc:
                # A rule of the register (e.g. the plan's cap) refuses this row: undo the whole import.
                report.problems.extend(
                    RowProblem(row=index, column=column, message=" ".join(str(m) for m in messages))
                    for column, messages in exc.message_dict.items())
                transaction.set_rollback(True)
                return report
    return report
