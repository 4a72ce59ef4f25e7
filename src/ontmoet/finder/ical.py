"""iCalendar (RFC 5545) feeds of activities, written by hand: one VTIMEZONE for Europe/Amsterdam, events in
local time with ``TZID``, a series as one event with an RRULE and its cancelled dates as EXDATE.

The text is folded at 75 octets and escaped as §3.1 and §3.3.11 require; lines end in CRLF.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

ZONE = "Europe/Amsterdam"
PRODID = "-//Gemeente Maastricht//Ontmoet//NL"
#: Europe/Amsterdam since 1996: CEST from the last Sunday of March 02:00, CET from the last Sunday of October.
VTIMEZONE = (
    "BEGIN:VTIMEZONE", f"TZID:{ZONE}",
    "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19810329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
    "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19961027T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
    "END:VTIMEZONE",
)


@dataclass(frozen=True)
class FeedEvent:
    uid: str
    summary: str
    start: dt.datetime  # local wall-clock time in Maastricht (naive)
    end: dt.datetime | None  # none: only the start is known (the event takes no time, §3.6.1)
    changed: dt.datetime  # UTC
    location: str = ""
    description: str = ""
    url: str = ""
    categories: tuple[str, ...] = ()
    weekly_interval: int | None = None  # a series: every n weeks
    until: dt.date | None = None
    exdates: tuple[dt.datetime, ...] = field(default_factory=tuple)
    cancelled: bool = False
    all_day: bool = False  # no times known: the dates alone (VALUE=DATE)


def escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """Lines longer than 75 octets are split, each continuation starting with a space (§3.1), never inside a
    UTF-8 character."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode())
        if size + width > 75:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def _local(moment: dt.datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _when(name: str, moment: dt.datetime, all_day: bool) -> str:
    if all_day:
        return f"{name};VALUE=DATE:{moment:%Y%m%d}"
    return f"{name};TZID={ZONE}:{_local(moment)}"


def calendar(name: str, events: Iterable[FeedEvent], *, stamp: dt.datetime) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{escape(name)}", f"X-WR-TIMEZONE:{ZONE}", *VTIMEZONE]
    for event in events:
        lines += ["BEGIN:VEVENT", f"UID:{event.uid}", f"DTSTAMP:{_utc(stamp)}",
                  f"LAST-MODIFIED:{_utc(event.changed)}",
                  _when("DTSTART", event.start, event.all_day)]
        if event.end is not None:
            lines.append(_when("DTEND", event.end, event.all_day))
        lines.append(f"SUMMARY:{escape(event.summary)}")
        if event.weekly_interval:
            rule = f"RRULE:FREQ=WEEKLY;INTERVAL={event.weekly_interval}"
            if event.until and event.all_day:
                rule += f";UNTIL={event.until:%Y%m%d}"  # a DATE, as DTSTART is (§3.3.10)
            elif event.until:
                # UNTIL in UTC when DTSTART has a TZID (§3.3.10): the end of the last day, Maastricht time.
                last = dt.datetime.combine(event.until, dt.time(23, 59, 59)).replace(
                    tzinfo=ZoneInfo(ZONE))
                rule += f";UNTIL={_utc(last)}"
            lines.append(rule)
        for exdate in event.exdates:
            lines.append(_when("EXDATE", exdate, event.all_day))
        if event.location:
            lines.append(f"LOCATION:{escape(event.location)}")
        if event.description:
            lines.append(f"DESCRIPTION:{escape(event.description)}")
        if event.url:
            lines.append(f"URL:{event.url}")
        if event.categories:
            lines.append("CATEGORIES:" + ",".join(escape(c) for c in event.categories))
        lines.append("STATUS:CANCELLED" if event.cancelled else "STATUS:CONFIRMED")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
