"""B5: the register list is paginated (total shown, filters kept in the page links) and the map is bounded.

Also: the type filter and the cap count read the type changes in force, and must agree with ``with_type``.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from ontmoet.accounts.roles import Role
from ontmoet.places import mapping
from ontmoet.places.models import MeetingPlace, Neighbourhood, PlaceTypeChange
from ontmoet.places.selectors import (
    PAGE_SIZE,
    PlaceFilters,
    cap_status,
    neighbourhood_areas,
    place_list,
    type_entries_on,
)
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(client, policy_officer):
    client.force_login(policy_officer)
    return client


@pytest.fixture
def register_of_120(db):
    for i in range(120):
        PlaceFactory(name=f"Plek {i:03d}", type="living_room" if i % 3 else "social_restaurant")


def _names(html: str) -> list[str]:
    return re.findall(r'<a class="utrecht-link" href="/register/\d+">(Plek \d+)</a>', html)


def test_the_first_page_shows_50_of_120_with_the_total_and_the_next_pages(officer_client, register_of_120):
    assert PAGE_SIZE == 50
    html = officer_client.get(reverse("places:list")).content.decode()
    assert _names(html) == [f"Plek {i:03d}" for i in range(50)]
    assert "120 plekken gevonden, 1–50 op deze pagina" in html
    assert 'href="?page=2">Volgende</a>' in html and 'href="?page=3"' in html
    assert 'aria-current="page" href="?page=1"' in html


def test_the_last_page_holds_the_rest(officer_client, register_of_120):
    html = officer_client.get(reverse("places:list"), {"page": 3}).content.decode()
    assert _names(html) == [f"Plek {i:03d}" for i in range(100, 120)]
    assert "101–120 op deze pagina" in html and "Volgende" not in html and 'rel="prev" href="?page=2"' in html


def test_the_page_links_keep_the_filters(officer_client, register_of_120):
    html = officer_client.get(reverse("places:list"), {"type": "living_room", "search": "Plek"}).content.decode()
    assert "80 plekken gevonden" in html  # two of every three
    assert 'href="?type=living_room&amp;search=Plek&amp;page=2">Volgende</a>' in html
    page_two = officer_client.get(reverse("places:list"), {"type": "living_room", "search": "Plek", "page": 2})
    names = _names(page_two.content.decode())
    assert len(names) == 30 and all(int(n[5:]) % 3 for n in names)


def test_the_export_links_export_every_page(officer_client, register_of_120):
    html = officer_client.get(reverse("places:list"), {"type": "living_room", "page": 2}).content.decode()
    assert f'href="{reverse("places:export_csv")}?type=living_room"' in html


@pytest.mark.parametrize("page", ["abc", "-1", "0", "99999", "9" * 400, "２"])
def test_any_page_number_answers_a_page(officer_client, register_of_120, page):
    response = officer_client.get(reverse("places:list"), {"page": page})
    assert response.status_code == 200
    assert len(_names(response.content.decode())) in {50, 20}


def test_a_small_register_has_no_page_links(officer_client):
    PlaceFactory(name="Plek 001")
    html = officer_client.get(reverse("places:list")).content.decode()
    assert "1 plek gevonden</caption>" in html and "utrecht-pagination" not in html


def _history(place: MeetingPlace, *events: tuple[str, dt.date]) -> None:
    PlaceTypeChange.objects.filter(place=place).delete()
    for to_type, day in events:
        PlaceTypeChange.objects.create(place=place, to_type=to_type, effective_date=day)


def test_the_type_filter_follows_the_type_in_force_as_with_type_does(policy_officer):
    day = dt.date(2026, 3, 1)
    a, b, c, d, e = (PlaceFactory(name=n) for n in "ABCDE")
    _history(a, ("living_room", dt.date(2020, 1, 1)), ("meeting_centre", dt.date(2025, 1, 1)))  # OC now
    _history(b, ("meeting_centre", dt.date(2020, 1, 1)), ("living_room", dt.date(2027, 1, 1)))  # OC until 2027
    _history(c, ("living_room", day), ("meeting_centre", day))  # same day: the later entry counts -> OC
    _history(d, ("meeting_centre", day), ("living_room", day))  # same day, the other way round -> huiskamer
    _history(e, ("meeting_centre", dt.date(2026, 3, 2)))  # not yet anything on `day`
    found = {p.name for p in place_list(user=policy_officer, filters=PlaceFilters(type="meeting_centre"), on=day)}
    assert found == {"A", "B", "C"}
    expected = {p.name for p in MeetingPlace.objects.with_type(day) if p.type == "meeting_centre"}
    assert found == expected
    assert sorted(type_entries_on(day).values_list("place__name", flat=True)) == ["A", "B", "C", "D"]
    counts = {s.kind.value: s.count for s in cap_status(day)}
    assert counts["meeting_centre"] == 3


def test_the_buurt_outlines_are_parsed_once(django_assert_num_queries):
    first = neighbourhood_areas()
    with django_assert_num_queries(1):  # only the check that the table is unchanged
        again = neighbourhood_areas()
    assert again is first and len(first) == Neighbourhood.objects.count()


@pytest.fixture
def small_marker_limit(monkeypatch):
    monkeypatch.setattr(mapping, "MAP_MARKER_LIMIT", 5)
    from ontmoet.places import views

    monkeypatch.setattr(views, "MAP_MARKER_LIMIT", 5)


def test_the_map_draws_a_marker_per_place_up_to_the_limit(officer_client, small_marker_limit):
    for i in range(5):
        PlaceFactory(name=f"Plek {i}")
    html = officer_client.get(reverse("places:map")).content.decode()
    assert html.count('<circle class="place type-') == 5
    assert "per buurt" not in html


def test_beyond_the_limit_the_map_counts_per_buurt_and_says_so(officer_client, small_marker_limit):
    centrum, other = Neighbourhood.objects.order_by("code")[:2]
    for i in range(4):
        PlaceFactory(name=f"C{i}", neighbourhood=centrum)
    for i in range(3):
        PlaceFactory(name=f"O{i}", neighbourhood=other)
    html = officer_client.get(reverse("places:map"), {"type": "community_house"}).content.decode()
    assert '<circle class="place type-' not in html
    assert "7 plekken gevonden: meer dan 5, dus de kaart toont het aantal per buurt." in html
    assert f"{centrum.name}</a> – 4" in html and f"{other.name}</a> – 3" in html
    assert (f'href="/register/kaart?type=community_house&amp;district={centrum.district.code}'
            f'&amp;neighbourhood={centrum.code}"') in html
    one_buurt = officer_client.get(reverse("places:map"), {"neighbourhood": centrum.code}).content.decode()
    assert one_buurt.count('<circle class="place type-') == 4


def test_a_board_member_sees_page_counts_of_their_own_places_only(client, user_with_role, register_of_120):
    member = user_with_role(Role.BOARD_MEMBER)
    for place in MeetingPlace.objects.order_by("name")[:3]:
        place.board_accounts.add(member)
    client.force_login(member)
    html = client.get(reverse("places:list")).content.decode()
    assert "3 plekken gevonden</caption>" in html and _names(html) == ["Plek 000", "Plek 001", "Plek 002"]


def _queries(client, url: str) -> int:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # the first request fills the per-process caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


@pytest.mark.parametrize("url", ["/register/", "/register/kaart", "/api/v1/places"])
def test_the_number_of_queries_does_not_grow_with_the_register(client, policy_officer, url):
    """No query per row (N+1): 3 places or 60 places, the page asks the database the same number of times."""
    from ontmoet.accounts.services import token_issue

    client.force_login(policy_officer)
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {token_issue(user=policy_officer, by=None)}"
    for i in range(3):
        PlaceFactory(name=f"Plek {i:03d}")
    few = _queries(client, url)
    for i in range(3, 60):
        PlaceFactory(name=f"Plek {i:03d}")
    assert _queries(client, url) == few
