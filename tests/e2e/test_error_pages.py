"""Error pages in the browser: styled, in the interface language, with the header and a way back, axe-clean."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from ontmoet.accounts.roles import Role
from tests.e2e.test_language import _compiled_catalogues  # noqa: F401 - autouse: the English catalogue is built


def test_an_unknown_address_shows_the_styled_404_and_a_way_home(page, live_server, login, assert_accessible):
    login(page, Role.POLICY_OFFICER)
    response = page.goto("/register/bestaat-niet")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Pagina niet gevonden")
    expect(page.get_by_role("link", name="Ontmoet")).to_be_visible()  # the site header
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Naar de startpagina").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welkom")


def test_the_404_switches_to_english_with_the_header(page, live_server, assert_accessible):
    page.goto("/bestaat-niet")
    expect(page.get_by_role("heading", level=1)).to_have_text("Pagina niet gevonden")
    page.get_by_role("button", name=re.compile(r"^EN\b")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Log in")).to_be_visible()  # anonymous: a way in
    assert_accessible(page)


def test_a_page_outside_the_role_is_the_styled_403_with_the_reason(page, live_server, login, assert_accessible):
    login(page, Role.BOARD_MEMBER)
    response = page.goto("/register/kaart")
    assert response is not None and response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Geen toegang")
    expect(page.get_by_text("U hebt geen rol die deze handeling mag uitvoeren.")).to_be_visible()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    assert_accessible(page)


def test_an_expired_form_explains_itself_and_leads_back_to_the_form(page, live_server, login, assert_accessible):
    from tests.factories import UserFactory

    UserFactory(username="verlopen", role=Role.POLICY_OFFICER, password="correct-horse-battery")
    page.goto("/accounts/login")
    page.context.clear_cookies()  # as when the session and CSRF cookie expired while the form was open
    page.get_by_label("Gebruikersnaam").fill("verlopen")
    page.get_by_label("Wachtwoord").fill("correct-horse-battery")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Formulier verlopen")
    expect(page.get_by_text("vernieuw de pagina en probeer het opnieuw")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Terug naar het formulier").click()
    page.get_by_label("Gebruikersnaam").fill("verlopen")
    page.get_by_label("Wachtwoord").fill("correct-horse-battery")
    page.get_by_role("button", name="Inloggen").click()
    # The password was accepted: a member of staff without a device goes on to enrol for the second step.
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie instellen")


def test_a_bug_shows_the_styled_500(page, live_server, settings, assert_accessible):
    settings.ROOT_URLCONF = "tests.integration.error_urls"
    response = page.goto("/kapot")
    assert response is not None and response.status == 500
    expect(page.get_by_role("heading", level=1)).to_have_text("Er ging iets mis")
    expect(page.get_by_role("link", name="Naar de startpagina")).to_be_visible()
    assert "RuntimeError" not in page.content()
    assert_accessible(page)
