"""The register's public facts as Open Referral HSDS 3.0 (ADR 0603).

Each place is one ``organization`` (the place as the residents know it; its board's legal person is not a
public fact of the register), one ``service`` ("meeting and taking part"), one ``location`` with its
``address``, ``accessibility``, ``schedules`` and ``phones``, and the ``service_at_location`` between them.
The place's activities of the coming weeks are ``schedules`` of that ``service_at_location``: one per run of dates
that follow one weekly rule (``finder.activities.runs``), so a cancelled date is in no schedule (HSDS has no
EXDATE). Identifiers are UUIDs derived from the place's id, so they stay the same between exports. Times carry
the IANA zone ``Europe/Amsterdam``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from ontmoet.domain.opening_hours import DAYS, Span, holiday_spans, week_table
from ontmoet.finder.activities import Run
from ontmoet.places.models import MeetingPlace
from ontmoet.places.opening_hours import parsed

ZONE = "Europe/Amsterdam"
#: A fixed namespace: the same place always gets the same identifiers.
NAMESPACE = uuid.UUID("5b3d2c1e-8f0a-4c53-9d2e-0e6f3b7a9c41")
#: HSDS 3.0's ``timezone`` is one fixed UTC offset, which Maastricht's hours do not have (CET and CEST); the
#: times are wall-clock times in the IANA zone, said in words (ADR 0603).
LOCAL_TIME = f"Times are local time in {ZONE} (IANA time zone)."
RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
assert len(RRULE_DAYS) == len(DAYS)
#: The accessibility facts with their OpenStreetMap tag, the words HSDS publishes.
OSM_TAGS = {
    "step_free_entrance": ("wheelchair", "Step-free entrance (OpenStreetMap wheelchair=yes)"),
    "accessible_toilet": ("toilets:wheelchair", "Accessible toilet (OpenStreetMap toilets:wheelchair=yes)"),
    "hearing_loop": ("hearing_loop", "Hearing loop (OpenStreetMap hearing_loop=yes)"),
    "disabled_parking": ("capacity:disabled", "Disabled parking (OpenStreetMap capacity:disabled=yes)"),
}


def ident(place_pk: int, kind: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{place_pk}"))


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def osm_tags(place: MeetingPlace) -> dict[str, str]:
    """The accessibility facts as OpenStreetMap tags (yes/no; unknown facts are left out)."""
    tags = {}
    for name, (tag, _words) in OSM_TAGS.items():
        value = getattr(place, name)
        if value is not None:
            tags[tag] = "yes" if value else "no"
    return tags


def schedules(place: MeetingPlace, *, service: bool = False) -> list[dict[str, Any]]:
    """The opening hours as HSDS schedules: one weekly rule per span of a weekday (RFC 5545 BYDAY)."""
    hours = parsed(place.opening_hours)
    if hours is None:
        return []
    owner = {"service_id": ident(place.pk, "service")} if service else {"location_id": ident(place.pk, "location")}
    out = []
    for weekday, spans in week_table(hours):
        for span in spans:
            out.append({
                "id": ident(place.pk, f"schedule:{'s' if service else 'l'}:{weekday}:{span.start}"), **owner,
                "freq": "WEEKLY", "interval": 1, "byday": RRULE_DAYS[weekday], "wkst": "MO",
                "opens_at": Span.clock(span.start), "closes_at": Span.clock(span.end) if span.end <= 1440
                else Span.clock(span.end - 1440),
                "description": f"{ZONE}: {place.opening_hours}", "notes": LOCAL_TIME,
                "attending_type": "in_person",
            })
    if holiday_spans(hours) == ():
        out.append({"id": ident(place.pk, f"schedule:{'s' if service else 'l'}:ph"), **owner,
                    "notes": "Closed on Dutch public holidays (OpenStreetMap: PH off).",
                    "description": f"{ZONE}: {place.opening_hours}"})
    return out


def activity_schedules(place: MeetingPlace, activities: list[Run]) -> list[dict[str, Any]]:
    """The activities as schedules of the service at the place: weekly from ``dtstart`` until ``until`` with
    their interval and ``count`` of dates; the title and for whom in words."""
    owner = ident(place.pk, "service_at_location")
    out = []
    for run in activities:
        words = [run.title, *(w for w in (run.category, run.for_whom and f"voor {run.for_whom}") if w)]
        item: dict[str, Any] = {
            "id": ident(place.pk, f"schedule:activity:{run.key}"), "service_at_location_id": owner,
            "valid_from": run.first.isoformat(), "valid_to": run.last.isoformat(),
            "dtstart": run.first.isoformat(), "until": run.last.isoformat(), "count": run.count,
            "freq": "WEEKLY", "interval": run.interval_weeks, "byday": RRULE_DAYS[run.first.weekday()],
            "wkst": "MO", "description": " — ".join(words), "notes": LOCAL_TIME, "attending_type": "in_person",
        }
        if run.start is not None:
            item["opens_at"] = run.start.strftime("%H:%M")
        if run.end is not None:
            item["closes_at"] = run.end.strftime("%H:%M")
        out.append(item)
    return out


def address(place: MeetingPlace) -> list[dict[str, Any]]:
    if not (place.street or place.postcode):
        return []
    return [{
        "id": ident(place.pk, "address"), "location_id": ident(place.pk, "location"),
        "address_1": " ".join(p for p in (place.street, place.house_number) if p), "city": place.city,
        "region": "Limburg", "state_province": "Limburg", "postal_code": place.postcode or "", "country": "NL",
        "address_type": "physical",
    }]


def accessibility(place: MeetingPlace) -> list[dict[str, Any]]:
    out = []
    for name, (tag, words) in OSM_TAGS.items():
        value = getattr(place, name)
        if value is None:
            continue
        out.append({"id": ident(place.pk, f"accessibility:{name}"), "location_id": ident(place.pk, "location"),
                    "description": words if value else f"No: {words}", "details": f"{tag}={'yes' if value else 'no'}"})
    if place.accessibility_notes:
        out.append({"id": ident(place.pk, "accessibility:notes"), "location_id": ident(place.pk, "location"),
                    "description": place.accessibility_notes})
    return out


def phones(place: MeetingPlace, **owner: str) -> list[dict[str, Any]]:
    if not place.public_phone:
        return []
    return [{"id": ident(place.pk, f"phone:{next(iter(owner))}"), **owner, "number": place.public_phone,
             "languages": []}]


def organization(place: MeetingPlace, base_url: str) -> dict[str, Any]:
    data: dict[str, Any] = {"id": ident(place.pk, "organization"), "name": place.name,
                            "description": place.description or place.name}
    if place.public_email:
        data["email"] = place.public_email
    if place.website:
        data["website"] = place.website
    return data


def location(place: MeetingPlace) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": ident(place.pk, "location"), "location_type": "physical", "name": place.name,
        "organization_id": ident(place.pk, "organization"),
        "description": place.description or place.name,
        "addresses": address(place), "accessibility": accessibility(place), "schedules": schedules(place),
        "phones": phones(place, location_id=ident(place.pk, "location")),
    }
    if place.latitude is not None and place.longitude is not None:
        data["latitude"], data["longitude"] = float(place.latitude), float(place.longitude)
    return data


def service(place: MeetingPlace, base_url: str, *, full: bool = True, activities: list[Run] | None = None,
            changed: dt.datetime | None = None) -> dict[str, Any]:
    """The place as a service; ``changed`` is when its activities last changed, if later than the place."""
    modified = max(place.updated_at, changed) if changed is not None else place.updated_at
    data: dict[str, Any] = {
        "id": ident(place.pk, "service"), "organization_id": ident(place.pk, "organization"),
        "name": f"Ontmoeten bij {place.name}",
        "description": place.description or f"Sociale ontmoetingsplek {place.name} in Maastricht.",
        "url": f"{base_url.rstrip('/')}/plekken/{place.pk}", "status": "active",
        "eligibility_description": "Iedereen is welkom.",
        "last_modified": _stamp(modified),
    }
    if place.public_email:
        data["email"] = place.public_email
    if full:
        data["organization"] = organization(place, base_url)
        data["phones"] = phones(place, service_id=ident(place.pk, "service"))
        data["schedules"] = schedules(place, service=True)
        data["service_at_locations"] = [{
            "id": ident(place.pk, "service_at_location"), "service_id": ident(place.pk, "service"),
            "location_id": ident(place.pk, "location"), "location": location(place),
            "schedules": activity_schedules(place, activities or []),
        }]
    return data


def page(items: list[dict[str, Any]], *, number: int, size: int, total: int) -> dict[str, Any]:
    pages = max(1, -(-total // size))
    return {"total_items": total, "total_pages": pages, "page_number": number, "size": len(items),
            "first_page": number == 1, "last_page": number >= pages, "empty": not items, "contents": items}
