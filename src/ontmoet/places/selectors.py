"""Reads of the register: filtered lists, the buurt of a point, type histories and the plan's caps."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from ontmoet.accounts.models import User
from ontmoet.accounts.permissions import may_act_for
from ontmoet.accounts.roles import REGISTER_KEEPERS, Role
from ontmoet.core.plan import policy_plan
from ontmoet.domain.geo import Area, area_containing
from ontmoet.domain.register import CAPPED_KINDS, BoardCondition, PlaceKind, TypeEvent, board_condition
from ontmoet.places.fields import PUBLIC_FIELDS, REGISTER_FIELDS
from ontmoet.places.models import Board, BoardMember, MeetingPlace, Neighbourhood, PlaceTypeChange

ACCESSIBILITY_FACTS = ("step_free_entrance", "accessible_toilet", "hearing_loop", "disabled_parking")


@dataclass(frozen=True)
class PlaceFilters:
    type: str = ""
    district: str = ""  # wijkcode
    neighbourhood: str = ""  # buurtcode
    accessibility: tuple[str, ...] = ()  # facts that must be true
    search: str = ""


def place_list(*, user: Any, filters: PlaceFilters | None = None, on: dt.date | None = None) -> QuerySet[MeetingPlace]:
    """The places ``user`` may see, with their type on ``on`` (today), filtered."""
    f = filters or PlaceFilters()
    qs = (
        MeetingPlace.objects.visible_to(user)
        .with_type(on)
        .select_related("neighbourhood__district", "building")
    )
    if f.type:
        qs = qs.filter(**{"type": f.type})  # the annotation of with_type(), unseen by the type checker
    if f.district:
        qs = qs.filter(neighbourhood__district__code=f.district)
    if f.neighbourhood:
        qs = qs.filter(neighbourhood__code=f.neighbourhood)
    for fact in f.accessibility:
        if fact in ACCESSIBILITY_FACTS:
            qs = qs.filter(**{fact: True})
    # Every word must match the name or the street ("demohuis linde" finds "Demohuis De Linde").
    for word in f.search.split():
        qs = qs.filter(Q(name__icontains=word) | Q(street__icontains=word))
    return qs.order_by("name")


def place_get(*, user: Any, pk: int) -> MeetingPlace:
    """One place the user may see (404 otherwise, so that existence is not disclosed)."""
    return get_object_or_404(place_list(user=user), pk=pk)


def can_edit_public_info(user: User, place: MeetingPlace) -> bool:
    """Register keepers edit every place; a board member the public information of the places they act for."""
    if user.has_role(*REGISTER_KEEPERS):
        return True
    return user.has_role(Role.BOARD_MEMBER) and may_act_for(user, place)


def editable_fields(user: User, place: MeetingPlace | None) -> tuple[str, ...]:
    """The facts of ``place`` that ``user`` may change (none when they may not edit it at all)."""
    if user.has_role(*REGISTER_KEEPERS):
        return REGISTER_FIELDS
    if place is not None and can_edit_public_info(user, place):
        return PUBLIC_FIELDS
    return ()


def board_condition_of(place: MeetingPlace, *, without: BoardMember | None = None) -> BoardCondition | None:
    """The Ogh board condition as it stands: members counted now against the plan's minimum, and the dated
    check (None when the place has no board record). ``without`` shows what removing a member would mean."""
    board = Board.objects.filter(place=place).first()
    if board is None:
        return None
    members = board.members.exclude(pk=without.pk) if without is not None else board.members.all()
    return board_condition(member_count=members.count(),
                           minimum=int(policy_plan().assessment.min_board_members.value),
                           checked=board.board_condition_met, checked_on=board.board_condition_checked_on)


def place_type_history(place: MeetingPlace) -> QuerySet[PlaceTypeChange]:
    """Every entry of the type history, corrected and retracted ones included (it is append-only), each with
    ``in_force`` (counts) and ``superseded`` (corrected or retracted by a later entry)."""
    superseded = PlaceTypeChange.objects.filter(supersedes=OuterRef("pk"))
    return (place.type_history.select_related("recorded_by", "supersedes")
            .annotate(superseded=Exists(superseded))
            .order_by("effective_date", "id"))


def type_horizon() -> dt.date:
    """The last day a type change may be dated on: the end of the plan's last year."""
    return dt.date(max(policy_plan().years), 12, 31)


