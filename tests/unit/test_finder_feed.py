"""The iCal feed as RFC 5545 readers see it (parsed with ``icalendar``): one VTIMEZONE, local times with TZID, a
series as one event with RRULE and its cancelled dates as EXDATE, long text folded and escaped."""

from __future__ import annotations

import datetime as dt

import icalendar

from ontmoet.finder.activities import Occurrence, feed_events
from ontmoet.finder.ical import calendar

STAMP = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)


def _occurrence(pk: int, day: dt.date, **changes: object) -> Occurrence:
    values: dict[str, object] = {
        "pk": pk, "place_pk": 7, "place_name": "Buurthuis De Linde", "place_address": "Lindelaan 1, Maastricht",
        "title": "Koffieochtend", "date": day, "start": dt.time(10, 0), "end": dt.time(12, 0),
        "category": "Ontmoeten", "for_whom": "Iedereen", **changes}
    return Occurrence(**values)  # type: ignore[arg-type]


def test_a_series_is_one_event_with_rrule_and_exdate():
    first = dt.date(2026, 12, 1)
    series = {"series_pk": 3, "interval_weeks": 2, "series_first": first, "series_until": dt.date(2027, 2, 23)}
    occurrences = [_occurrence(1, first, **series), _occurrence(2, first + dt.timedelta(weeks=2), cancelled=True,
                                                                **series),
                   _occurrence(3, first + dt.timedelta(weeks=4), **series),
                   _occurrence(9, dt.date(2026, 12, 5), title="Kerstmarkt; met koor, glühwein en \\ meer " * 3,
                               start=dt.time(19, 30), end=dt.time(22, 0))]
    body = calendar("Buurthuis De Linde", feed_events(occurrences, base_url="https://ontmoet.example/",
                                                     stamp=STAMP), stamp=STAMP)
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    parsed = icalendar.Calendar.from_ical(body)
    assert [str(z["TZID"]) for z in parsed.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    events = {str(e["UID"]): e for e in parsed.walk("VEVENT")}
    series_event = events["reeks-3@ontmoet"]
    assert series_event.decoded("DTSTART") == dt.datetime(2026, 12, 1, 10, 0,
                                                          tzinfo=series_event.decoded("DTSTART").tzinfo)
    assert str(series_event["DTSTART"].params["TZID"]) == "Europe/Amsterdam"
    rule = series_event["RRULE"]
    assert (rule["FREQ"], rule["INTERVAL"]) == (["WEEKLY"], [2])
    # The feed covers the coming weeks: the rule ends with the last date in them (the end of that day, Maastricht).
    assert rule["UNTIL"][0].astimezone(dt.UTC) == dt.datetime(2026, 12, 29, 22, 59, 59, tzinfo=dt.UTC)
    exdates = [(d.dt.strftime("%Y-%m-%d %H:%M"), str(d.dt.tzinfo)) for d in series_event["EXDATE"].dts]
    assert exdates == [("2026-12-15 10:00", "Europe/Amsterdam")]
    single = events["activiteit-9@ontmoet"]
    assert str(single["SUMMARY"]) == "Kerstmarkt; met koor, glühwein en \\ meer " * 3
    assert str(single["STATUS"]) == "CONFIRMED" and str(single["LOCATION"]).startswith("Buurthuis De Linde")


def test_a_cancelled_single_activity_is_marked_cancelled():
    body = calendar("x", feed_events([_occurrence(5, dt.date(2026, 12, 9), cancelled=True)],
                                     base_url="https://ontmoet.example/", stamp=STAMP), stamp=STAMP)
    event = icalendar.Calendar.from_ical(body).walk("VEVENT")[0]
    assert str(event["STATUS"]) == "CANCELLED"


def test_an_occurrence_changed_on_its_own_is_an_event_of_its_own_and_the_rule_skips_it():
    first = dt.date(2026, 12, 1)
    series = {"series_pk": 3, "interval_weeks": 1, "series_first": first, "series_until": dt.date(2026, 12, 22),
              "series_facts": ("Koffieochtend", dt.time(10, 0), dt.time(12, 0))}
    occurrences = [_occurrence(1, first, **series),
                   _occurrence(2, first + dt.timedelta(weeks=1), start=dt.time(11, 0), **series),
                   _occurrence(3, first + dt.timedelta(weeks=2), **series)]
    body = calendar("x", feed_events(occurrences, base_url="https://ontmoet.example/", stamp=STAMP), stamp=STAMP)
    events = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(body).walk("VEVENT")}
    assert set(events) == {"reeks-3@ontmoet", "activiteit-2@ontmoet"}
    assert [d.dt.date() for d in events["reeks-3@ontmoet"]["EXDATE"].dts] == [dt.date(2026, 12, 8)]
    assert events["activiteit-2@ontmoet"].decoded("DTSTART").time() == dt.time(11, 0)


def test_an_activity_without_times_is_an_all_day_event():
    body = calendar("x", feed_events([_occurrence(5, dt.date(2026, 12, 9), start=None, end=None)],
                                     base_url="https://ontmoet.example/", stamp=STAMP), stamp=STAMP)
    event = icalendar.Calendar.from_ical(body).walk("VEVENT")[0]
    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (dt.date(2026, 12, 9), dt.date(2026, 12, 10))
