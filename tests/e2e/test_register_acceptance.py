"""The browser acceptance of issue 7 for the register: a place of each kind created through the page, edited
with Dutch decimals, a type entry corrected through the correction page, the audit entry read in Dutch words;
the map lists the places it cannot draw and names a buurt on hover and keyboard focus; the buurt list follows
the wijk. axe-core on every page passed."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from ontmoet.accounts.roles import Role
from ontmoet.places.types import PlaceType
from tests.e2e.conftest import log_in
from tests.factories import PlaceFactory

#: (kind, name, typed latitude, typed longitude, stored latitude, stored longitude): commas, points, and more
#: decimals than the register keeps (rounded to six).
KINDS = [
    ("community_house", "Gemeenschapshuis Het Oude Raadhuis", "50,8512", "5,6909", "50.851200", "5.690900"),
    ("meeting_centre", "Ontmoetingscentrum Malberg", "50,8643", "5,6510", "50.864300", "5.651000"),
    ("neighbourhood_house", "Huis van de Wijk Noordoost", "50.8575", "5.7112", "50.857500", "5.711200"),
    ("living_room", "Huiskamer De Hoek", "50,85", "5,69", "50.850000", "5.690000"),
    ("social_restaurant", "Sociaal Restaurant Wyck", "50,84939012", "5,70081234", "50.849390", "5.700812"),
    ("other_small_scale", "Buurtkamer Heer", "50,8312", "5,7301", "50.831200", "5.730100"),
]


def test_a_place_of_each_kind_is_created_and_edited_with_dutch_decimals(page, login, transactional_db,
                                                                        assert_accessible):
    from ontmoet.places.models import MeetingPlace

    login(page, Role.POLICY_OFFICER)
    for index, (kind, name, lat, lon, stored_lat, stored_lon) in enumerate(KINDS):
        page.goto("/register/nieuw")
        if index == 0:
            assert_accessible(page)
            for field in ("Breedtegraad", "Lengtegraad"):  # text boxes that take a comma
                box = page.get_by_label(field)
                assert box.get_attribute("type") == "text" and box.get_attribute("inputmode") == "decimal"
            expect(page.locator("#id_longitude_help")).to_have_text("Bijvoorbeeld 5,6909.")
        page.get_by_label("Naam", exact=True).fill(name)
        page.get_by_label("Type", exact=True).select_option(kind)
        page.get_by_label("Type geldig vanaf").fill("2026-01-01")
        page.get_by_label("Straat").fill("Markt")
        page.get_by_label("Huisnummer").fill(str(index + 1))
        page.get_by_label("Postcode").fill("6211 CK")
        page.get_by_role("button", name="Opslaan").click()
        page.get_by_text("De plek is opgenomen in het register.").wait_for()
        expect(page.get_by_role("heading", level=1)).to_have_text(name)
        assert str(PlaceType(kind).label) in page.locator("main").inner_text()
        if index == 0:
            assert_accessible(page)

        page.get_by_role("link", name="Gegevens wijzigen").click()
        page.get_by_label("Breedtegraad").fill(lat)
        page.get_by_label("Lengtegraad").fill(lon)
        page.get_by_label("Lengtegraad").blur()
        page.get_by_text("Dit punt ligt in buurt").wait_for()  # the buurt hint reads the comma too
        page.get_by_role("button", name="Opslaan").click()
        page.get_by_text("De wijzigingen zijn opgeslagen.").wait_for()
        place = MeetingPlace.objects.get(name=name)
        assert (place.latitude, place.longitude) == (Decimal(stored_lat), Decimal(stored_lon))
        assert place.neighbourhood is not None  # derived from the point

    kinds = {p.name: p.type for p in MeetingPlace.objects.with_type()}
    assert kinds == {name: kind for kind, name, *_rest in KINDS}


def test_a_wrong_decimal_is_refused_with_the_fields_own_example_and_kept(page, login, transactional_db,
                                                                        assert_accessible):
    place = PlaceFactory(name="Gemeenschapshuis De Linde")
    login(page, Role.POLICY_OFFICER)
    page.goto(f"/register/{place.pk}/wijzigen")
    page.get_by_label("Breedtegraad").fill("50,85,12")
    page.get_by_label("Lengtegraad").fill("oost")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#id_longitude_error")).to_have_text("„oost” is geen getal. Schrijf bijvoorbeeld 5,6909.")
    expect(page.locator("#id_latitude_error")).to_contain_text("heeft meer dan één komma")
    assert page.get_by_label("Breedtegraad").input_value() == "50,85,12"
    assert page.get_by_label("Lengtegraad").get_attribute("aria-invalid") == "true"
    assert_accessible(page)


def test_a_type_entry_is_corrected_and_the_audit_entry_reads_in_dutch(page, login, transactional_db,
                                                                     assert_accessible):
    import datetime as dt

    place = PlaceFactory(name="Huiskamer Op de Hoek", type="living_room", since=dt.date(2024, 5, 1))
    login(page, Role.POLICY_OFFICER)
    page.goto(f"/register/{place.pk}")
    page.get_by_role("link", name="Type wijzigen").click()
    page.get_by_role("link", name=re.compile("^Corrigeren 1 mei 2024")).click()
    assert_accessible(page)
    page.get_by_label("Juiste type").select_option("social_restaurant")
    page.get_by_label("Juiste ingangsdatum").fill("2024-03-01")  # before the entry it corrects: allowed
    page.get_by_label("Reden van de correctie").fill("Was vanaf de opening een sociaal restaurant")
    page.get_by_role("button", name="Correctie vastleggen").click()
    page.get_by_text("De correctie is vastgelegd").wait_for()
    history = page.get_by_role("table", name=re.compile("Wijzigingen van het type")).inner_text()
    assert "vervangen door een latere regel" in history and "correctie van de regel van 1 mei 2024" in history

    page.goto(f"/register/{place.pk}")
    page.get_by_role("link", name="Audittrail").click()
    entry = page.get_by_role("row").filter(has_text="Typegeschiedenis gecorrigeerd")
    text = entry.inner_text()
    assert "Type: Huiskamer → Sociaal restaurant" in text
    assert "Ingangsdatum: 1 mei 2024 → 1 maart 2024" in text
    assert "Was vanaf de opening een sociaal restaurant" in text
    trail = page.get_by_role("table").inner_text()
    for code in ("place_type_correct", "living_room", "social_restaurant", "2024-03-01"):
        assert code not in trail
    assert_accessible(page)

    page.get_by_role("button", name=re.compile("^EN")).click()
    page.wait_for_load_state()
    english = page.get_by_role("row").filter(has_text="Type history corrected").inner_text()
    assert "Type: Community living room → Social restaurant" in english and "1 March 2024" in english


@pytest.fixture
def map_places(transactional_db):
    from ontmoet.places.models import Neighbourhood

    malberg = Neighbourhood.objects.get(code="BU09350207")
    # Off the buurt's label point, so that pointing at that point points at the buurt, not at the marker.
    PlaceFactory(name="Gemeenschapshuis De Linde", neighbourhood=malberg,
                 latitude=malberg.label_latitude + Decimal("0.0015"), longitude=malberg.label_longitude)
    PlaceFactory(name="Huiskamer Zonder Punt", latitude=None, longitude=None, neighbourhood=malberg)
    return malberg


def test_the_map_lists_unplaced_places_and_names_a_buurt_on_hover_and_focus(page, login, map_places,
                                                                           assert_accessible, tmp_path):
    login(page, Role.POLICY_OFFICER)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/register/kaart")
    aside = page.get_by_role("complementary", name="1 plek zonder coördinaten")
    expect(aside.get_by_role("link", name="Huiskamer Zonder Punt")).to_be_visible()
    assert_accessible(page)

    name = page.locator(f"#naam-{map_places.code}")
    expect(name).to_be_hidden()
    # Point at the buurt itself (Playwright moves the mouse to a visible, uncovered spot of the buurt's link).
    page.locator(f"#buurt-{map_places.code}").hover()
    expect(name).to_be_visible()
    page.mouse.move(0, 0)
    expect(name).to_be_hidden()

    link = page.get_by_role("link", name=f"Buurt {map_places.name}, wijk {map_places.district.name}")
    link.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # reach it by keyboard, so that it shows as focused
    expect(link).to_be_focused()
    expect(name).to_be_visible()
    page.screenshot(path=str(tmp_path / "kaart-focus.png"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(f"neighbourhood={map_places.code}"))
    expect(page.locator("#id_neighbourhood")).to_have_value(map_places.code)


def test_the_buurt_list_follows_the_wijk_with_and_without_javascript(browser, live_server, page, login,
                                                                    map_places, assert_accessible):
    from ontmoet.places.models import Neighbourhood

    wijk = map_places.district
    own = sorted(Neighbourhood.objects.filter(district=wijk).values_list("name", flat=True))
    login(page, Role.POLICY_OFFICER)
    page.goto("/register/")
    buurt = page.locator("#id_neighbourhood")
    assert buurt.locator("option").count() == 45
    page.get_by_label("Wijk").select_option(wijk.code)  # htmx: the list narrows with the results
    expect(buurt.locator("option")).to_have_count(len(own) + 1)
    buurt.focus()
    buurt.select_option(map_places.code)
    expect(page.locator("#results").get_by_role("link", name="Huiskamer Zonder Punt")).to_be_visible()
    expect(page.locator("#results").get_by_role("link", name="Gemeenschapshuis De Linde")).to_be_visible()
    expect(buurt).to_have_value(map_places.code)
    expect(buurt).to_be_focused()  # swapping the list keeps the focus where the user is
    assert_accessible(page)

    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    plain = context.new_page()
    log_in(plain, "e2e-policy_officer")
    plain.goto("/register/")
    plain.get_by_label("Wijk").select_option(wijk.code)
    plain.get_by_role("button", name="Filter toepassen").click()
    options = plain.locator("#id_neighbourhood option").all_inner_texts()
    assert options[1:] == own
    context.close()


def test_search_matches_every_word(page, login, map_places):
    login(page, Role.POLICY_OFFICER)
    page.goto("/register/")
    page.get_by_label("Zoek op naam of straat").fill("linde gemeenschapshuis")
    page.get_by_role("button", name="Filter toepassen").click()
    expect(page.locator("#results").get_by_role("link", name="Gemeenschapshuis De Linde")).to_be_visible()
