"""Login throttling and the login audit trail (BIO2, ASVS V2.2.1): 5 failures for an account or 20 from an
address within 15 minutes lock logins for 15 minutes, even with the right password."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ontmoet.accounts.login_guard import locked_until
from ontmoet.accounts.models import LoginAttempt
from ontmoet.accounts.roles import Role
from ontmoet.core.models import AuditEvent
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery"
LOCKED = "Te veel mislukte pogingen"


def _login(client, username, password, address="192.0.2.10"):
    return client.post("/accounts/login", {"username": username, "password": password}, REMOTE_ADDR=address)


def _logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_five_failures_lock_the_account_even_for_the_right_password(client):
    UserFactory(username="beleid", role=Role.POLICY_OFFICER)
    for _ in range(5):
        _login(client, "beleid", "fout")
    response = _login(client, "beleid", PASSWORD)
    assert response.status_code == 200 and LOCKED in response.content.decode()
    assert "15 minuten" in response.content.decode()
    assert not _logged_in(client)
    assert AuditEvent.objects.filter(action="login_lockout").count() == 1
    assert AuditEvent.objects.filter(action="login_failure").count() == 6  # the refused right one counts too
    assert not AuditEvent.objects.filter(action="login").exists()


def test_four_failures_do_not_lock_and_a_login_is_audited(client):
    user = UserFactory(username="analist", role=Role.DATA_ANALYST)
    for _ in range(4):
        _login(client, "analist", "fout")
    response = _login(client, "analist", PASSWORD)
    assert response.status_code == 302 and _logged_in(client)
    event = AuditEvent.objects.get(action="login")
    assert event.actor == user and event.changes["address"]["after"] == "192.0.2.10"


def test_the_lock_ends_after_its_time(client):
    UserFactory(username="fin", role=Role.FINANCE_ADVISOR)
    for _ in range(5):
        _login(client, "fin", "fout")
    assert LOCKED in _login(client, "fin", PASSWORD).content.decode()
    LoginAttempt.objects.update(at=timezone.now() - dt.timedelta(minutes=31))
    assert _login(client, "fin", PASSWORD).status_code == 302


def test_twenty_failures_from_one_address_lock_that_address_only(client):
    UserFactory(username="bestuur", role=Role.BOARD_MEMBER)
    for i in range(20):
        _login(client, f"geraden{i}", "fout", address="198.51.100.7")
    assert LOCKED in _login(client, "bestuur", PASSWORD, address="198.51.100.7").content.decode()
    assert _login(client, "bestuur", PASSWORD, address="198.51.100.8").status_code == 302


def test_an_unknown_account_is_locked_with_the_same_message(client):
    for _ in range(5):
        _login(client, "bestaatniet", "fout")
    assert LOCKED in _login(client, "bestaatniet", "wat-dan-ook").content.decode()


def test_the_audit_trail_names_the_login_events_in_words(client, user_with_role):
    from ontmoet.core.audit_display import readable_events

    UserFactory(username="beleid", role=Role.POLICY_OFFICER)
    for _ in range(5):
        _login(client, "beleid", "fout")
    shown = readable_events(AuditEvent.objects.all())
    labels = {event.action for event in shown}
    assert {"Inloggen mislukt", "Inloggen tijdelijk geblokkeerd"} <= {str(label) for label in labels}


T0 = dt.datetime(2026, 12, 2, 10, 0, tzinfo=dt.UTC)
WINDOW, LOCK = dt.timedelta(minutes=15), dt.timedelta(minutes=15)


@pytest.mark.parametrize(("minutes", "now_after", "locked"), [
    ([0, 1, 2, 3, 4], 5, T0 + dt.timedelta(minutes=4) + LOCK),   # five within the window: locked 15 min after the 5th
    ([0, 1, 2, 3], 5, None),                                      # four: open
    ([0, 4, 8, 12, 16], 17, None),                                # spread over 16 minutes: no window of five
    ([0, 1, 2, 3, 4], 20, None),                                  # the lock has passed (ended 10:19)
    ([0, 1, 2, 3, 4, 10], 12, T0 + dt.timedelta(minutes=10) + LOCK),  # a failure inside the lock extends it
])
def test_locked_until(minutes, now_after, locked):
    failures = [T0 + dt.timedelta(minutes=m) for m in minutes]
    assert locked_until(failures, limit=5, window=WINDOW, lockout=LOCK,
                        now=T0 + dt.timedelta(minutes=now_after)) == locked
