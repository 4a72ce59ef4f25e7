"""Reads of the public pages: the places anyone may see, found by place, area or distance, with their hours.

Only the register's public facts leave here (name, type, address, coordinates, buurt, description, opening
hours, accessibility, public contact); boards, buildings and the type history's reasons stay in the register.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Max, OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from ontmoet.activities.models import Activity, ActivitySeries
from ontmoet.core.versions import data_version
from ontmoet.domain.opening_hours import OpeningHours
from ontmoet.domain.walking import walking_m, walking_minutes
from ontmoet.finder import activities
from ontmoet.places.models import MeetingPlace, Neighbourhood, PlaceTypeChange
from ontmoet.places.opening_hours import PLACE_ZONE, now_local, parsed
from ontmoet.places.selectors import ACCESSIBILITY_FACTS, neighbourhood_outlines, type_entries_on

#: The list shows this many places at a time; the map shows every place found.
RESULTS_PER_PAGE = 25


@dataclass(frozen=True)
class Origin:
    """Where the resident starts: a point and what it is called ("uw locatie", a buurt, a postcode)."""

    latitude: float
    longitude: float
    label: str


@dataclass(frozen=True)
class FinderQuery:
    text: str = ""
    type: str = ""
    accessibility: tuple[str, ...] = ()
    open_now: bool = False
    open_on: dt.date | None = None
    origin: Origin | None = None
    neighbourhood: str = ""  # buurtcode chosen on the map: the places nearest to it first
    activities_this_week: bool = False  # only places with an activity in the coming seven days ...
    category: str = ""  # ... of this category (its name as shown)
    for_whom: str = ""  # ... for this target group (words in it)


@dataclass
class Found:
    place: MeetingPlace
    hours: OpeningHours | None
    distance_m: int | None = None
    minutes: int | None = None
    open_now: bool | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def public_places(on: dt.date | None = None) -> QuerySet[MeetingPlace]:
    """Every place of the register with its type today, for the public."""
    day = on or now_local().date()
    return (MeetingPlace.objects.with_type(day).select_related("neighbourhood__district")
            .defer("neighbourhood__geometry", "neighbourhood__district__geometry", "accessibility_notes",
                   "source_title", "source_url", "building_id")
            .order_by("name", "pk"))


def _latest_change(model: type[Activity] | type[ActivitySeries]) -> Subquery:
    return Subquery(model.objects.filter(place=OuterRef("pk")).order_by().values("place")
                    .annotate(m=Max("changed_at")).values("m")[:1])


def open_data_places(*, modified_after: dt.datetime | None = None) -> QuerySet[MeetingPlace]:
    """The places of the open data, each with when its activities and series last changed
    (``activity_changed``, ``series_changed``): a change to an activity is a change to the place's service."""
    places = public_places().annotate(activity_changed=_latest_change(Activity),
                                      series_changed=_latest_change(ActivitySeries))
    if modified_after is not None:
        places = places.filter(Q(updated_at__gt=modified_after) | Q(activity_changed__gt=modified_after)
                               | Q(series_changed__gt=modified_after))
    return places


def activities_changed(place: MeetingPlace) -> dt.datetime | None:
    """When the activities of an ``open_data_places`` place last changed."""
    known = [m for m in (getattr(place, "activity_changed", None), getattr(place, "series_changed", None)) if m]
    return max(known) if known else None


def public_place(pk: int) -> MeetingPlace:
    place = MeetingPlace.objects.with_type(now_local().date()).select_related("neighbourhood__district").filter(
        pk=pk).defer("neighbourhood__geometry", "neighbourhood__district__geometry").first()
    if place is None:
        raise Http404
    return place


def area_origin(text: str) -> Origin | None:
    """A buurt or wijk whose name is ``text`` (case and spaces aside) as a starting point: its label point (the
    wijk's: the mean of its buurten's)."""
    wanted = " ".join(text.lower().split())
    if not wanted:
        return None
    outlines = neighbourhood_outlines()
    for n in outlines:
        if n.name.lower() == wanted:
            return Origin(float(n.label_latitude), float(n.label_longitude), n.name)
    district = [n for n in outlines if n.district.name.lower() == wanted]
    if district:
        return Origin(sum(float(n.label_latitude) for n in district) / len(district),
                      sum(float(n.label_longitude) for n in district) / len(district), district[0].district.name)
    return None


def neighbourhood_origin(code: str) -> Origin | None:
    n = next((n for n in neighbourhood_outlines() if n.code == code), None)
    return Origin(float(n.label_latitude), float(n.label_longitude), n.name) if n else None


