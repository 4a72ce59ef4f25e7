"""What the public pages show of activities: the place page's list, the feeds (a series as one event with an
RRULE and its cancelled dates as EXDATE) and schema.org Events.

The activities capability (``ontmoet.activities``) supplies them: ``selectors.public_activities`` gives the
public, not cancelled activities in a period, each an ``Activity`` with its ``series`` (an ``ActivitySeries``:
``first_date``, ``until``, ``interval_weeks``). Times may be unknown (``start_time``/``end_time`` are optional).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Max

from ontmoet.activities import selectors as activity_selectors
from ontmoet.activities.models import Activity, ActivitySeries
from ontmoet.domain.activities import occurrence_dates
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
    start: dt.time | None
    end: dt.time | None
    category: str = ""
    for_whom: str = ""
    cancelled: bool = False
    changed: dt.datetime | None = None
    series_pk: int | None = None
    interval_weeks: int = 1
    series_first: dt.date | None = None
    series_until: dt.date | None = None
    category_code: str = ""
    #: The series' own title and times: an occurrence edited on its own ("edit one") that differs from them,
    #: or moved off the rule's dates, is an event of its own in the feeds (``None``: same as the occurrence).
    series_facts: tuple[str, dt.time | None, dt.time | None] | None = None


def _occurrences(*, place_pk: int | None, start: dt.date, end: dt.date) -> list[Occurrence]:
    rows = activity_selectors.public_activities(place=place_pk, start=start, end=end)
    return [_from_activity(a) for a in rows]


def _from_activity(a: Activity) -> Occurrence:
    series = a.series
    place = a.place
    return Occurrence(
        pk=a.pk, place_pk=place.pk, place_name=place.name, place_address=place.address,
        title=a.title, date=a.date, start=a.start_time, end=a.end_time,
        category=str(a.get_category_display()), category_code=a.category,
        for_whom=a.target_group or "", cancelled=a.cancelled, changed=a.changed_at,
        series_pk=series.pk if series else None,
        interval_weeks=series.interval_weeks if series else 1,
        series_first=series.first_date if series else None, series_until=series.until if series else None,
        series_facts=(series.title, series.start_time, series.end_time) if series else None)


def last_changed() -> dt.datetime | None:
    """When an activity or a series last changed (a deletion shows in the data version, not here)."""
    stamps = [Activity.objects.aggregate(m=Max("changed_at"))["m"],
              ActivitySeries.objects.aggregate(m=Max("changed_at"))["m"]]
    known = [s for s in stamps if s is not None]
    return max(known) if known else None


def coming(*, place_pk: int | None, today: dt.date) -> list[Occurrence]:
    """The activities from today up to ``WEEKS_AHEAD`` weeks, by date and time."""
    found = _occurrences(place_pk=place_pk, start=today, end=today + dt.timedelta(weeks=WEEKS_AHEAD))
    return sorted(found, key=lambda o: (o.date, o.start or dt.time(0, 0), o.title))


def coming_days(*, today: dt.date, days: int) -> list[Occurrence]:
    """The city's activities of ``days`` days from today (the finder's "activities this week")."""
    return _occurrences(place_pk=None, start=today, end=today + dt.timedelta(days=days - 1))


def feed_events(occurrences: list[Occurrence], *, base_url: str, stamp: dt.datetime) -> list[FeedEvent]:
    """One event per activity without a series; per series one event, weekly with its interval, from its first
    to its last date in the period, the rule's dates in between that do not take place (cancelled, private,
    removed) as EXDATE (RFC 5545 §3.8.5). An occurrence changed on its own (another title or time, another
    date) is an event of its own, so that what a calendar shows is what the place page lists."""
    events: list[FeedEvent] = []
    series: dict[int, list[Occurrence]] = {}
    for o in occurrences:
        if o.series_pk is None:
            events.append(_event(o, uid=f"activiteit-{o.pk}@ontmoet", base_url=base_url, stamp=stamp,
                                 cancelled=o.cancelled))
        elif not o.cancelled:
            series.setdefault(o.series_pk, []).append(o)
    for pk, items in sorted(series.items()):
        items.sort(key=lambda o: (o.date, o.pk))
        on_rule, apart = _split(items)
        for o in apart:
            events.append(_event(o, uid=f"activiteit-{o.pk}@ontmoet", base_url=base_url, stamp=stamp,
                                 cancelled=False))
        if not on_rule:
            continue
        first, last = on_rule[0], on_rule[-1]
        title, start, end = first.series_facts or (first.title, first.start, first.end)
        taking_place = {o.date for o in on_rule}
        skipped = [day for day in occurrence_dates(first.date, last.date, first.interval_weeks)
                   if day not in taking_place]
        events.append(FeedEvent(
            uid=f"reeks-{pk}@ontmoet", summary=title, start=_at(first.date, start), end=_end(first.date, start, end),
            changed=_latest(items, stamp), location=_location(first), description=first.for_whom,
            url=f"{base_url.rstrip('/')}/plekken/{first.place_pk}",
            categories=(first.category,) if first.category else (), weekly_interval=first.interval_weeks,
            until=last.date, exdates=tuple(_at(day, start) for day in skipped), all_day=start is None))
    return events


def _split(items: list[Occurrence]) -> tuple[list[Occurrence], list[Occurrence]]:
    """A series' occurrences that follow its rule and facts, and those changed on their own."""
    on_rule: list[Occurrence] = []
    apart: list[Occurrence] = []
    for o in items:
        anchor = o.series_first or items[0].date
        step = (o.date - anchor).days
        follows = step >= 0 and step % (7 * o.interval_weeks) == 0 and (
            o.series_until is None or o.date <= o.series_until)
        same = o.series_facts is None or o.series_facts == (o.title, o.start, o.end)
        if follows and same and (not on_rule or on_rule[-1].date != o.date):
            on_rule.append(o)
        else:
            apart.append(o)
    return on_rule, apart


