"""The public pages with real activities (``ontmoet.activities``): the place page lists the coming weeks' public
activities, the feeds give a weekly series as one event with RRULE and its cancelled date as EXDATE, the place
page carries them as schema.org Events, "activities this week" narrows the finder, and a change to an activity
changes the pages' ETag and Last-Modified."""

from __future__ import annotations

import datetime as dt
import json
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest
import time_machine
from dateutil.rrule import rrulestr
from django.core.cache import cache

from ontmoet.accounts.roles import Role
from ontmoet.activities import services
from ontmoet.activities.models import Activity
from tests.factories import PlaceFactory, UserFactory

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
#: A Wednesday in Maastricht, 08:30 (before the morning's activity).
WEDNESDAY = dt.datetime(2026, 12, 2, 8, 30, tzinfo=AMS)
FACTS = {"initiated_by": "residents", "organised_by": "residents", "participants": 10, "target_group": ""}


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def agenda(django_capture_on_commit_callbacks):
    """De Linde: a weekly coffee morning (one date cancelled), a public market, a private and a cancelled
    meeting; De Kring: only an activity in three weeks."""
    with time_machine.travel(WEDNESDAY, tick=False), django_capture_on_commit_callbacks(execute=True):
        linde = PlaceFactory(name="Buurthuis De Linde")
        kring = PlaceFactory(name="Gemeenschapshuis De Kring")
        officer = UserFactory(role=Role.POLICY_OFFICER)
        series = services.series_create(place=linde, by=None, values={
            **FACTS, "title": "Koffieochtend", "category": "meeting", "start_time": dt.time(10, 0),
            "end_time": dt.time(12, 0), "first_date": dt.date(2026, 11, 25), "until": dt.date(2027, 3, 31),
            "interval_weeks": 1, "is_public": True})
        services.activity_cancel(activity=Activity.objects.get(series=series, date=dt.date(2026, 12, 9)),
                                 by=officer)

        def single(title: str, day: dt.date, **extra: object) -> Activity:
            return services.activity_create(place=extra.pop("place", linde), by=None, values={
                **FACTS, "title": title, "category": "culture", "date": day, "start_time": dt.time(19, 0),
                "end_time": dt.time(21, 0), **extra})

        single("Kerstmarkt", dt.date(2026, 12, 5), target_group="Iedereen")
        single("Bestuursvergadering", dt.date(2026, 12, 3), is_public=False)
        services.activity_cancel(activity=single("Lezing", dt.date(2026, 12, 4)), by=officer)
        single("Buurtquiz", dt.date(2026, 12, 23), place=kring)
    return {"linde": linde, "kring": kring, "series": series, "officer": officer}


def _listed(page: str) -> list[str]:
    return re.findall(r"<li><strong>([^<]+)</strong> – (\S+ \d\d-\d\d [\d:–]+)", page)


def test_the_place_page_lists_the_coming_weeks_public_activities(client, agenda):
    with time_machine.travel(WEDNESDAY, tick=False):
        page = client.get(f"/plekken/{agenda['linde'].pk}").content.decode()
    listed = _listed(page)
    titles = {title for title, _when in listed}
    assert titles == {"Koffieochtend", "Kerstmarkt"}  # not the private meeting, not the cancelled talk
    coffee = [when for title, when in listed if title == "Koffieochtend"]
    assert coffee[:2] == ["woensdag 02-12 10:00–12:00", "woensdag 16-12 10:00–12:00"]  # 9 December is off
    assert len(coffee) == 8 and coffee[-1] == "woensdag 27-01 10:00–12:00"  # the coming eight weeks
    assert ("Kerstmarkt", "zaterdag 05-12 19:00–21:00") in listed


def _feed(client, url: str) -> icalendar.Calendar:
    with time_machine.travel(WEDNESDAY, tick=False):
        response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content.decode())


def _dates(event) -> list[dt.datetime]:
    """The event's dates: its rule expanded without the EXDATEs (dateutil), or its start alone."""
    start = event.decoded("DTSTART")
    if "RRULE" not in event:
        return [start]
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
    skipped = set(_exdates(event))
    return [d for d in rule if d not in skipped]


def _exdates(event) -> list[dt.datetime]:
    """EXDATE may come as one property or several (one per line)."""
    found = event.get("EXDATE", [])
    return [d.dt for prop in (found if isinstance(found, list) else [found]) for d in prop.dts]


