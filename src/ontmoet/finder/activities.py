"""What the public pages show of activities: the place page's list, the feeds (a series as one event with an
RRULE and its cancelled dates as EXDATE) and schema.org Events.

The activities capability (``ontmoet.activities``: ``Activity`` with its ``series``, and the selector
``public_activities(*, place=None, start, end)``) supplies the occurrences. It is read through
:func:`_occurrences` only when that app is installed; until then there are no activities, and the pages and
feeds say so (the place page: "no activities yet"; the feeds: valid and empty).
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass
from typing import Any

from django.apps import apps

from ontmoet.finder.ical import FeedEvent

#: The place page and the feeds look this far ahead.
WEEKS_AHEAD = 8


@dataclass(frozen=True)
class Occurrence:
    """One dated activity, as the public may see it."""

    pk: int
    place_pk: int
    place_name: str
    place_address: str
    title: str
    date: dt.date
    start: dt.time
    end: dt.time
    category: str = ""
    for_whom: str = ""
    cancelled: bool = False
    changed: dt.datetime | None = None
    series_pk: int | None = None
    interval_weeks: int = 1
    series_first: dt.date | None = None
    series_until: dt.date | None = None


def installed() -> bool:
    return apps.is_installed("ontmoet.activities")


def _occurrences(*, place_pk: int | None, start: dt.date, end: dt.date) -> list[Occurrence]:
    if not installed():
        return []
    selectors = importlib.import_module("ontmoet.activities.selectors")
    rows = selectors.public_activities(place=place_pk, start=start, end=end)
    return [_from_activity(a) for a in rows]


def _from_activity(a: Any) -> Occurrence:
    series = getattr(a, "series", None)
    place = a.place
    return Occurrence(
        pk=a.pk, place_pk=place.pk, place_name=place.name, place_address=getattr(place, "address", ""),
        title=a.title, date=a.date, start=a.start_time, end=a.end_time,
        category=str(getattr(a, "get_category_display", lambda: a.category)()),
        for_whom=str(getattr(a, "target_group", "") or ""), cancelled=bool(a.cancelled),
        changed=getattr(a, "changed_at", None), series_pk=getattr(series, "pk", None),
        interval_weeks=int(getattr(series, "interval_weeks", 1) or 1),
        series_first=getattr(series, "first_date", None), series_until=getattr(series, "until", None))


def coming(*, place_pk: int | None, today: dt.date) -> list[Occurrence]:
    """The activities from today up to ``WEEKS_AHEAD`` weeks, by date and time."""
    found = _occurrences(place_pk=place_pk, start=today, end=today + dt.timedelta(weeks=WEEKS_AHEAD))
    return sorted(found, key=lambda o: (o.date, o.start, o.title))


def feed_events(occurrences: list[Occurrence], *, base_url: str, stamp: dt.datetime) -> list[FeedEvent]:
    """One event per activity without a series; per series one event from its first date, weekly with its
    interval until its last date, its cancelled occurrences as EXDATE (RFC 5545 §3.8.5)."""
    events: list[FeedEvent] = []
    series: dict[int, list[Occurrence]] = {}
    for o in occurrences:
        if o.series_pk is None:
            events.append(_event(o, uid=f"activiteit-{o.pk}@ontmoet", base_url=base_url, stamp=stamp,
                                 cancelled=o.cancelled))
        else:
            series.setdefault(o.series_pk, []).append(o)
    for pk, items in sorted(series.items()):
        items.sort(key=lambda o: o.date)
        first = items[0]
        anchor = first.series_first or first.date
        start = dt.datetime.combine(anchor, first.start)
        events.append(FeedEvent(
            uid=f"reeks-{pk}@ontmoet", summary=first.title, start=start,
            end=dt.datetime.combine(anchor, first.end), changed=_latest(items, stamp),
            location=f"{first.place_name}, {first.place_address}".rstrip(", "),
            description=first.for_whom, url=f"{base_url.rstrip('/')}/plekken/{first.place_pk}",
            categories=(first.category,) if first.category else (), weekly_interval=first.interval_weeks,
            until=first.series_until or items[-1].date,
            exdates=tuple(dt.datetime.combine(o.date, first.start) for o in items if o.cancelled)))
    return events


def _latest(items: list[Occurrence], stamp: dt.datetime) -> dt.datetime:
    known = [o.changed for o in items if o.changed is not None]
    return max(known) if known else stamp


def _event(o: Occurrence, *, uid: str, base_url: str, stamp: dt.datetime, cancelled: bool) -> FeedEvent:
    return FeedEvent(uid=uid, summary=o.title, start=dt.datetime.combine(o.date, o.start),
                     end=dt.datetime.combine(o.date, o.end), changed=o.changed or stamp,
                     location=f"{o.place_name}, {o.place_address}".rstrip(", "), description=o.for_whom,
                     url=f"{base_url.rstrip('/')}/plekken/{o.place_pk}",
                     categories=(o.category,) if o.category else (), cancelled=cancelled)


def activity_feed_events(*, place_pk: int | None, base_url: str, today: dt.date,
                         stamp: dt.datetime) -> list[FeedEvent]:
    return feed_events(coming(place_pk=place_pk, today=today), base_url=base_url, stamp=stamp)


def json_ld_events(occurrences: list[Occurrence], *, place_url: str, zone: Any) -> list[dict[str, Any]]:
    """schema.org Events for the place page (cancelled ones with their status, as search engines ask)."""
    out = []
    for o in occurrences:
        event: dict[str, Any] = {
            "@context": "https://schema.org", "@type": "Event", "name": o.title,
            "startDate": dt.datetime.combine(o.date, o.start, tzinfo=zone).isoformat(),
            "endDate": dt.datetime.combine(o.date, o.end, tzinfo=zone).isoformat(),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "eventStatus": "https://schema.org/EventCancelled" if o.cancelled else "https://schema.org/EventScheduled",
            "location": {"@type": "Place", "name": o.place_name, "url": place_url,
                         "address": o.place_address},
        }
        if o.for_whom:
            event["audience"] = {"@type": "Audience", "audienceType": o.for_whom}
        out.append(event)
    return out
