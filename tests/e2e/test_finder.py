"""The residents' journey in the browser: find a place near a location (geolocation mocked), filter on a
step-free entrance, open the place page, subscribe to its calendar (the .ics parses with ``icalendar`` and its
events match the page), with the keyboard alone and without JavaScript; axe-core on every public page in
Dutch and English at 1280 and 320 px."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import icalendar
import pytest
from dateutil.rrule import rrulestr

from ontmoet.activities import services as activity_services
from ontmoet.places.models import Neighbourhood
from ontmoet.places.opening_hours import now_local
from tests.factories import PlaceFactory

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture
def places(transactional_db: Any) -> dict[str, Any]:
    buurt = Neighbourhood.objects.get(code="BU09350207")
    lat, lon = buurt.label_latitude, buurt.label_longitude
    found = {
        "buurt": buurt,
        "near": PlaceFactory(name="Buurthuis Dichtbij", step_free_entrance=False, latitude=lat, longitude=lon,
                             street="Lindelaan", house_number="1", postcode="6221 AB",
                             opening_hours="Mo-Fr 09:00-17:00; PH off"),
        "step_free": PlaceFactory(name="Buurthuis Drempelvrij", step_free_entrance=True,
                                  latitude=lat + Decimal("0.004"), longitude=lon, opening_hours="Tu-Sa 13:00-21:00",
                                  public_email="info@drempelvrij.example"),
        "far": PlaceFactory(name="Huiskamer Veraf", type="living_room", step_free_entrance=True,
                            latitude=lat + Decimal("0.03"), longitude=lon + Decimal("0.03")),
    }
    _agenda(found["near"], found["step_free"])
    return found


def _agenda(near: Any, step_free: Any) -> None:
    """Real activities through the activities app's doors: a weekly series at each place whose feed the
    journeys subscribe to (one date cancelled), and a single evening."""
    today = now_local().date()
    facts = {"initiated_by": "residents", "organised_by": "residents", "participants": 10, "target_group": "",
             "category": "meeting", "start_time": dt.time(10, 0), "end_time": dt.time(12, 0), "is_public": True}
    officer = _officer()
    for place, title in ((near, "Koffieochtend"), (step_free, "Samen eten")):
        series = activity_services.series_create(place=place, by=None, values={
            **facts, "title": title, "first_date": today + dt.timedelta(days=1),
            "until": today + dt.timedelta(weeks=12), "interval_weeks": 1})
        activity_services.activity_cancel(activity=series.occurrences.order_by("date")[1], by=officer)
    activity_services.activity_create(place=step_free, by=None, values={
        **facts, "title": "Buurtquiz", "date": today + dt.timedelta(days=3), "start_time": dt.time(19, 30),
        "end_time": dt.time(21, 30)})


def _officer() -> Any:
    from ontmoet.accounts.roles import Role
    from tests.factories import UserFactory

    return UserFactory(role=Role.POLICY_OFFICER)


def _result_names(page: Any) -> list[str]:
    return page.locator(".finder-result h3").all_inner_texts()


def _check_feed(page: Any, url: str) -> None:
    """The feed parses with icalendar, names its zone, and its events are the activities the page lists."""
    response = page.request.get(url)
    assert response.status == 200
    calendar = icalendar.Calendar.from_ical(response.text())
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    # A series is one event in the feed and one line per date on the page: its rule is expanded (without its
    # EXDATEs) and every (title, date) of the feed is compared with the page's list.
    from_feed = sorted((str(e["SUMMARY"]), d.strftime("%d-%m")) for e in calendar.walk("VEVENT") for d in _dates(e))
    listed = sorted((title, re.search(r"\d\d-\d\d", text).group(0)) for title, text in (
        (li.locator("strong").inner_text(), li.inner_text()) for li in page.locator(".finder-activities li").all()))
    assert listed, "the place has activities"
    assert from_feed == listed


def _dates(event: Any) -> list[dt.datetime]:
    start = event.decoded("DTSTART")
    if "RRULE" not in event:
        return [start]
    found = event.get("EXDATE", [])
    skipped = {d.dt for prop in (found if isinstance(found, list) else [found]) for d in prop.dts}
    return [d for d in rrulestr(event["RRULE"].to_ical().decode(), dtstart=start) if d not in skipped]


def test_find_near_me_filter_step_free_open_the_place_and_subscribe(browser, live_server, places):
    buurt = places["buurt"]
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", permissions=["geolocation"],
                                  geolocation={"latitude": float(buurt.label_latitude),
                                               "longitude": float(buurt.label_longitude)})
    page = context.new_page()
    page.goto("/")
    page.get_by_role("button", name="Zoek bij mij in de buurt").click()
    page.wait_for_url(re.compile(r"lat=50\.8"))
    assert _result_names(page) == ["Buurthuis Dichtbij", "Buurthuis Drempelvrij", "Huiskamer Veraf"]
    assert "dichtstbij uw locatie eerst" in page.locator("#results-heading").inner_text()
    page.get_by_text("Filters: soort plek, toegankelijkheid, openingstijden").click()
    page.get_by_label("Drempelvrije entree").check()
    page.get_by_role("button", name="Zoeken").click()
    assert _result_names(page) == ["Buurthuis Drempelvrij", "Huiskamer Veraf"]  # still nearest first
    page.get_by_role("link", name="Buurthuis Drempelvrij").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Buurthuis Drempelvrij"
    assert "Dinsdag t/m zaterdag: 13:00 tot 21:00" in page.content()
    feed = page.get_by_role("link", name="Activiteiten van deze plek in uw agenda (iCal)").get_attribute("href")
    _check_feed(page, feed)
    context.close()


def _tab_to(page: Any, selector: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"{selector} not reached with Tab")


def test_the_journey_with_the_keyboard_alone(page, live_server, places):
    page.goto("/")
    _tab_to(page, "input[name=q]")
    page.keyboard.type(places["buurt"].name)
    _tab_to(page, "details.finder-filters summary")
    page.keyboard.press("Enter")  # opens the filters
    _tab_to(page, "input[value=step_free_entrance]")
    page.keyboard.press("Space")
    _tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"accessibility=step_free_entrance"))
    assert _result_names(page)[0] == "Buurthuis Drempelvrij"
    _tab_to(page, ".finder-result a")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/plekken/\d+$"))
    _tab_to(page, "a[href$='activiteiten.ics']")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    _check_feed(page, focused)
    # The focus is visible on every element reached (an outline or a box shadow).
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_the_journey_without_javascript(browser, live_server, places):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    assert not page.get_by_role("button", name="Zoek bij mij in de buurt").is_visible()
    page.get_by_label("Adres, postcode, buurt of wijk").fill(places["buurt"].name)
    page.get_by_text("Filters: soort plek, toegankelijkheid, openingstijden").click()
    page.get_by_label("Drempelvrije entree").check()
    page.get_by_role("button", name="Zoeken").click()
    assert _result_names(page) == ["Buurthuis Drempelvrij", "Huiskamer Veraf"]
    # A buurt on the map is a plain link too.
    page.goto("/")
    page.locator(f"a[href*='buurt={places['buurt'].code}']").first.click()
    assert _result_names(page)[:2] == ["Buurthuis Dichtbij", "Buurthuis Drempelvrij"]
    page.get_by_role("link", name="Buurthuis Dichtbij").first.click()
    _check_feed(page, page.get_by_role("link", name="Activiteiten van deze plek in uw agenda (iCal)")
                .get_attribute("href"))
    context.close()


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("width", [1280, 320])
def test_every_public_page_is_axe_clean(browser, live_server, places, language, width):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"/taal/{language}?next=/")
    urls = ["/", f"/?q={places['buurt'].name}&accessibility=step_free_entrance&open_now=on",
            f"/?lat={places['buurt'].label_latitude}&lon={places['buurt'].label_longitude}",
            f"/plekken/{places['near'].pk}", f"/plekken/{places['step_free'].pk}", f"/plekken/{places['far'].pk}",
            f"/plekken/{places['near'].pk}/iets-organiseren", "/toegankelijkheid"]
    problems = {}
    for url in urls:
        page.goto(url)
        assert page.evaluate("document.documentElement.lang") == language
        found = []
        if page.evaluate("document.documentElement.scrollWidth") > width:
            found.append("scrolls sideways")
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        if results.violations_count:
            found.append(results.generate_report())
        if found:
            problems[url] = found
    context.close()
    assert problems == {}


def test_logged_in_users_keep_their_start_page_at_320_px(page, login, assert_accessible):
    """``/`` is the finder only for visitors; the reflow walk sees it anonymously, so the start page is walked
    here as a logged-in user."""
    login(page, "policy_officer")
    page.set_viewport_size({"width": 320, "height": 900})
    page.goto("/")
    assert not page.locator("form.finder-search").count()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)


def test_a_resident_sends_an_idea_to_the_board(page, live_server, places, assert_accessible):
    from ontmoet.finder.models import InitiativeRequest

    page.goto(f"/plekken/{places['near'].pk}")
    page.get_by_role("link", name="Help iets organiseren op deze plek").click()
    page.get_by_label("Uw naam").fill("Mia")
    page.get_by_label("Uw e-mailadres of telefoonnummer").fill("mia@example.org")
    page.get_by_label("Uw idee").fill("Een breiclub op dinsdagmiddag.")
    page.wait_for_timeout(3200)  # a person's pace: a form sent within seconds of opening counts as a robot's
    page.get_by_role("button", name="Idee versturen").click()
    assert page.get_by_role("status").inner_text().startswith("Dank u wel!")
    assert_accessible(page)
    assert InitiativeRequest.objects.get().place == places["near"]
    # Empty, the form names the fields that are missing, next to each field.
    page.goto(f"/plekken/{places['near'].pk}/iets-organiseren")
    page.get_by_role("button", name="Idee versturen").click()
    assert page.locator("#id_name_error").is_visible()
    assert page.get_by_label("Uw naam").get_attribute("aria-invalid") == "true"
    assert_accessible(page)


def test_a_board_member_sees_the_ideas_on_the_start_page_at_320_px(page, login, places, assert_accessible):
    from ontmoet.finder import services

    services.initiative_submit(place=places["near"], sender="s", by=None, values={
        "name": "Mia", "contact": "mia@example.org", "idea": "Een breiclub op dinsdagmiddag."})
    board = login(page, "board_member")
    places["near"].board_accounts.add(board)
    page.set_viewport_size({"width": 320, "height": 900})
    page.goto("/")
    assert page.get_by_role("heading", name="Ideeën van bewoners").is_visible()
    assert "Een breiclub op dinsdagmiddag." in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)