def _postcode_origin(places: list[MeetingPlace], text: str) -> Origin | None:
    """A postcode (6211 or 6211 AB) as a starting point: the middle of the places that share its digits."""
    compact = text.replace(" ", "").upper()
    if not (len(compact) in (4, 6) and compact[:4].isdigit()):
        return None
    near = [(float(p.latitude), float(p.longitude)) for p in places
            if p.latitude is not None and p.longitude is not None
            and p.postcode.replace(" ", "").upper()[:4] == compact[:4]]
    if not near:
        return None
    return Origin(sum(lat for lat, _lon in near) / len(near), sum(lon for _lat, lon in near) / len(near),
                  text.upper())


def find(query: FinderQuery, *, moment: dt.datetime | None = None) -> tuple[list[Found], Origin | None]:
    """The places that match, nearest first when there is a starting point (else by name), and that point.

    Free text is a place's name, street or postcode, or the name of a buurt or wijk (then the places are sorted
    by the walk from that area's middle rather than narrowed to text matches)."""
    now = (moment or now_local()).astimezone(PLACE_ZONE)
    qs = public_places(now.date())
    if query.type:
        qs = qs.filter(pk__in=type_entries_on(now.date()).filter(to_type=query.type).values("place_id"))
    if query.activities_this_week or query.category or query.for_whom:
        qs = qs.filter(pk__in=_places_with_activities(query, now.date()))
    for fact in query.accessibility:
        if fact in ACCESSIBILITY_FACTS:
            qs = qs.filter(**{fact: True})
    origin = query.origin or (neighbourhood_origin(query.neighbourhood) if query.neighbourhood else None)
    text = query.text.strip()
    if text and origin is None:
        origin = area_origin(text)
        if origin is None:
            everything = list(qs)
            origin = _postcode_origin(everything, text)
            if origin is None:
                for word in text.split():
                    qs = qs.filter(Q(name__icontains=word) | Q(street__icontains=word) | Q(postcode__icontains=word)
                                   | Q(neighbourhood__name__icontains=word)
                                   | Q(neighbourhood__district__name__icontains=word))
    found = []
    for place in qs:
        hours = parsed(place.opening_hours)
        item = Found(place=place, hours=hours, open_now=hours.is_open(now.replace(tzinfo=None)) if hours else None)
        if query.open_now and not item.open_now:
            continue
        if query.open_on is not None and not (hours and hours.open_on(query.open_on)):
            continue
        if origin is not None and place.latitude is not None and place.longitude is not None:
            item.distance_m = walking_m(origin.latitude, origin.longitude, float(place.latitude),
                                        float(place.longitude))
            item.minutes = walking_minutes(item.distance_m)
        found.append(item)
    if origin is not None:
        found.sort(key=lambda f: (f.distance_m is None, f.distance_m or 0, f.place.name))
    return found, origin


def _places_with_activities(query: FinderQuery, today: dt.date) -> set[int]:
    wanted = query.category.strip().lower()
    week = activities.coming_days(today=today, days=7)
    return {o.place_pk for o in week
            if not o.cancelled
            and (not wanted or wanted in (o.category.lower(), o.category_code.lower()))
            and (not query.for_whom or query.for_whom.lower() in o.for_whom.lower())}


def public_version() -> str:
    """Changes whenever something a public page shows may have changed: the data version (raised after every
    committed state change: a place, its type, its activities; ADR 0030) and the day (a type takes effect at
    midnight). One primary-key read; the pages' ETag and their short cache are keyed on it (ADR 0602). The
    buurten are reference data that change only with a migration, after which the server starts anew."""
    parts = [data_version(), now_local().date()]
    return hashlib.blake2s(repr(parts).encode(), digest_size=12).hexdigest()


def last_modified() -> dt.datetime | None:
    """When the public data last changed: the latest change of a place or a type entry."""
    stamps = [MeetingPlace.objects.aggregate(m=Max("updated_at"))["m"],
              PlaceTypeChange.objects.aggregate(m=Max("recorded_at"))["m"], *_extra_stamps()]
    known = [s for s in stamps if s is not None]
    return max(known) if known else None


def _extra_stamps() -> list[dt.datetime | None]:
    """When what other capabilities add to the public pages last changed: the activities and their series."""
    return [activities.last_changed()]


def buurt_names() -> list[Neighbourhood]:
    return sorted(neighbourhood_outlines(), key=lambda n: n.name)