@dataclass(frozen=True)
class Run:
    """Dates of one activity that follow one weekly rule without a gap: what one HSDS schedule can say (HSDS
    has no EXDATE, so a series with a cancelled date is two runs, and the cancelled date is in neither)."""

    key: str
    title: str
    first: dt.date
    last: dt.date
    interval_weeks: int
    count: int
    start: dt.time | None
    end: dt.time | None
    category: str
    for_whom: str


def runs(occurrences: list[Occurrence]) -> list[Run]:
    """The activities taking place as runs: one per activity without a series or changed on its own, per series
    one per stretch of its rule's dates without a date left out. ``occurrences`` are the taking-place ones."""
    out: list[Run] = []
    series: dict[int, list[Occurrence]] = {}
    for o in occurrences:
        if o.cancelled:
            continue
        if o.series_pk is None:
            out.append(_run(f"activiteit-{o.pk}", [o], 1, (o.title, o.start, o.end)))
        else:
            series.setdefault(o.series_pk, []).append(o)
    for pk, items in sorted(series.items()):
        items.sort(key=lambda o: (o.date, o.pk))
        on_rule, apart = _split(items)
        out.extend(_run(f"activiteit-{o.pk}", [o], 1, (o.title, o.start, o.end)) for o in apart)
        stretch: list[Occurrence] = []
        for o in on_rule:
            if stretch and (o.date - stretch[-1].date).days != 7 * o.interval_weeks:
                out.append(_stretch(pk, stretch))
                stretch = []
            stretch.append(o)
        if stretch:
            out.append(_stretch(pk, stretch))
    return sorted(out, key=lambda r: (r.first, r.start or dt.time(0, 0), r.key))


def _stretch(series_pk: int, items: list[Occurrence]) -> Run:
    first = items[0]
    return _run(f"reeks-{series_pk}-{first.date.isoformat()}", items, first.interval_weeks,
                first.series_facts or (first.title, first.start, first.end))


def _run(key: str, items: list[Occurrence], interval: int,
         facts: tuple[str, dt.time | None, dt.time | None]) -> Run:
    title, start, end = facts
    return Run(key=key, title=title, first=items[0].date, last=items[-1].date, interval_weeks=interval,
               count=len(items), start=start, end=end, category=items[0].category, for_whom=items[0].for_whom)


def _at(day: dt.date, start: dt.time | None) -> dt.datetime:
    return dt.datetime.combine(day, start or dt.time(0, 0))


def _end(day: dt.date, start: dt.time | None, end: dt.time | None) -> dt.datetime | None:
    """The end: the next day for a day without times (an all-day event), none when only the start is known."""
    if start is None:
        return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0, 0))
    return dt.datetime.combine(day, end) if end is not None else None


def _location(o: Occurrence) -> str:
    return f"{o.place_name}, {o.place_address}".rstrip(", ")


def _latest(items: list[Occurrence], stamp: dt.datetime) -> dt.datetime:
    known = [o.changed for o in items if o.changed is not None]
    return max(known) if known else stamp


def _event(o: Occurrence, *, uid: str, base_url: str, stamp: dt.datetime, cancelled: bool) -> FeedEvent:
    return FeedEvent(uid=uid, summary=o.title, start=_at(o.date, o.start), end=_end(o.date, o.start, o.end),
                     changed=o.changed or stamp, location=_location(o), description=o.for_whom,
                     url=f"{base_url.rstrip('/')}/plekken/{o.place_pk}",
                     categories=(o.category,) if o.category else (), cancelled=cancelled,
                     all_day=o.start is None)


def activity_feed_events(*, place_pk: int | None, base_url: str, today: dt.date,
                         stamp: dt.datetime) -> list[FeedEvent]:
    return feed_events(coming(place_pk=place_pk, today=today), base_url=base_url, stamp=stamp)


def json_ld_events(occurrences: list[Occurrence], *, place_url: str, zone: Any) -> list[dict[str, Any]]:
    """schema.org Events for the place page (cancelled ones with their status, as search engines ask)."""
    out = []
    for o in occurrences:
        event: dict[str, Any] = {
            "@context": "https://schema.org", "@type": "Event", "name": o.title,
            "startDate": _iso(o.date, o.start, zone),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "eventStatus": "https://schema.org/EventCancelled" if o.cancelled else "https://schema.org/EventScheduled",
            "location": {"@type": "Place", "name": o.place_name, "url": place_url,
                         "address": o.place_address},
        }
        if o.start is not None and o.end is not None:
            event["endDate"] = _iso(o.date, o.end, zone)
        if o.for_whom:
            event["audience"] = {"@type": "Audience", "audienceType": o.for_whom}
        out.append(event)
    return out


def _iso(day: dt.date, moment: dt.time | None, zone: Any) -> str:
    """A date and time with its offset (ISO 8601), or the date alone when the time is not known."""
    if moment is None:
        return day.isoformat()
    return dt.datetime.combine(day, moment, tzinfo=zone).isoformat()
