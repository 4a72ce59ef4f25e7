"""The register's main journeys in a real browser, with axe-core on every page they pass."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from ontmoet.accounts.roles import Role
from tests.factories import PlaceFactory


@pytest.fixture
def register(transactional_db):
    from ontmoet.places.models import Neighbourhood

    malberg = Neighbourhood.objects.get(code="BU09350207")
    return {
        "linde": PlaceFactory(name="Gemeenschapshuis De Linde", type="community_house", neighbourhood=malberg,
                              latitude=malberg.label_latitude, longitude=malberg.label_longitude),
        "anker": PlaceFactory(name="Gemeenschapshuis Het Anker", type="community_house"),
        "koffiepot": PlaceFactory(name="Huiskamer De Koffiepot", type="living_room", neighbourhood=malberg),
    }


def test_policy_officer_filters_changes_type_and_sees_the_audit_entry(page, login, register, assert_accessible):
    login(page, Role.POLICY_OFFICER)
    page.goto("/register/")
    assert_accessible(page)

    page.get_by_label("Type").select_option("living_room")
    page.get_by_role("button", name="Filter toepassen").click()
    results = page.locator("#results")
    results.get_by_role("link", name="Huiskamer De Koffiepot").wait_for()
    # The filtered results replace the list when the server's answer arrives: wait for it, not just look.
    expect(results.get_by_role("link", name="Gemeenschapshuis De Linde")).to_have_count(0)

    page.goto("/register/?type=community_house&neighbourhood=BU09350207")
    page.get_by_role("link", name="Gemeenschapshuis De Linde").click()
    assert_accessible(page)
    page.get_by_role("link", name="Type wijzigen").click()
    page.get_by_label("Nieuw type").select_option("meeting_centre")
    page.get_by_label("Ingangsdatum", exact=True).fill("2026-03-01")
    page.get_by_label("Reden", exact=True).fill("Besluit van het bestuur van 12 februari 2026")
    page.get_by_role("button", name="Typewijziging vastleggen").click()

    page.get_by_text("De typewijziging is vastgelegd.").wait_for()
    history = page.get_by_role("table", name=re.compile("Wijzigingen van het type"))
    assert "Ontmoetingscentrum" in history.inner_text()
    page.get_by_role("link", name="Audittrail").click()
    trail = page.get_by_role("table").inner_text()
    assert "Type gewijzigd" in trail and "place_change_type" not in trail
    assert "Besluit van het bestuur van 12 februari 2026" in trail
    assert "Type: Gemeenschapshuis → Ontmoetingscentrum" in trail and "Ingangsdatum: – → 1 maart 2026" in trail
    assert_accessible(page)


def test_cap_breach_asks_for_an_explicit_override(page, login, transactional_db, assert_accessible):
    for _ in range(20):
        PlaceFactory(type="meeting_centre", since=dt.date(2026, 1, 1))
    house = PlaceFactory(name="Eenentwintigste", type="community_house")
    login(page, Role.POLICY_OFFICER)
    page.goto(f"/register/{house.pk}/type")
    page.get_by_label("Nieuw type").select_option("meeting_centre")
    page.get_by_label("Ingangsdatum", exact=True).fill("2026-06-01")
    page.get_by_label("Reden", exact=True).fill("Nieuw initiatief")
    page.get_by_role("button", name="Typewijziging vastleggen").click()
    assert "boven het maximum van 20" in page.get_by_role("alert").inner_text()
    assert page.get_by_label("Reden", exact=True).input_value() == "Nieuw initiatief"  # the form keeps what was typed
    assert_accessible(page)
    page.get_by_label(re.compile("overschrijd het maximum")).check()
    page.get_by_role("button", name="Typewijziging vastleggen").click()
    page.get_by_text("De typewijziging is vastgelegd.").wait_for()


def test_edit_page_is_accessible_and_keeps_input_on_error(page, login, register, assert_accessible):
    login(page, Role.POLICY_OFFICER)
    page.goto(f"/register/{register['linde'].pk}/wijzigen")
    assert_accessible(page)
    page.get_by_label("Breedtegraad").fill("50.864300")
    page.get_by_label("Lengtegraad").fill("5.731435")
    page.get_by_label("Lengtegraad").blur()
    page.get_by_text("Dit punt ligt in buurt Amby").wait_for()  # htmx hint while typing
    page.get_by_label("Breedtegraad").fill("52.370000")
    page.get_by_label("Lengtegraad").fill("4.890000")
    page.get_by_label("Openingstijden").fill("ma 9-12")
    page.get_by_role("button", name="Opslaan").click()
    assert "niet in een buurt van Maastricht" in page.locator("main").inner_text()
    assert page.get_by_label("Openingstijden").input_value() == "ma 9-12"
    assert_accessible(page)


def test_board_member_edits_own_place_but_another_does_not_exist_for_them(page, login, register):
    user = login(page, Role.BOARD_MEMBER)
    register["linde"].board_accounts.add(user)
    page.goto(f"/register/{register['linde'].pk}/wijzigen")
    assert page.get_by_label("Naam").count() == 0  # only public information
    page.get_by_label("Openingstijden").fill("Tu 10:00-14:00")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De wijzigingen zijn opgeslagen.").wait_for()

    response = page.goto(f"/register/{register['anker'].pk}/wijzigen")
    assert response.status == 404  # another board's place cannot even be discovered


def test_map_shows_the_buurten_and_places(page, login, register, assert_accessible):
    login(page, Role.POLICY_OFFICER)
    page.goto("/register/kaart")
    assert page.locator("svg path.buurt").count() == 44
    assert page.locator("svg circle.place").count() >= 2
    assert_accessible(page)


def test_language_switch_to_english(page, login, register):
    login(page, Role.POLICY_OFFICER)
    page.goto("/register/")
    page.get_by_role("button", name=re.compile("^EN")).click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
