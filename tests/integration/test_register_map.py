"""The register's map and filters (issue 7, A15): no place silently missing from the map, buurt names on
hover and keyboard focus, the buurt list narrowed by the chosen wijk (without JavaScript, and with htmx)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from ontmoet.places.models import Neighbourhood
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db

MALBERG = "BU09350207"


@pytest.fixture
def officer_client(client, policy_officer):
    client.force_login(policy_officer)
    return client


def _options(html: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S)
    assert select, f"no select {name}"
    return re.findall(r'<option value="([^"]*)"', select.group(0))


def test_places_without_coordinates_are_listed_beside_the_map(officer_client):
    PlaceFactory(name="Op de kaart")
    PlaceFactory(name="Huiskamer Zonder Punt", latitude=None, longitude=None)
    html = officer_client.get(reverse("places:map")).content.decode()
    aside = html[html.index('<aside class="ontmoet-map-aside"'):html.index("</aside>")]
    assert "1 plek zonder coördinaten" in aside and "Huiskamer Zonder Punt" in aside
    assert "Op de kaart" not in aside
    assert html.count('<circle class="place type-') == 1


def test_with_every_place_on_the_map_the_aside_says_so(officer_client):
    PlaceFactory(name="Op de kaart")
    html = officer_client.get(reverse("places:map")).content.decode()
    assert "0 plekken zonder coördinaten" in html and "Elke gevonden plek staat op de kaart." in html


def test_every_buurt_is_a_focusable_link_with_its_name_shown_on_hover_and_focus(officer_client):
    html = officer_client.get(reverse("places:map")).content.decode()
    buurten = Neighbourhood.objects.select_related("district")
    links = re.findall(r'<a class="buurt-link" id="buurt-(\w+)" href="([^"]+)" aria-label="([^"]+)"', html)
    assert len(links) == buurten.count() == 44
    malberg = buurten.get(code=MALBERG)
    _code, href, label = next(link for link in links if link[0] == MALBERG)
    assert label == f"Buurt {malberg.name}, wijk {malberg.district.name}"
    assert href == f"/register/kaart?district={malberg.district.code}&amp;neighbourhood={MALBERG}"
    assert f'<text class="buurt-name" id="naam-{MALBERG}"' in html
    assert f"#buurt-{MALBERG}:is(:hover, :focus-visible)) #naam-{MALBERG}" in html  # shown on hover and focus
    assert '<g class="buurten" aria-hidden="true">' not in html  # the buurten are no longer hidden


def test_the_chosen_buurt_is_marked_current_on_the_map(officer_client):
    html = officer_client.get(reverse("places:map"), {"neighbourhood": MALBERG}).content.decode()
    assert re.search(rf'id="buurt-{MALBERG}"[^>]*aria-current="true"', html)


@pytest.mark.parametrize("page", ["places:list", "places:map"])
def test_the_buurt_list_holds_only_the_buurten_of_the_chosen_wijk(officer_client, page):
    malberg = Neighbourhood.objects.select_related("district").get(code=MALBERG)
    own = set(Neighbourhood.objects.filter(district=malberg.district).values_list("code", flat=True))
    everything = _options(officer_client.get(reverse(page)).content.decode(), "neighbourhood")
    assert len(everything) == 45  # "Alle buurten" and 44 buurten
    narrowed = _options(officer_client.get(reverse(page), {"district": malberg.district.code}).content.decode(),
                        "neighbourhood")
    assert narrowed[0] == "" and set(narrowed[1:]) == own and MALBERG in narrowed


def test_a_buurt_of_another_wijk_gives_way_to_the_chosen_wijk(officer_client):
    malberg = Neighbourhood.objects.select_related("district").get(code=MALBERG)
    other = Neighbourhood.objects.exclude(district=malberg.district).first()
    PlaceFactory(name="In Malberg", neighbourhood=malberg)
    html = officer_client.get(reverse("places:list"), {"district": other.district.code,
                                                       "neighbourhood": MALBERG}).content.decode()
    assert "Selecteer een geldige keuze" not in html
    assert re.search(r'<option value="" selected>Alle buurten</option>', html)


def test_a_code_that_is_no_buurt_still_says_so(officer_client):
    html = officer_client.get(reverse("places:list"), {"neighbourhood": "BU00000000"}).content.decode()
    assert "Selecteer een geldige keuze" in html


def test_with_htmx_the_narrowed_buurt_list_comes_with_the_results(officer_client):
    malberg = Neighbourhood.objects.select_related("district").get(code=MALBERG)
    answer = officer_client.get(reverse("places:list"), {"district": malberg.district.code},
                                HTTP_HX_REQUEST="true").content.decode()
    assert answer.lstrip().startswith('<div id="results"')
    oob = answer[answer.index('<div id="buurt-field" hx-swap-oob="true">'):]
    own = set(Neighbourhood.objects.filter(district=malberg.district).values_list("code", flat=True))
    assert set(_options(oob, "neighbourhood")[1:]) == own
