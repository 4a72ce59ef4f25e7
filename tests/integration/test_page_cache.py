"""Cached page parts are never stale and never someone else's (core.versions, ADR 0030).

These tests commit (``transaction=True``), so the data version rises as it does in production, and they switch
the page cache on (the rest of the suite runs without it, inside transactions that never commit).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction

from ontmoet.accounts.roles import Role
from ontmoet.core.versions import data_version
from ontmoet.places import services
from tests.factories import PlaceFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.CACHES = {**settings.CACHES, "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "page-cache-test"}}
    from django.core.cache import caches
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def _login(client, user):
    client.force_login(user)
    return client


def test_a_new_place_shows_in_the_register_at_once(client):
    officer = UserFactory(username="beleid-cache", role=Role.POLICY_OFFICER)
    PlaceFactory(name="Eerste plek")
    _login(client, officer)
    assert "Eerste plek" in client.get("/register/").content.decode()
    services.place_create(values={"name": "Nieuwe plek na de cache", "street": "Markt", "house_number": "1",
                                  "postcode": "6211 CK"},
                          type="living_room", effective_date=dt.date(2024, 1, 1), by=officer)
    page = client.get("/register/").content.decode()
    assert "Nieuwe plek na de cache" in page
    assert "2 plekken gevonden" in page


def test_a_changed_place_shows_on_its_page_at_once(client):
    officer = UserFactory(username="beleid-cache2", role=Role.POLICY_OFFICER)
    place = PlaceFactory(name="Oude naam")
    _login(client, officer)
    assert "Oude naam" in client.get(f"/register/{place.pk}").content.decode()
    services.place_update(place=place, values={"name": "Nieuwe naam"}, by=officer)
    page = client.get(f"/register/{place.pk}").content.decode()
    assert "Nieuwe naam" in page and "Oude naam" not in page
    assert "Nieuwe naam" in client.get("/register/").content.decode()


def test_a_board_member_never_gets_the_staff_view_from_the_cache(client):
    own, other = PlaceFactory(name="Eigen huis"), PlaceFactory(name="Ander huis")
    officer = UserFactory(username="beleid-cache3", role=Role.POLICY_OFFICER)
    member = UserFactory(username="bestuur-cache", role=Role.BOARD_MEMBER)
    own.board_accounts.add(member)
    _login(client, officer)
    assert "Ander huis" in client.get("/register/").content.decode()
    staff_detail = client.get(f"/register/{other.pk}")
    assert staff_detail.status_code == 200
    client.logout()
    _login(client, member)
    listing = client.get("/register/").content.decode()
    assert "Eigen huis" in listing and "Ander huis" not in listing
    assert client.get(f"/register/{other.pk}").status_code == 404  # cached for staff, still not there for them
    own_page = client.get(f"/register/{own.pk}").content.decode()
    assert "Bestuurslid toevoegen" not in own_page  # the staff-only form is not in a board member's page


def test_the_version_rises_once_per_committed_change_and_not_for_a_rolled_back_one():
    officer = UserFactory(username="beleid-cache4", role=Role.POLICY_OFFICER)
    place = PlaceFactory(name="Telhuis")
    before = data_version()
    services.place_update(place=place, values={"name": "Telhuis 2"}, by=officer)
    assert data_version() == before + 1
    def change_then_fail() -> None:
        with transaction.atomic():
            services.place_update(place=place, values={"name": "Telhuis 3"}, by=officer)
            raise RuntimeError("rolled back")

    with pytest.raises(RuntimeError):
        change_then_fail()
    assert data_version() == before + 1
    with transaction.atomic():  # two changes in one transaction: one rise
        services.place_update(place=place, values={"name": "Telhuis 4"}, by=officer)
        services.place_update(place=place, values={"name": "Telhuis 5"}, by=officer)
    assert data_version() == before + 2


def test_the_api_list_and_detail_show_a_change_at_once_and_only_what_the_user_may_see(client):
    officer = UserFactory(username="beleid-cache5", role=Role.POLICY_OFFICER)
    member = UserFactory(username="bestuur-cache5", role=Role.BOARD_MEMBER)
    own, other = PlaceFactory(name="API eigen"), PlaceFactory(name="API ander")
    own.board_accounts.add(member)
    _login(client, officer)
    assert {p["name"] for p in client.get("/api/v1/places").json()["results"]} == {"API eigen", "API ander"}
    assert client.get(f"/api/v1/places/{other.pk}").json()["name"] == "API ander"
    services.place_update(place=other, values={"name": "API ander 2"}, by=officer)
    assert "API ander 2" in {p["name"] for p in client.get("/api/v1/places").json()["results"]}
    assert client.get(f"/api/v1/places/{other.pk}").json()["name"] == "API ander 2"
    client.logout()
    _login(client, member)
    assert [p["name"] for p in client.get("/api/v1/places").json()["results"]] == ["API eigen"]
    assert client.get(f"/api/v1/places/{other.pk}").status_code == 404


def test_the_indicators_are_computed_once_per_change_and_per_language(client, monkeypatch):
    from ontmoet.monitoring import api

    computed = []
    real = api.indicators_json
    monkeypatch.setattr(api, "indicators_json", lambda year: computed.append(year) or real(year))
    officer = UserFactory(username="beleid-cache6", role=Role.POLICY_OFFICER)
    _login(client, officer)
    first = client.get("/api/v1/indicators?year=2027").json()
    assert client.get("/api/v1/indicators?year=2027").json() == first
    assert computed == [2027]
    client.cookies["django_language"] = "en"  # an answer in another language is cached apart
    client.get("/api/v1/indicators?year=2027")
    assert computed == [2027, 2027]
    place = PlaceFactory(name="Plek")
    services.place_update(place=place, values={"name": "Plek 2"}, by=officer)  # committed: the version rises
    del client.cookies["django_language"]
    client.get("/api/v1/indicators?year=2027")
    assert computed == [2027, 2027, 2027]