def test_the_place_feed_has_the_series_as_one_event_with_rrule_and_exdate(client, agenda):
    calendar = _feed(client, f"/plekken/{agenda['linde'].pk}/activiteiten.ics")
    zones = list(calendar.walk("VTIMEZONE"))
    assert [str(z["TZID"]) for z in zones] == ["Europe/Amsterdam"]
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Koffieochtend", "Kerstmarkt"}
    coffee = events["Koffieochtend"]
    assert str(coffee["UID"]) == f"reeks-{agenda['series'].pk}@ontmoet"
    assert str(coffee["DTSTART"].params["TZID"]) == "Europe/Amsterdam"
    assert coffee.decoded("DTSTART") == dt.datetime(2026, 12, 2, 10, 0, tzinfo=AMS)
    rule = coffee["RRULE"]
    assert (rule["FREQ"], rule["INTERVAL"]) == (["WEEKLY"], [1])
    assert rule["UNTIL"][0].astimezone(dt.UTC) == dt.datetime(2027, 1, 27, 22, 59, 59, tzinfo=dt.UTC)
    assert _exdates(coffee) == [dt.datetime(2026, 12, 9, 10, 0, tzinfo=AMS)]
    assert str(coffee["EXDATE"].params["TZID"]) == "Europe/Amsterdam"
    # The feed's dates are the page's dates.
    expanded = sorted(d.date() for d in _dates(coffee))
    assert expanded[:2] == [dt.date(2026, 12, 2), dt.date(2026, 12, 16)] and len(expanded) == 8
    assert events["Kerstmarkt"].decoded("DTSTART") == dt.datetime(2026, 12, 5, 19, 0, tzinfo=AMS)
    assert str(events["Kerstmarkt"]["STATUS"]) == "CONFIRMED"


def test_the_city_feed_has_every_place(client, agenda):
    calendar = _feed(client, "/activiteiten.ics")
    assert sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT")) == ["Buurtquiz", "Kerstmarkt",
                                                                           "Koffieochtend"]
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]


def test_the_place_page_carries_the_activities_as_schema_org_events(client, agenda):
    with time_machine.travel(WEDNESDAY, tick=False):
        page = client.get(f"/plekken/{agenda['linde'].pk}").content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    events = [d for d in data if d["@type"] == "Event"]
    assert len(events) == 9
    market = next(e for e in events if e["name"] == "Kerstmarkt")
    assert (market["startDate"], market["endDate"]) == ("2026-12-05T19:00:00+01:00", "2026-12-05T21:00:00+01:00")
    assert market["eventStatus"] == "https://schema.org/EventScheduled"
    assert market["location"]["name"] == "Buurthuis De Linde"
    assert market["audience"] == {"@type": "Audience", "audienceType": "Iedereen"}


def _names(response) -> list[str]:
    return re.findall(r'<h3 class="utrecht-heading-3"><a class="utrecht-link" href="/plekken/\d+">([^<]+)</a>',
                      response.content.decode())


def test_activities_this_week_finds_the_place_with_one(client, agenda):
    with time_machine.travel(WEDNESDAY, tick=False):
        assert sorted(_names(client.get("/"))) == ["Buurthuis De Linde", "Gemeenschapshuis De Kring"]
        assert _names(client.get("/", {"activities_this_week": "on"})) == ["Buurthuis De Linde"]
        assert _names(client.get("/", {"activities_this_week": "on", "category": "Cultuur"})) == [
            "Buurthuis De Linde"]
        assert _names(client.get("/", {"activities_this_week": "on", "category": "Sport en bewegen"})) == []
        assert _names(client.get("/", {"for_whom": "iedereen"})) == ["Buurthuis De Linde"]
    # Three weeks later De Kring's quiz is this week, De Linde's coffee too.
    with time_machine.travel(WEDNESDAY + dt.timedelta(weeks=3), tick=False):
        assert sorted(_names(client.get("/", {"activities_this_week": "on"}))) == [
            "Buurthuis De Linde", "Gemeenschapshuis De Kring"]


@pytest.mark.django_db(transaction=True)  # real commits: the data version rises after each door's commit
def test_a_change_to_an_activity_changes_etag_and_last_modified(client, agenda):
    urls = [f"/plekken/{agenda['linde'].pk}", f"/plekken/{agenda['linde'].pk}/activiteiten.ics",
            "/activiteiten.ics", "/"]
    with time_machine.travel(WEDNESDAY, tick=False):
        before = {url: client.get(url) for url in urls}
        for url, response in before.items():
            assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    later = WEDNESDAY + dt.timedelta(minutes=5)
    with time_machine.travel(later, tick=False):
        services.activity_cancel(activity=Activity.objects.get(series=agenda["series"], date=dt.date(2026, 12, 16)),
                                 by=agenda["officer"])
        for url, response in before.items():
            fresh = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
            assert fresh.status_code == 200, url
            assert fresh["ETag"] != response["ETag"]
            assert fresh["Last-Modified"] != response["Last-Modified"]
            assert client.get(url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]).status_code == 200
        feed = icalendar.Calendar.from_ical(client.get(urls[1]).content.decode())
    coffee = next(e for e in feed.walk("VEVENT") if str(e["SUMMARY"]) == "Koffieochtend")
    assert [d.date() for d in _exdates(coffee)] == [dt.date(2026, 12, 9), dt.date(2026, 12, 16)]


