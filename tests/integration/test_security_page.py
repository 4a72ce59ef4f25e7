"""The administrators' security page (/accounts/beveiliging) and its CSV: failed logins per account and per
address with the lock they caused, the security events of a period, the period asked in ?dagen=, and a CSV in
which an account name typed as a formula stays text."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from ontmoet.accounts.login_guard import record_attempt
from ontmoet.accounts.roles import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
URL, CSV = "/accounts/beveiliging", "/accounts/beveiliging.csv"


@pytest.fixture
def admin(client):
    user = UserFactory(username="beheerder", role=Role.ADMINISTRATOR)
    client.force_login(user)
    return user


def test_failed_logins_with_their_lock_and_the_events(client, admin, settings):
    settings.LOGIN_MAX_FAILURES_ACCOUNT = 3
    for _ in range(3):
        record_attempt(username="Anna", address="192.0.2.7", user=None)
    record_attempt(username="=HYPERLINK(1)", address="198.51.100.1", user=None)
    page = client.get(URL).content.decode()
    assert "Na 3 mislukte pogingen voor één account" in page
    sections = page.split('<h2 class="utrecht-heading-2">')
    accounts = next(x for x in sections if x.startswith("Mislukte pogingen per account"))
    assert "<td>anna</td><td class=\"ontmoet-num\">3</td>" in accounts
    assert "ontmoet-badge--warning" in accounts  # anna is locked now
    addresses = next(x for x in sections if x.startswith("Mislukte pogingen per adres"))
    assert "192.0.2.7" in addresses and "198.51.100.1" in addresses
    assert "Inloggen tijdelijk geblokkeerd" in page and "Inloggen mislukt" in page
    assert client.get(URL)["Cache-Control"] == "no-store"


def test_the_period_and_hostile_values(client, admin):
    with time_machine.travel(timezone.now() - dt.timedelta(days=10), tick=False):
        record_attempt(username="oud", address="192.0.2.9", user=None)
    record_attempt(username="nieuw", address="192.0.2.10", user=None)
    week = client.get(URL).content.decode()
    assert "nieuw" in week and "<td>oud</td>" not in week
    month = client.get(URL, {"dagen": "30"}).content.decode()
    assert "<td>oud</td>" in month
    for raw in ("-1", "0", "abc", "9" * 40, "30.5", "²"):
        answer = client.get(URL, {"dagen": raw})
        assert answer.status_code == 200 and 'value="7"' in answer.content.decode()


def test_the_csv_keeps_a_formula_as_text(client, admin):
    record_attempt(username="=HYPERLINK(1)", address="198.51.100.1", user=None)
    answer = client.get(CSV)
    assert answer.status_code == 200 and answer["Content-Type"].startswith("text/csv")
    assert answer["Cache-Control"] == "no-store" and "attachment" in answer["Content-Disposition"]
    text = answer.content.decode("utf-8-sig")
    assert text.splitlines()[0] == "Tijdstip;Gebeurtenis;Account;Door"
    assert "'=hyperlink(1)" in text.lower() and ";=hyperlink" not in text.lower()


def test_only_administrators(client):
    client.force_login(UserFactory(username="beleid", role=Role.POLICY_OFFICER))
    assert client.get(URL).status_code == 403 and client.get(CSV).status_code == 403
