"""The login page works in a real browser and is accessible."""

from __future__ import annotations

from ontmoet.accounts.roles import Role


def test_login_page_is_accessible(page, live_server, assert_accessible):
    page.goto("/accounts/login")
    assert page.get_by_role("heading", name="Inloggen").is_visible()
    assert_accessible(page)


def test_policy_officer_logs_in_and_sees_the_start_page(page, login):
    login(page, Role.POLICY_OFFICER)
    assert page.get_by_role("heading", name="Welkom").is_visible()


def test_wrong_password_keeps_the_username_and_says_why(page, live_server, transactional_db):
    page.goto("/accounts/login")
    page.get_by_label("Gebruikersnaam").fill("niemand")
    page.get_by_label("Wachtwoord").fill("fout-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    assert page.get_by_role("alert").is_visible()
    assert page.get_by_label("Gebruikersnaam").input_value() == "niemand"
