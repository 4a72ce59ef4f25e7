"""Changing one's own password (/accounts/account/wachtwoord): the current one must be right, the new one passes
every validator and differs, the form keeps nothing of what was typed in the passwords (a password field is
never re-rendered), the session stays logged in, the old password stops working, and the change is audited."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate
from django.urls import reverse

from ontmoet.accounts.roles import Role
from ontmoet.core.models import AuditEvent
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
OLD, NEW = "oud-wachtwoord-2026", "nieuw-en-lang-genoeg-2027"
URL = "/accounts/account/wachtwoord"


@pytest.fixture
def member(client):
    user = UserFactory(username="lid", role=Role.BOARD_MEMBER)
    user.set_password(OLD)
    user.save()
    client.force_login(user)
    return user


def _post(client, current: str, new: str, again: str | None = None):
    return client.post(URL, {"current": current, "password": new, "password_again": again or new})


def test_the_page_is_linked_from_the_account_page_and_not_cached(client, member):
    assert URL in client.get(reverse("accounts:account")).content.decode()
    page = client.get(URL)
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert 'autocomplete="current-password"' in page.content.decode()


@pytest.mark.parametrize(("current", "new", "again", "field", "message"), [
    ("fout-wachtwoord-123", NEW, None, "current", "Dit is niet uw huidige wachtwoord."),
    (OLD, "kort", None, "password", "Dit wachtwoord is te kort"),
    (OLD, "1234567890123", None, "password", "Dit wachtwoord is te algemeen."),
    (OLD, OLD, None, "password", "Kies een ander wachtwoord dan het huidige."),
    (OLD, NEW, NEW + "x", "password_again", "De twee wachtwoorden zijn niet gelijk."),
])
def test_a_wrong_or_weak_password_is_refused_on_its_field(client, member, current, new, again, field, message):
    answer = _post(client, current, new, again)
    html = answer.content.decode()
    assert answer.status_code == 400
    assert message in html
    assert f'id="id_{field}"' in html and 'aria-invalid="true"' in html
    assert OLD not in html and NEW not in html  # never echoed back
    assert authenticate(username="lid", password=OLD) is not None  # unchanged
    assert not AuditEvent.objects.filter(action="password_change").exists()


def test_a_change_keeps_the_session_and_the_old_password_stops_working(client, member):
    answer = _post(client, OLD, NEW)
    assert answer.status_code == 302 and answer["Location"] == reverse("accounts:account")
    assert "Uw wachtwoord is gewijzigd." in client.get(reverse("accounts:account")).content.decode()
    assert client.get(URL).status_code == 200  # still logged in
    assert authenticate(username="lid", password=OLD) is None
    assert authenticate(username="lid", password=NEW) is not None
    event = AuditEvent.objects.get(action="password_change")
    assert event.actor_id == member.pk and NEW not in str(event.changes) and OLD not in str(event.changes)


def test_anonymous_is_sent_to_the_login(client):
    answer = client.get(URL)
    assert answer.status_code == 302 and "/accounts/login" in answer["Location"]
