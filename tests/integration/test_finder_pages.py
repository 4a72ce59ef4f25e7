"""The public pages: the finder at ``/`` for visitors, search, filters, "open now", the place page with its
JSON-LD, the feeds, HSDS, and the caching rules (ETag, 304, invalidation when a place changes)."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import icalendar
import pytest
import time_machine
from django.core.cache import cache

from ontmoet.accounts.roles import Role
from ontmoet.finder.hsds import ident
from ontmoet.places import services
from ontmoet.places.models import Neighbourhood
from tests.factories import PlaceFactory, UserFactory

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
#: A Wednesday in Maastricht, 10:30.
WEDNESDAY_MORNING = dt.datetime(2026, 12, 2, 10, 30, tzinfo=AMS)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _near(code: str, north: str = "0") -> dict[str, Decimal]:
    buurt = Neighbourhood.objects.get(code=code)
    return {"latitude": buurt.label_latitude + Decimal(north), "longitude": buurt.label_longitude}


@pytest.fixture
def places():
    return {
        "linde": PlaceFactory(name="Buurthuis De Linde", step_free_entrance=True, opening_hours="Mo-Fr 09:00-17:00",
                              **_near("BU09350207")),
        "anker": PlaceFactory(name="Huiskamer Het Anker", type="living_room", step_free_entrance=False,
                              opening_hours="Sa 10:00-12:00", **_near("BU09350403")),
        "kring": PlaceFactory(name="Gemeenschapshuis De Kring", step_free_entrance=True, opening_hours="",
                              **_near("BU09350207", "0.003")),
    }


def _names(response) -> list[str]:
    return re.findall(r'<h3 class="utrecht-heading-3"><a class="utrecht-link" href="/plekken/\d+">([^<]+)</a>',
                      response.content.decode())


def test_visitors_get_the_finder_and_logged_in_users_their_start_page(client, places):
    page = client.get("/")
    assert page.status_code == 200 and "Vind een ontmoetingsplek" in page.content.decode()
    client.force_login(UserFactory(role=Role.POLICY_OFFICER))
    assert "Vind een ontmoetingsplek bij u in de buurt" not in client.get("/").content.decode()


def test_search_by_buurt_sorts_by_walking_distance_and_filters_narrow(client, places):
    buurt = Neighbourhood.objects.get(code="BU09350207")
    names = _names(client.get("/", {"q": buurt.name}))
    assert names[:2] == ["Buurthuis De Linde", "Gemeenschapshuis De Kring"] and names[-1] == "Huiskamer Het Anker"
    assert "minuten lopen" in client.get("/", {"q": buurt.name}).content.decode()
    step_free = _names(client.get("/", {"q": buurt.name, "accessibility": "step_free_entrance"}))
    assert step_free == ["Buurthuis De Linde", "Gemeenschapshuis De Kring"]
    assert _names(client.get("/", {"type": "living_room"})) == ["Huiskamer Het Anker"]
    assert _names(client.get("/", {"q": "Anker"})) == ["Huiskamer Het Anker"]


def test_near_me_sorts_from_the_given_point(client, places):
    anker = places["anker"]
    names = _names(client.get("/", {"lat": str(anker.latitude), "lon": str(anker.longitude)}))
    assert names[0] == "Huiskamer Het Anker"
    outside = client.get("/", {"lat": "52.37", "lon": "4.89"}).content.decode()
    assert "buiten Maastricht" in outside


def test_open_now_and_open_on_a_day(client, places):
    with time_machine.travel(WEDNESDAY_MORNING, tick=False):
        assert _names(client.get("/", {"open_now": "on"})) == ["Buurthuis De Linde"]
        assert _names(client.get("/", {"open_on": "2026-12-05"})) == ["Huiskamer Het Anker"]
        # Christmas is a public holiday: with "PH off" De Linde is closed, else its Friday hours hold.
        services.place_update(place=places["linde"], values={"opening_hours": "Mo-Fr 09:00-17:00; PH off"},
                              by=UserFactory(role=Role.POLICY_OFFICER))
        assert _names(client.get("/", {"open_on": "2026-12-25"})) == []


def test_place_page_shows_hours_facts_and_json_ld(client, places):
    with time_machine.travel(WEDNESDAY_MORNING, tick=False):
        page = client.get(f"/plekken/{places['linde'].pk}").content.decode()
    assert "Maandag t/m vrijdag: 09:00 tot 17:00" in page and "Nu open" in page
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))[0]
    assert data["@type"] == "Place" and data["name"] == "Buurthuis De Linde"
    assert {"@type": "LocationFeatureSpecification", "name": "Step-free entrance", "value": True} in data[
        "amenityFeature"]
    assert data["openingHoursSpecification"][0] == {"@type": "OpeningHoursSpecification", "dayOfWeek": "Monday",
                                                    "opens": "09:00", "closes": "17:00"}
    assert client.get("/plekken/999999").status_code == 404


def test_english_pages(client, places):
    client.get("/taal/en", {"next": "/"})
    page = client.get(f"/plekken/{places['linde'].pk}").content.decode()
    assert '<html lang="en"' in page and "Monday to Friday: 09:00 to 17:00" in page
    assert client.get("/taal/en", {"next": "https://elders.example/"})["Location"] == "/"


def test_revalidation_gets_304_until_a_place_changes(client, places, django_capture_on_commit_callbacks):
    url = f"/plekken/{places['linde'].pk}"
    first = client.get(url)
    assert first["Cache-Control"] == "public, max-age=0, must-revalidate" and first["Last-Modified"]
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    officer = UserFactory(role=Role.POLICY_OFFICER)
    with django_capture_on_commit_callbacks(execute=True):  # the data version rises after the commit
        services.place_update(place=places["linde"], values={"description": "Nieuw: koffie op dinsdag."},
                              by=officer)
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and "Nieuw: koffie op dinsdag." in changed.content.decode()
    assert changed["ETag"] != first["ETag"]
    # The finder's list is invalidated by the same change.
    assert client.get("/", HTTP_IF_NONE_MATCH=client.get("/")["ETag"]).status_code == 304


def test_feeds_are_valid_icalendar_with_the_zone(client, places):
    for url in (f"/plekken/{places['linde'].pk}/activiteiten.ics", "/activiteiten.ics"):
        response = client.get(url)
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        body = response.content.decode()
        assert body.endswith("\r\n") and all(len(line.encode()) <= 75 for line in body.split("\r\n"))
        calendar = icalendar.Calendar.from_ical(body)
        zones = list(calendar.walk("VTIMEZONE"))
        assert [str(z["TZID"]) for z in zones] == ["Europe/Amsterdam"]


def test_hsds_services_are_paged_and_filtered_on_modified_after(client, places):
    listing = client.get("/api/v1/hsds/services", {"per_page": 2}).json()
    assert (listing["total_items"], listing["total_pages"], listing["size"], listing["first_page"]) == (3, 2, 2, True)
    assert client.get("/api/v1/hsds/services", {"per_page": 2, "page": 2}).json()["last_page"] is True
    later = (dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)).isoformat()
    assert client.get("/api/v1/hsds/services", {"modified_after": later}).json()["total_items"] == 0
    bad = client.get("/api/v1/hsds/services", {"modified_after": "gisteren", "per_page": "0"})
    assert bad.status_code == 400 and bad["Content-Type"] == "application/problem+json"
    assert {p["name"] for p in bad.json()["invalidParams"]} == {"modified_after", "per_page"}
    detail = client.get(f"/api/v1/hsds/services/{ident(places['linde'].pk, 'service')}").json()
    location = detail["service_at_locations"][0]["location"]
    assert {a["details"] for a in location["accessibility"]} >= {"wheelchair=yes"}
    assert location["schedules"][0]["byday"] == "MO" and "Europe/Amsterdam" in location["schedules"][0]["notes"]
    assert client.get("/api/v1/hsds/services/niet-een-id").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_the_saved_rendering_is_never_stale(client, settings):
    """With the pages cache on (as in production), a change shows on the next request: the rendering is kept
    under the data version, which the change raises when it commits."""
    settings.CACHES = {**settings.CACHES, "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "finder-cache-test"}}
    from django.core.cache import caches

    caches["pages"].clear()
    place = PlaceFactory(name="Buurthuis Eerst")
    officer = UserFactory(role=Role.POLICY_OFFICER)
    services.place_update(place=place, values={"description": "Oud."}, by=officer)
    url = f"/plekken/{place.pk}"
    assert "Oud." in client.get(url).content.decode()
    assert "Oud." in client.get(url).content.decode()  # from the saved rendering
    services.place_update(place=place, values={"description": "Nieuw."}, by=officer)
    assert "Nieuw." in client.get(url).content.decode()
    assert "Buurthuis Eerst" in client.get("/").content.decode()
    services.place_update(place=place, values={"name": "Buurthuis Later"}, by=officer)
    assert "Buurthuis Later" in client.get("/").content.decode()
    caches["pages"].clear()


@pytest.mark.parametrize("url", ["/?q=%00", "/api/v1/hsds/services?modified_after=%ED%A0%80",
                                 "/activiteiten.ics?x=%00"])
def test_hostile_input_is_refused_at_the_edge(client, url):
    """NUL bytes and lone surrogates never reach the finder (core.request_guard)."""
    assert client.get(url).status_code == 400


def test_hsds_refuses_absurd_paging_and_dates(client, places):
    for params in ({"page": "-1"}, {"page": "1e9"}, {"per_page": "101"}, {"modified_after": "9" * 50},
                   {"modified_after": "2026-13-45"}):
        answer = client.get("/api/v1/hsds/services", params)
        assert answer.status_code == 400, params
        assert answer.json()["invalidParams"], params
    assert client.get("/api/v1/hsds/services", {"page": "99"}).json()["empty"] is True
