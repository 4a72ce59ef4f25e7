"""Changing one's own password in the browser: from the account page, a wrong current password refused on its
field, then the change, logging out and in with the new password (axe-core on each page)."""

from __future__ import annotations

from playwright.sync_api import expect

from ontmoet.accounts.roles import Role
from tests.e2e.conftest import log_in

NEW = "een-nieuw-lang-wachtwoord-2027"


def test_a_board_member_changes_their_password_and_logs_in_with_it(page, login, assert_accessible):
    user = login(page, Role.BOARD_MEMBER)
    page.goto("/accounts/account")
    page.get_by_role("link", name="Wachtwoord wijzigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wachtwoord wijzigen")
    assert_accessible(page)
    page.get_by_label("Huidig wachtwoord").fill("niet-het-goede-wachtwoord")
    page.get_by_label("Nieuw wachtwoord", exact=True).fill(NEW)
    page.get_by_label("Nieuw wachtwoord (nogmaals)").fill(NEW)
    page.get_by_role("button", name="Wachtwoord wijzigen").click()
    expect(page.get_by_text("Dit is niet uw huidige wachtwoord.")).to_be_visible()
    expect(page.get_by_label("Huidig wachtwoord")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)
    page.get_by_label("Huidig wachtwoord").fill("correct-horse-battery")
    page.get_by_label("Nieuw wachtwoord", exact=True).fill(NEW)
    page.get_by_label("Nieuw wachtwoord (nogmaals)").fill(NEW)
    page.get_by_role("button", name="Wachtwoord wijzigen").click()
    expect(page.get_by_text("Uw wachtwoord is gewijzigd.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn account")
    page.get_by_role("button", name="Uitloggen").click()
    log_in(page, user.username, NEW)
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
