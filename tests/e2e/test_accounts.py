"""The administrator's account pages in the browser: every form is submitted (A19), axe-core on each page."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from ontmoet.accounts.models import User
from ontmoet.accounts.roles import Role
from ontmoet.core.models import AuditEvent
from tests.factories import PlaceFactory


def test_an_administrator_manages_an_account_from_creation_to_deactivation(page, live_server, login,
                                                                          assert_accessible):
    PlaceFactory(name="Buurthuis Oost")
    PlaceFactory(name="Huiskamer West")
    login(page, Role.ADMINISTRATOR)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Gebruikers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gebruikers")
    assert_accessible(page)

    # Create: a board member without a place and with a short password is refused, the input stays.
    page.get_by_role("link", name="Nieuwe gebruiker").click()
    page.get_by_label("Gebruikersnaam").fill("nina")
    page.get_by_label(re.compile(r"^Naam")).fill("Nina Nieuw")
    page.get_by_label("Rol").select_option(Role.BOARD_MEMBER)
    page.get_by_label("Wachtwoord").fill("kort")
    page.get_by_role("button", name="Gebruiker aanmaken").click()
    expect(page.get_by_text("Dit wachtwoord is te kort: gebruik minstens 12 tekens.")).to_be_visible()
    expect(page.get_by_label("Gebruikersnaam")).to_have_value("nina")
    assert_accessible(page)
    page.get_by_label("Wachtwoord").fill("een-lang-genoeg-wachtwoord")
    page.get_by_role("button", name="Gebruiker aanmaken").click()
    expect(page.get_by_text("Een bestuurslid hoort bij minstens één plek.")).to_be_visible()
    page.get_by_label("Buurthuis Oost").check()
    page.get_by_label("Wachtwoord").fill("een-lang-genoeg-wachtwoord")
    page.get_by_role("button", name="Gebruiker aanmaken").click()
    expect(page.get_by_text("Account nina aangemaakt.")).to_be_visible()
    assert_accessible(page)

    # Change the places.
    page.get_by_label("Huiskamer West").check()
    page.get_by_role("button", name="Rol en plekken opslaan").click()
    expect(page.get_by_text("Rol en plekken van nina opgeslagen.")).to_be_visible()
    expect(page.locator(".ontmoet-facts")).to_contain_text("Buurthuis Oost, Huiskamer West")

    # Reset the password: validators and both entries.
    page.get_by_role("link", name="Nieuw wachtwoord instellen").click()
    page.get_by_label("Nieuw wachtwoord", exact=True).fill("een-ander-lang-wachtwoord")
    page.get_by_label("Nieuw wachtwoord (nogmaals)").fill("iets-anders-dan-dat")
    page.get_by_role("button", name="Wachtwoord instellen").click()
    expect(page.get_by_text("De twee wachtwoorden zijn niet gelijk.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Nieuw wachtwoord", exact=True).fill("een-ander-lang-wachtwoord")
    page.get_by_label("Nieuw wachtwoord (nogmaals)").fill("een-ander-lang-wachtwoord")
    page.get_by_role("button", name="Wachtwoord instellen").click()
    expect(page.get_by_text("Nieuw wachtwoord voor nina ingesteld.")).to_be_visible()
    assert User.objects.get(username="nina").check_password("een-ander-lang-wachtwoord")

    # Issue a named, read-only token for 30 days: shown once, then only its name, prefix and dates.
    page.get_by_label("Naam van het token").fill("Koppeling BI")
    page.get_by_label("Bereik").select_option("read")
    page.get_by_label("Geldig (dagen)").fill("30")
    page.get_by_role("button", name="API-token uitgeven").click()
    token = page.get_by_role("textbox", name="API-token").input_value()
    assert re.fullmatch(r"ont_[A-Za-z0-9_-]{43}", token)
    assert_accessible(page)
    page.reload()
    expect(page.get_by_role("textbox", name="API-token")).to_have_count(0)
    assert token not in page.content()
    row = page.get_by_role("row", name=re.compile("Koppeling BI"))
    expect(row).to_contain_text("alleen lezen")
    expect(row).to_contain_text(token[:12])

    # Revoke it, deactivate and reactivate the account.
    row.get_by_role("button", name="Intrekken Koppeling BI").click()
    expect(page.get_by_text("API-token Koppeling BI van nina is ingetrokken.")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("Koppeling BI"))).to_contain_text("ingetrokken op")
    page.get_by_role("button", name="API-token uitgeven").click()
    page.get_by_role("button", name="Account deactiveren").click()
    expect(page.get_by_text("Account nina gedeactiveerd")).to_be_visible()
    page.get_by_role("button", name="Account weer activeren").click()
    expect(page.get_by_text("Account nina is weer actief.")).to_be_visible()

    page.get_by_role("link", name="← Gebruikers").click()
    row = page.get_by_role("row", name=re.compile("nina"))
    expect(row).to_contain_text("Bestuurslid")
    expect(row).to_contain_text("nooit")
    assert_accessible(page)
    actions = list(AuditEvent.objects.filter(actor__username="e2e-administrator").values_list("action", flat=True))
    for action in ("user_create", "user_update", "password_reset", "token_issue", "token_revoke",
                   "user_deactivate", "user_reactivate"):
        assert action in actions