@pytest.mark.parametrize("loaded_on", [WEDNESDAY, dt.datetime(2027, 12, 24, 12, 0, tzinfo=AMS),
                                       dt.datetime(2031, 1, 2, 9, 0, tzinfo=AMS)])
def test_the_demo_gives_the_public_pages_activities(client, loaded_on):
    """``ontmoet load_demo`` (as in test_demo_data.py): its fortnightly series show on the place pages and feeds,
    whenever the demo is loaded (its dates are relative to that day: also at Christmas and in a later year)."""
    import io

    from django.core.management import call_command

    from ontmoet.activities.demo import demo_series

    with time_machine.travel(loaded_on, tick=False):
        call_command("load_demo", stdout=io.StringIO())
        series = demo_series()
        assert series is not None
        place = series.place
        page = client.get(f"/plekken/{place.pk}").content.decode()
        feed = icalendar.Calendar.from_ical(client.get(f"/plekken/{place.pk}/activiteiten.ics").content.decode())
        city = icalendar.Calendar.from_ical(client.get("/activiteiten.ics").content.decode())
        found = _names(client.get("/", {"activities_this_week": "on"}))
    assert _listed(page), "the demo place lists its coming activities"
    rules = [e for e in feed.walk("VEVENT") if "RRULE" in e]
    assert rules and all(e["RRULE"]["INTERVAL"] == [2] for e in rules)
    assert len(city.walk("VEVENT")) > len(feed.walk("VEVENT"))
    assert found, "every week has demo activities somewhere in the city"


def test_the_open_data_gives_the_activities_as_schedules_without_the_cancelled_dates(client, agenda):
    from dateutil.rrule import WEEKLY, rrule

    from ontmoet.finder.hsds import ident
    from tests.integration.test_hsds_schema import _validator

    with time_machine.travel(WEDNESDAY, tick=False):
        detail = client.get(f"/api/v1/hsds/services/{ident(agenda['linde'].pk, 'service')}").json()
    assert not list(_validator("service").iter_errors(detail))
    schedules = detail["service_at_locations"][0]["schedules"]
    taking_place: set[dt.date] = set()
    for s in schedules:
        dates = list(rrule(WEEKLY, interval=s["interval"], dtstart=dt.datetime.fromisoformat(s["dtstart"]),
                           until=dt.datetime.fromisoformat(s["until"])))
        assert len(dates) == s["count"] and s["byday"] == ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][
            dates[0].weekday()]
        taking_place |= {d.date() for d in dates}
    coffee = {d for d in taking_place if d.weekday() == 2}
    # The coffee mornings of the coming eight weeks without 9 December (cancelled); the market; not the
    # private meeting nor the cancelled talk.
    assert dt.date(2026, 12, 9) not in coffee and dt.date(2026, 12, 2) in coffee and dt.date(2026, 12, 16) in coffee
    assert len(coffee) == 8
    assert taking_place - coffee == {dt.date(2026, 12, 5)}
    market = next(s for s in schedules if s["dtstart"] == "2026-12-05")
    assert market["opens_at"] == "19:00" and market["closes_at"] == "21:00" and "Kerstmarkt" in market["description"]
    assert {s["dtstart"] for s in schedules if "Koffieochtend" in s["description"]} == {"2026-12-02", "2026-12-16"}


def test_modified_after_sees_a_change_to_an_activity(client, agenda, django_capture_on_commit_callbacks):
    later = dt.datetime(2026, 12, 10, 9, 0, tzinfo=AMS)
    with time_machine.travel(later, tick=False):
        assert client.get("/api/v1/hsds/services", {"modified_after": "2026-12-10T07:00:00Z"}).json()[
            "total_items"] == 0
    with time_machine.travel(later + dt.timedelta(hours=1), tick=False), \
            django_capture_on_commit_callbacks(execute=True):
        services.activity_cancel(activity=Activity.objects.get(series=agenda["series"], date=dt.date(2026, 12, 16)),
                                 by=agenda["officer"])
        listing = client.get("/api/v1/hsds/services", {"modified_after": "2026-12-10T07:00:00Z"}).json()
    assert [s["name"] for s in listing["contents"]] == ["Ontmoeten bij Buurthuis De Linde"]
    assert listing["contents"][0]["last_modified"] == "2026-12-10T09:00:00.000Z"
