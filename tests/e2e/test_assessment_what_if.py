"""The what-if page in a real browser: pick a point on the buurt map, read the framework's answer; also
without JavaScript; and every page of the afwegingskader passes axe-core."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ontmoet.accounts.roles import Role
from ontmoet.assessment.demo import load_assessment_demo
from tests.factories import PlaceFactory

# Vrijthof (Binnenstad) and an Ontmoetingscentrum about 240 m north of it.
VRIJTHOF = (50.8488, 5.6887)

CLICK_AT = """([lat, lon]) => {
  const svg = document.querySelector("svg[data-whatif-map]");
  svg.scrollIntoView({block: "center"});
  const scale = parseFloat(svg.dataset.scale), cosLat = parseFloat(svg.dataset.cosLat);
  const point = svg.createSVGPoint();
  point.x = (lon - parseFloat(svg.dataset.minLon)) * cosLat * scale;
  point.y = (parseFloat(svg.dataset.maxLat) - lat) * scale;
  const screen = point.matrixTransform(svg.getScreenCTM());
  return {x: screen.x, y: screen.y};
}"""


@pytest.fixture
def register(transactional_db):
    load_assessment_demo()
    return PlaceFactory(name="OC Vrijthof", type="meeting_centre", latitude=Decimal("50.850900"),
                        longitude=Decimal("5.688700"))


def test_pick_a_point_on_the_map_and_read_what_the_framework_says(page, login, register, assert_accessible):
    login(page, Role.POLICY_OFFICER)
    page.goto("/afwegingskader/wat-als")
    assert page.get_by_role("heading", name="Wat zegt het afwegingskader?").is_visible()
    assert_accessible(page)
    page.get_by_label("Type plek").select_option("living_room")
    target = page.evaluate(CLICK_AT, list(VRIJTHOF))
    page.mouse.click(target["x"], target["y"])
    page.get_by_role("heading", name="Uitkomst").wait_for()
    latitude = float(page.get_by_label("Breedtegraad (WGS84)").input_value())
    longitude = float(page.get_by_label("Lengtegraad (WGS84)").input_value())
    assert latitude == pytest.approx(VRIJTHOF[0], abs=0.0005)
    assert longitude == pytest.approx(VRIJTHOF[1], abs=0.0005)
    co_location = page.locator('[data-rule="co_location"]')
    assert co_location.get_attribute("data-outcome") == "attention"
    assert "OC Vrijthof" in co_location.inner_text()
    assert "Binnenstad" in page.locator(".ontmoet-whatif-result").inner_text()
    assert "demonstratiecijfers" in page.locator('[data-rule="vulnerability_priority"]').inner_text()
    assert "latitude=" in page.url  # the question is in the address, so it can be bookmarked and shared
    assert_accessible(page)


def test_recording_a_weighty_reason_turns_attention_into_passed(page, login, register):
    login(page, Role.GRANT_OFFICER)
    page.goto("/afwegingskader/wat-als")
    page.get_by_label("Breedtegraad (WGS84)").fill("50,8488")
    page.get_by_label("Lengtegraad (WGS84)").fill("5,6887")
    page.get_by_text("Meer gegevens (optioneel)").click()
    page.get_by_label("Zwaarwegende reden", exact=False).fill("Het OC heeft geen ruimte op de gevraagde dagen.")
    page.get_by_role("button", name="Toetsen").click()
    page.get_by_role("heading", name="Uitkomst").wait_for()
    finding = page.locator('[data-rule="co_location"]')
    assert finding.get_attribute("data-outcome") == "passed"
    assert "geen ruimte op de gevraagde dagen" in finding.inner_text()


def test_bad_coordinates_give_a_dutch_error_and_keep_the_input(page, login, register, assert_accessible):
    login(page, Role.POLICY_OFFICER)
    page.goto("/afwegingskader/wat-als")
    page.get_by_label("Breedtegraad (WGS84)").fill("52,37")
    page.get_by_label("Lengtegraad (WGS84)").fill("4,89")
    page.get_by_role("button", name="Toetsen").click()
    page.get_by_text("De coördinaten liggen niet in een buurt van Maastricht").wait_for()
    assert page.get_by_label("Breedtegraad (WGS84)").input_value() == "52,37"
    assert page.locator("[data-rule]").count() == 0
    assert_accessible(page)


def test_what_if_works_without_javascript(browser, live_server, register):
    from tests.e2e.conftest import PASSWORD, log_in
    from tests.factories import UserFactory

    user = UserFactory(username="zonder-js", role=Role.POLICY_OFFICER, password=PASSWORD)
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    try:
        log_in(page, user.username, PASSWORD)
        page.goto("/afwegingskader/wat-als")
        page.get_by_label("Of kies een buurt").select_option("BU09350207")
        page.get_by_role("button", name="Toetsen").click()
        page.get_by_role("heading", name="Uitkomst").wait_for()
        assert "Malberg" in page.locator(".ontmoet-whatif-result").inner_text()
        assert page.locator("[data-rule]").count() == 7
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/afwegingskader/", "/afwegingskader/regels/co_location",
                                  "/afwegingskader/regels/vulnerability_priority", "/afwegingskader/kwetsbaarheid",
                                  "/afwegingskader/buurtcijfers/importeren"])
def test_afwegingskader_pages_are_accessible(page, login, register, assert_accessible, path):
    login(page, Role.ADMINISTRATOR)
    page.goto(path)
    assert page.get_by_role("heading", level=1).is_visible()
    assert_accessible(page)


def test_rule_page_is_readable_without_login(page, live_server, transactional_db, assert_accessible):
    page.goto("/afwegingskader/regels/near_community_house")
    assert page.get_by_role("heading", name="Geen huiskamer dicht bij een gemeenschapshuis").is_visible()
    assert "in principe niet wenselijk" in page.locator("blockquote").inner_text()
    assert_accessible(page)
