"""Browser tests of community work and board support.

The acceptance of issue 10: a board member asks for support, an officer takes it up and closes it, and the response
time appears on the overview; axe-core on every page. And every form of the capacity app submitted in the browser;
the app's pages walked at 320 px with the reflow checks of tests/e2e/test_reflow.py.
"""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

from ontmoet.accounts.roles import Role
from tests.factories import PlaceFactory
from tests.factories_capacity import BoardSupportRequestFactory, centre


def _submit(page, name: str) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("button", name=name).click()
    page.wait_for_load_state("domcontentloaded")


def test_board_member_asks_officer_takes_up_and_closes_response_time_on_overview(
        browser, live_server, login, transactional_db, assert_accessible):
    place = PlaceFactory(name="Gemeenschapshuis De Toets")
    board = browser.new_context(base_url=live_server.url, locale="nl-NL")
    officer = browser.new_context(base_url=live_server.url, locale="nl-NL")
    try:
        page = board.new_page()
        member = login(page, Role.BOARD_MEMBER)
        place.board_accounts.add(member)
        page.goto("/ondersteuning/vragen/nieuw")
        assert_accessible(page)
        page.get_by_label("Plek").select_option(label="Gemeenschapshuis De Toets")
        page.get_by_label("Waarmee wilt u hulp?").select_option("recruiting")
        page.get_by_label("Korte omschrijving").fill("Wij zoeken een nieuwe penningmeester.")
        _submit(page, "Vraag versturen")
        expect(page.get_by_text("Uw vraag is ontvangen.")).to_be_visible()
        expect(page.locator("#support-status")).to_have_text("Nieuw")
        assert_accessible(page)
        detail = page.url

        staff = officer.new_page()
        login(staff, Role.POLICY_OFFICER)
        staff.goto(detail)
        staff.get_by_role("link", name="Vraag oppakken").click()
        assert_accessible(staff)
        staff.get_by_label("Opgepakt door").select_option("municipality")
        staff.get_by_label("Contactpersoon").fill("G. Gemeente")
        _submit(staff, "Oppakken")
        expect(staff.locator("#support-status")).to_have_text("Opgepakt")
        expect(staff.locator("#response-time")).to_contain_text("0 werkdagen")
        staff.get_by_role("link", name="Vraag afsluiten").click()
        assert_accessible(staff)
        staff.get_by_label("Resultaat").select_option("done")
        staff.get_by_label("Uitkomst").fill("Twee kandidaten gevonden.")
        _submit(staff, "Afsluiten")
        expect(staff.locator("#support-status")).to_have_text("Afgerond")

        page.goto("/ondersteuning/")
        figures = page.locator("#response-times")
        expect(figures).to_contain_text("Binnen 10 werkdagen opgepakt")
        expect(figures).to_contain_text("100,0 % (1 van 1)")
        expect(figures).to_contain_text("0,0 werkdagen")
        assert_accessible(page)
    finally:
        board.close()
        officer.close()


def test_community_work_request_allocation_and_hours_forms(page, login, transactional_db, assert_accessible):
    from ontmoet.capacity.models import CommunityWorkAllocation, CommunityWorkHours

    centre("Ontmoetingscentrum Proef", buurt="BU09350207")
    login(page, Role.POLICY_OFFICER)
    page.goto("/ondersteuning/opbouwwerk/aanvragen")
    assert_accessible(page)
    page.get_by_label("Plek").select_option(label="Ontmoetingscentrum Proef")
    page.get_by_label("Jaar").select_option("2027")
    page.get_by_label("Gevraagd (fte)").fill("0,25")
    page.get_by_label("Doel").fill("Met de buurt nieuwe bewoners bereiken.")
    _submit(page, "Aanvragen")
    expect(page.get_by_text("Uw aanvraag voor opbouwwerk is ontvangen.")).to_be_visible()
    expect(page.locator("#allocation")).to_contain_text("Ontmoetingscentrum Proef")
    assert_accessible(page)
    page.get_by_role("link", name="Verdeling vastleggen").click()
    assert_accessible(page)
    page.get_by_label("Toekenning Ontmoetingscentrum Proef (fte)").fill("0,2")
    page.get_by_label("Reden van afwijking Ontmoetingscentrum Proef").fill("Deels uit eigen middelen.")
    _submit(page, "Verdeling vastleggen")
    expect(page.get_by_text("is vastgelegd en geboekt op bouwsteen 3")).to_be_visible()
    assert str(CommunityWorkAllocation.objects.get().allocated_fte) == "0.20"
    assert_accessible(page)

    worker_page = page.context.browser.new_page(base_url=page.url.split("/ondersteuning")[0])
    try:
        login(worker_page, Role.COMMUNITY_WORKER)
        worker_page.goto("/ondersteuning/opbouwwerk/uren/schrijven")
        assert_accessible(worker_page)
        worker_page.get_by_label("Plek").select_option(label="Ontmoetingscentrum Proef")
        worker_page.get_by_label("Maand", exact=True).fill("2026-03")
        worker_page.get_by_label("Uren", exact=True).fill("12,5")
        _submit(worker_page, "Opslaan")
        expect(worker_page.get_by_text("Uw uren zijn geschreven.")).to_be_visible()
        assert str(CommunityWorkHours.objects.get().hours) == "12.50"
        assert_accessible(worker_page)
    finally:
        worker_page.close()


