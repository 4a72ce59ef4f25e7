"""The administrators' security page in the browser: from the users' page, the period form submitted, the
failed logins and events shown, axe-core on the page."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from ontmoet.accounts.login_guard import record_attempt
from ontmoet.accounts.roles import Role


def test_an_administrator_reads_the_failed_logins_of_a_period(page, login, assert_accessible):
    with time_machine.travel(timezone.now() - dt.timedelta(days=20), tick=False):
        record_attempt(username="oud-account", address="192.0.2.20", user=None)
    record_attempt(username="raden", address="192.0.2.21", user=None)
    login(page, Role.ADMINISTRATOR)
    page.goto("/accounts/gebruikers/")
    page.get_by_role("link", name="Beveiliging").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Beveiliging")
    expect(page.get_by_role("cell", name="raden", exact=True)).to_be_visible()
    expect(page.get_by_role("cell", name="oud-account", exact=True)).to_have_count(0)
    assert_accessible(page)
    page.get_by_label("Periode (dagen)").fill("30")
    page.get_by_role("button", name="Tonen").click()
    page.wait_for_url("**/accounts/beveiliging?dagen=30")
    expect(page.get_by_role("cell", name="oud-account", exact=True)).to_be_visible()
    expect(page.get_by_label("Periode (dagen)")).to_have_value("30")
    assert_accessible(page)
