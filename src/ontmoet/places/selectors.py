"""Reads of the register: filtered lists, the buurt of a point, type histories and the plan's caps."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from ontmoet.accounts.messages import NOT_FOUND
from ontmoet.accounts.models import User
from ontmoet.accounts.permissions import may_act_for
from ontmoet.accounts.roles import REGISTER_KEEPERS, Role
from ontmoet.core.plan import policy_plan
from ontmoet.domain.geo import Area, area_containing
from ontmoet.domain.register import CAPPED_KINDS, BoardCondition, PlaceKind, TypeEvent, board_condition
from ontmoet.places.fields import PUBLIC_FIELDS, REGISTER_FIELDS
from ontmoet.places.models import Board, BoardMember, MeetingPlace, Neighbourhood, PlaceTypeChange

ACCESSIBILITY_FACTS = ("step_free_entrance", "accessible_toilet", "hearing_loop", "disabled_parking")
#: Rows per page of the register (B5: 100,000 places were one 44 MB page).
PAGE_SIZE = 50


@dataclass(frozen=True)
class PlaceFilters:
    type: str = ""
    district: str = ""  # wijkcode
    neighbourhood: str = ""  # buurtcode
    accessibility: tuple[str, ...] = ()  # facts that must be true
    search: str = ""


def place_list(*, user: Any, filters: PlaceFilters | None = None, on: dt.date | None = None) -> QuerySet[MeetingPlace]:
    """The places ``user`` may see, with their type on ``on`` (today), filtered, by name."""
    f = filters or PlaceFilters()
    day = on or timezone.localdate()
    qs = (
        MeetingPlace.objects.visible_to(user)
        .with_type(day)
        .select_related("neighbourhood__district")
        # The outlines are large JSON documents and no list shows them.
        .defer("neighbourhood__geometry", "neighbourhood__district__geometry")
    )
    if f.type:
        # Through the type changes in force rather than a filter on the annotation: the annotation would be
        # computed for every place of the register before filtering (0.6 s for 100,000 places, now 0.09 s).
        qs = qs.filter(pk__in=type_entries_on(day).filter(to_type=f.type).values("place_id"))
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
    return qs.order_by("name", "pk")


def type_entries_on(day: dt.date) -> QuerySet[PlaceTypeChange]:
    """Per place the history entry that gives its type on ``day``: of the entries in force dated up to that day,
    the latest by (effective date, id), as ``with_type`` picks it."""
    entries = PlaceTypeChange.objects.in_force().filter(effective_date__lte=day)
    later = entries.filter(place=OuterRef("place")).filter(
        Q(effective_date__gt=OuterRef("effective_date"))
        | Q(effective_date=OuterRef("effective_date"), id__gt=OuterRef("id")))
    return entries.exclude(Exists(later))


def place_page(*, user: Any, filters: PlaceFilters | None = None, number: int | str | None = 1,
               per_page: int = PAGE_SIZE) -> Page[MeetingPlace]:
    """One page of :func:`place_list`; ``page.paginator.count`` is the number of places found.

    The page is found on the ids alone (sorting 100,000 narrow rows instead of whole places with their type
    and buurt), then only its places are read in full. A page number out of range gives the last page.
    """
    ids = place_list(user=user, filters=filters).values_list("pk", flat=True)
    page: Page[Any] = Paginator(ids, per_page).get_page(number)
    wanted = list(page.object_list)
    found = {p.pk: p for p in place_list(user=user).filter(pk__in=wanted)}
    page.object_list = [found[pk] for pk in wanted if pk in found]
    return page


def places_without_coordinates(places: QuerySet[MeetingPlace], *, limit: int = 100) -> tuple[list[MeetingPlace], int]:
    """The first ``limit`` of ``places`` that have no point on the map, and how many there are (A15: the map
    lists them beside it instead of leaving them out unseen)."""
    missing = places.filter(Q(latitude__isnull=True) | Q(longitude__isnull=True))
    return list(missing[:limit]), missing.count()


def place_counts_per_neighbourhood(places: QuerySet[MeetingPlace]) -> dict[str, int]:
    """How many of ``places`` lie in each buurt (by buurtcode), for the map of a large register."""
    rows = (places.order_by().exclude(neighbourhood=None).values_list("neighbourhood__code")
            .annotate(n=Count("id")))
    return dict(rows)


def place_get(*, user: Any, pk: int) -> MeetingPlace:
    """One place the user may see (404 otherwise, so that existence is not disclosed)."""
    return get_object_or_404(place_list(user=user).select_related("building", "board"), pk=pk)


def ensure_place_visible(*, user: Any, pk: int) -> None:
    """404 unless ``user`` may see the place (one narrow query; the page reads the place itself later)."""
    if not MeetingPlace.objects.visible_to(user).filter(pk=pk).exists():
        raise Http404(NOT_FOUND)


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
    capped = [k.value for k in CAPPED_KINDS]
    counts = dict(
        type_entries_on(on or timezone.localdate())
        .filter(to_type__in=capped)
        .values_list("to_type")
        .annotate(n=Count("id"))
    )
    caps = plan_caps()
    return [CapStatus(kind=k, count=counts.get(k.value, 0), cap=caps[k]) for k in CAPPED_KINDS]


_outlines_cache: dict[str, object] = {}


def reference_areas_version() -> str:
    """Changes when the buurten are loaded anew. They are reference data (a data migration, ADR 0007) that
    change only with a new CBS indeling; their count and highest id tell."""
    return "{n}-{m}".format(**Neighbourhood.objects.aggregate(n=Count("id"), m=Max("id")))


def _cached(key: str, compute: Any) -> Any:
    signature = reference_areas_version()
    entry = _outlines_cache.get(key)
    if entry is None or entry[0] != signature:  # type: ignore[index]
        entry = (signature, compute())
        _outlines_cache[key] = entry
    return entry[1]  # type: ignore[index]


def neighbourhood_outlines() -> list[Neighbourhood]:
    """The buurten with their outlines and wijk, by code, parsed once per process (the map draws them all)."""
    return _cached("outlines", lambda: list(neighbourhood_list()))  # type: ignore[no-any-return]


def area_choices(district: str = "") -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(wijken by code, buurten by name) as (code, name) for the filter forms, without a query per form; with a
    ``district`` (wijkcode) only that wijk's buurten (an unknown wijk narrows nothing)."""
    outlines = neighbourhood_outlines()
    districts = sorted({(n.district.code, n.district.name) for n in outlines})
    if district not in {code for code, _name in districts}:
        district = ""
    buurten = sorted(((n.code, n.name) for n in outlines if not district or n.district.code == district),
                     key=lambda c: (c[1], c[0]))
    return districts, buurten


def neighbourhood_areas() -> list[Area]:
    """The buurt outlines as domain areas (point in polygon), parsed once per process."""
    return _cached("areas", lambda: [  # type: ignore[no-any-return]
        Area(code=code, rings=tuple(tuple((float(x), float(y)) for x, y in ring) for ring in geometry["coordinates"]))
        for code, geometry in Neighbourhood.objects.values_list("code", "geometry")
    ])


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