def test_vacancy_and_working_group_forms(page, login, transactional_db, assert_accessible):
    from ontmoet.capacity.models import BoardVacancy, WorkingGroupMeeting, WorkingGroupMember

    PlaceFactory(name="Gemeenschapshuis Vacature")
    login(page, Role.POLICY_OFFICER)
    page.goto("/ondersteuning/besturen/vacatures/nieuw")
    page.get_by_label("Plek").select_option(label="Gemeenschapshuis Vacature")
    page.get_by_label("Functie").select_option("treasurer")
    page.get_by_label("Toelichting").fill("Penningmeester gezocht")
    _submit(page, "Melden")
    expect(page.get_by_text("De vacature is gemeld.")).to_be_visible()
    expect(page.locator("#boards")).to_contain_text("onder het minimum")
    assert_accessible(page)
    page.get_by_role("button", name="Vervuld").click()
    page.wait_for_load_state("domcontentloaded")
    assert BoardVacancy.objects.get().filled_on is not None

    page.goto("/ondersteuning/werkgroep/leden/nieuw")
    assert_accessible(page)
    page.get_by_label("Plek").select_option(label="Gemeenschapshuis Vacature")
    page.get_by_label("Naam van de afgevaardigde").fill("A. Afgevaardigde")
    page.get_by_label("Lid sinds").fill("2026-02-01")
    _submit(page, "Toevoegen")
    expect(page.locator("#members")).to_contain_text("A. Afgevaardigde")
    page.goto("/ondersteuning/werkgroep/bijeenkomsten/nieuw")
    assert_accessible(page)
    page.get_by_label("Datum").fill("2026-03-10")
    page.get_by_label("Agenda").fill("Ervaringen met de ondersteuning")
    page.get_by_label("Besluiten").fill("Elk kwartaal bijeen")
    _submit(page, "Vastleggen")
    expect(page.get_by_text("Elk kwartaal bijeen")).to_be_visible()
    assert WorkingGroupMember.objects.count() == 1 and WorkingGroupMeeting.objects.count() == 1
    assert_accessible(page)


def test_support_list_filter_form(page, login, transactional_db, assert_accessible):
    BoardSupportRequestFactory(place=PlaceFactory(name="Huis A"), kind="legal", requested_on=dt.date(2026, 3, 2))
    BoardSupportRequestFactory(place=PlaceFactory(name="Huis B"), kind="financial", requested_on=dt.date(2026, 3, 3))
    login(page, Role.COMMUNITY_WORKER)
    page.goto("/ondersteuning/vragen")
    page.get_by_label("Soort").select_option("legal")
    _submit(page, "Filteren")
    expect(page.locator("#support")).to_contain_text("Huis A")
    expect(page.locator("#support")).not_to_contain_text("Huis B")
    assert_accessible(page)


def test_capacity_pages_reflow_at_320_px_on_the_demo(browser, live_server, transactional_db):
    from axe_playwright_python.sync_playwright import Axe

    from ontmoet.accounts.demo import DEMO_PASSWORD
    from ontmoet.capacity.models import BoardSupportRequest
    from ontmoet.core.demo import load_demo
    from tests.e2e.conftest import log_in
    from tests.e2e.test_reflow import PAGE_CHECKS

    load_demo()
    new = BoardSupportRequest.objects.filter(status="new").first()
    taken = BoardSupportRequest.objects.filter(status="taken_up").first()
    assert new is not None and taken is not None
    walks = {
        "beleid": ["/", "/ondersteuning/", "/ondersteuning/opbouwwerk?year=2027", "/ondersteuning/opbouwwerk/aanvragen",
                   "/ondersteuning/opbouwwerk/verdelen?year=2027", "/ondersteuning/opbouwwerk/uren",
                   "/ondersteuning/besturen", "/ondersteuning/besturen/vacatures/nieuw", "/ondersteuning/vragen",
                   "/ondersteuning/vragen/nieuw", f"/ondersteuning/vragen/{taken.pk}",
                   f"/ondersteuning/vragen/{new.pk}/oppakken", f"/ondersteuning/vragen/{taken.pk}/afsluiten",
                   "/ondersteuning/werkgroep", "/ondersteuning/werkgroep/leden/nieuw",
                   "/ondersteuning/werkgroep/bijeenkomsten/nieuw"],
        "bestuur": ["/", "/ondersteuning/", "/ondersteuning/opbouwwerk", "/ondersteuning/vragen"],
        "opbouwwerk": ["/ondersteuning/opbouwwerk/uren", "/ondersteuning/opbouwwerk/uren/schrijven"],
    }
    axe = Axe()
    problems: dict[str, list[str]] = {}
    for username, urls in walks.items():
        context = browser.new_context(base_url=live_server.url, locale="nl-NL", viewport={"width": 320, "height": 900})
        page = context.new_page()
        log_in(page, username, DEMO_PASSWORD)
        for url in urls:
            response = page.goto(url)
            found = [] if response is not None and response.status < 400 else [f"status {response and response.status}"]
            found += page.evaluate(PAGE_CHECKS)
            results = axe.run(page, options={"runOnly": {"type": "tag", "values": [
                "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}})
            if results.violations_count:
                found.append(results.generate_report())
            if found:
                problems[f"{username} {url}"] = found
        context.close()
    assert problems == {}, "\n\n".join(f"{k}:\n  " + "\n  ".join(v) for k, v in problems.items())