def type_histories(place_ids: list[int] | None = None, *,
                   exclude_entry: int | None = None) -> dict[int, list[TypeEvent]]:
    """The type history in force of every place (or of ``place_ids``) as domain events (for the cap check);
    ``exclude_entry`` leaves out the entry a correction is about to replace."""
    rows = PlaceTypeChange.objects.in_force()
    if place_ids is not None:
        rows = rows.filter(place_id__in=place_ids)
    if exclude_entry is not None:
        rows = rows.exclude(pk=exclude_entry)
    histories: dict[int, list[TypeEvent]] = {}
    for place_id, effective, kind in rows.values_list("place_id", "effective_date", "to_type"):
        histories.setdefault(place_id, []).append(TypeEvent(effective=effective, kind=PlaceKind(kind)))
    return histories


def plan_caps() -> dict[PlaceKind, int]:
    caps = policy_plan().places
    return {PlaceKind.MEETING_CENTRE: caps.max_meeting_centres,
            PlaceKind.NEIGHBOURHOOD_HOUSE: caps.max_neighbourhood_houses}


@dataclass(frozen=True)
class CapStatus:
    kind: PlaceKind
    count: int
    cap: int

    @property
    def remaining(self) -> int:
        return self.cap - self.count


def cap_status(on: dt.date | None = None) -> list[CapStatus]:
    """How many OC and HvdW there are on a day against the plan's maximum (shown on the register)."""
    counts = dict(
        MeetingPlace.objects.of_type([k.value for k in CAPPED_KINDS], on or timezone.localdate())
        .values_list("type")  # type: ignore[misc]  # the with_type() annotation
        .annotate(n=Count("id"))
    )
    caps = plan_caps()
    return [CapStatus(kind=k, count=counts.get(k.value, 0), cap=caps[k]) for k in CAPPED_KINDS]


_areas_cache: dict[str, Any] = {}


def neighbourhood_areas() -> list[Area]:
    """The buurt outlines as domain areas, kept in memory: reference data that change only with a new CBS
    indeling (a data migration), which the cache notices by the table's row count and highest id."""
    signature = tuple(Neighbourhood.objects.aggregate(n=Count("id"), m=Max("id")).values())
    if _areas_cache.get("signature") != signature:
        _areas_cache["areas"] = [
            Area(code=code,
                 rings=tuple(tuple((float(x), float(y)) for x, y in ring) for ring in geometry["coordinates"]))
            for code, geometry in Neighbourhood.objects.values_list("code", "geometry")
        ]
        _areas_cache["signature"] = signature
    areas: list[Area] = _areas_cache["areas"]
    return areas


def neighbourhood_code_at(latitude: Decimal | float, longitude: Decimal | float) -> str | None:
    """The CBS code of the buurt whose outline holds the point (point-in-polygon), or None outside Maastricht.
    The one answer to "which buurt holds this point" for every part of Ontmoet."""
    return area_containing(neighbourhood_areas(), float(longitude), float(latitude))


def neighbourhood_for_point(latitude: Decimal | float, longitude: Decimal | float) -> Neighbourhood | None:
    """The buurt whose outline holds the point, or None outside Maastricht."""
    code = neighbourhood_code_at(latitude, longitude)
    return Neighbourhood.objects.select_related("district").get(code=code) if code else None


def neighbourhood_list() -> QuerySet[Neighbourhood]:
    return Neighbourhood.objects.select_related("district").order_by("code")
