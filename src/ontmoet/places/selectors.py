"""Reads of the register: filtered lists, the buurt of a point, type histories and the plan's caps."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from ontmoet.domain.geo import Area, area_containing
from ontmoet.domain.register import CAPPED_KINDS, PlaceKind, TypeEvent
from ontmoet.places.models import MeetingPlace, Neighbourhood, PlaceTypeChange

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
        qs = qs.filter(type=f.type)
    if f.district:
        qs = qs.filter(neighbourhood__district__code=f.district)
    if f.neighbourhood:
        qs = qs.filter(neighbourhood__code=f.neighbourhood)
    for fact in f.accessibility:
        if fact in ACCESSIBILITY_FACTS:
            qs = qs.filter(**{fact: True})
    if f.search:
        qs = qs.filter(Q(name__icontains=f.search) | Q(street__icontains=f.search))
    return qs.order_by("name")


def place_get(*, user: Any, pk: int) -> MeetingPlace:
    """One place the user may see (404 otherwise, so that existence is not disclosed)."""
    return get_object_or_404(place_list(user=user), pk=pk)


def place_type_history(place: MeetingPlace) -> QuerySet[PlaceTypeChange]:
    return place.type_history.select_related("recorded_by").order_by("effective_date", "id")


def type_histories(place_ids: list[int] | None = None) -> dict[int, list[TypeEvent]]:
    """The type history of every place (or of ``place_ids``) as domain events (for the cap check)."""
    rows = PlaceTypeChange.objects.all()
    if place_ids is not None:
        rows = rows.filter(place_id__in=place_ids)
    histories: dict[int, list[TypeEvent]] = {}
    for place_id, effective, kind in rows.values_list("place_id", "effective_date", "to_type"):
        histories.setdefault(place_id, []).append(TypeEvent(effective=effective, kind=PlaceKind(kind)))
    return histories


def plan_caps() -> dict[PlaceKind, int]:
    caps = settings.POLICY_PLAN.places
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
        MeetingPlace.objects.with_type(on or timezone.localdate())
        .filter(type__in=[k.value for k in CAPPED_KINDS])
        .values_list("type")
        .annotate(n=Count("id"))
    )
    caps = plan_caps()
    return [CapStatus(kind=k, count=counts.get(k.value, 0), cap=caps[k]) for k in CAPPED_KINDS]


def neighbourhood_areas() -> list[Area]:
    """The buurt outlines as domain areas (44 polygons; read once per call, cheap)."""
    return [
        Area(code=code, rings=tuple(tuple((float(x), float(y)) for x, y in ring) for ring in geometry["coordinates"]))
        for code, geometry in Neighbourhood.objects.values_list("code", "geometry")
    ]


def neighbourhood_for_point(latitude: Decimal | float, longitude: Decimal | float,
                            areas: list[Area] | None = None) -> Neighbourhood | None:
    """The buurt whose outline contains the point (point-in-polygon), or None outside Maastricht."""
    code = area_containing(areas if areas is not None else neighbourhood_areas(), float(longitude), float(latitude))
    return Neighbourhood.objects.select_related("district").get(code=code) if code else None


def neighbourhood_list() -> QuerySet[Neighbourhood]:
    return Neighbourhood.objects.select_related("district").order_by("code")
