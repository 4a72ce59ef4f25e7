"""The administrator's account pages: every write goes through an accounts service and leaves an audit event."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from ontmoet.accounts.models import ApiToken, User
from ontmoet.accounts.roles import Role
from ontmoet.accounts.services import token_issue
from ontmoet.accounts.tokens import usable_token
from ontmoet.core.models import AuditEvent
from tests.factories import PlaceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, user_with_role):
    admin = user_with_role(Role.ADMINISTRATOR, username="beheerder")
    client.force_login(admin)
    client.admin = admin
    return client


def test_the_list_shows_role_places_active_and_last_login(admin_client):
    place = PlaceFactory(name="Buurthuis Lijst")
    member = UserFactory(username="bo", role=Role.BOARD_MEMBER)
    place.board_accounts.add(member)
    UserFactory(username="weg", is_active=False)
    html = admin_client.get(reverse("accounts:users")).content.decode()
    assert "Bestuurslid" in html and "Buurthuis Lijst" in html
    assert "Gedeactiveerd" in html and "nooit" in html


def test_create_a_board_member_with_places(admin_client):
    place = PlaceFactory(name="Eigen huis")
    response = admin_client.post(reverse("accounts:user_create"), {
        "username": "nieuw-bestuur", "full_name": "Nina Nieuw", "role": Role.BOARD_MEMBER,
        "places": [place.pk], "password": "een-lang-genoeg-wachtwoord"})
    user = User.objects.get(username="nieuw-bestuur")
    assert response.status_code == 302 and response["Location"] == reverse("accounts:user_detail", args=[user.pk])
    assert list(user.board_places.all()) == [place]
    assert user.check_password("een-lang-genoeg-wachtwoord")
    assert AuditEvent.objects.filter(action="user_create", actor=admin_client.admin).exists()


def test_create_applies_the_password_validators_and_keeps_the_input(admin_client):
    response = admin_client.post(reverse("accounts:user_create"), {
        "username": "kort", "full_name": "Kees Kort", "role": Role.DATA_ANALYST, "password": "kort"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dit wachtwoord is te kort: gebruik minstens 12 tekens" in html and 'value="Kees Kort"' in html
    assert not User.objects.filter(username="kort").exists()


def test_a_board_member_needs_a_place(admin_client):
    response = admin_client.post(reverse("accounts:user_create"), {
        "username": "losbestuur", "role": Role.BOARD_MEMBER, "password": "een-lang-genoeg-wachtwoord"})
    assert "minstens één plek" in response.content.decode()
    assert not User.objects.filter(username="losbestuur").exists()


def test_change_role_drops_the_places(admin_client):
    place = PlaceFactory()
    member = UserFactory(username="bo", role=Role.BOARD_MEMBER)
    place.board_accounts.add(member)
    response = admin_client.post(reverse("accounts:user_detail", args=[member.pk]),
                                 {"role": Role.COMMUNITY_WORKER, "full_name": "Bo Bestuur"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.role == Role.COMMUNITY_WORKER and not member.board_places.exists()
    event = AuditEvent.objects.get(action="user_update")
    assert event.changes["role"] == {"before": Role.BOARD_MEMBER, "after": Role.COMMUNITY_WORKER}
    assert AuditEvent.objects.filter(action="board_account_unlink", object_id=str(place.pk)).exists()


def test_an_administrator_cannot_change_their_own_role_or_deactivate_themselves(admin_client):
    me = admin_client.admin
    response = admin_client.post(reverse("accounts:user_detail", args=[me.pk]), {"role": Role.DATA_ANALYST})
    assert "eigen rol" in response.content.decode()
    admin_client.post(reverse("accounts:user_deactivate", args=[me.pk]))
    me.refresh_from_db()
    assert me.is_active and me.role == Role.ADMINISTRATOR


def test_deactivate_revokes_the_token_and_reactivate(admin_client):
    user = UserFactory(username="vertrekt")
    key = token_issue(user=user, by=None)
    admin_client.post(reverse("accounts:user_deactivate", args=[user.pk]))
    user.refresh_from_db()
    assert not user.is_active and ApiToken.objects.get(user=user).revoked_at is not None
    assert usable_token(key) is None
    admin_client.post(reverse("accounts:user_reactivate", args=[user.pk]))
    user.refresh_from_db()
    assert user.is_active
    assert list(AuditEvent.objects.filter(object_id=str(user.pk), object_type="accounts.user")
                .order_by("pk").values_list("action", flat=True)) == ["token_issue", "user_deactivate",
                                                                      "user_reactivate"]


def test_password_reset_checks_the_validators_and_both_entries(admin_client):
    user = UserFactory(username="vergeten")
    url = reverse("accounts:password_reset", args=[user.pk])
    assert "te kort" in admin_client.post(url, {"password": "kort", "password_again": "kort"}).content.decode()
    assert "niet gelijk" in admin_client.post(url, {"password": "een-lang-wachtwoord-1",
                                                    "password_again": "een-lang-wachtwoord-2"}).content.decode()
    response = admin_client.post(url, {"password": "een-lang-wachtwoord-1", "password_again": "een-lang-wachtwoord-1"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("een-lang-wachtwoord-1")
    event = AuditEvent.objects.get(action="password_reset")
    assert "een-lang-wachtwoord-1" not in str(event.changes)


def test_a_token_is_shown_once_works_and_can_be_revoked(admin_client, client):
    user = UserFactory(username="koppeling", role=Role.DATA_ANALYST)
    response = admin_client.post(reverse("accounts:token_issue", args=[user.pk]),
                                 {"name": "Koppeling BI", "scope": "write", "days": "30"}, follow=True)
    key = re.search(r'value="(ont_[^"]+)"', response.content.decode()).group(1)
    token = ApiToken.objects.get(user=user)
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest() and key not in str(token.__dict__)
    assert token.name == "Koppeling BI"
    assert abs(token.expires_at - token.created_at - dt.timedelta(days=30)) < dt.timedelta(seconds=5)
    assert response["Cache-Control"] == "no-store"
    assert key not in admin_client.get(reverse("accounts:user_detail", args=[user.pk])).content.decode()
    assert key not in str(list(AuditEvent.objects.values_list("changes", flat=True)))
    api = client.__class__()
    assert api.get("/api/v1/places", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None
    admin_client.post(reverse("accounts:token_revoke", args=[user.pk, token.pk]))
    assert api.get("/api/v1/places", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401
    assert AuditEvent.objects.filter(action="token_revoke", object_id=str(user.pk)).exists()


def test_a_token_form_with_bad_values_keeps_them_and_says_why(admin_client):
    user = UserFactory(username="koppeling2", role=Role.DATA_ANALYST)
    response = admin_client.post(reverse("accounts:token_issue", args=[user.pk]),
                                 {"name": "Lang leven", "scope": "write", "days": "4000"})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="Lang leven"' in page and "365" in page
    assert not ApiToken.objects.filter(user=user).exists()


def test_an_expired_or_read_only_token(client):
    user = UserFactory(username="lezer", role=Role.POLICY_OFFICER)
    reader = token_issue(user=user, by=None, name="lezen", scope="read", days=10)
    assert client.get("/api/v1/places", HTTP_AUTHORIZATION=f"Bearer {reader}").status_code == 200
    refused = client.post("/api/v1/places", {"name": "x"}, content_type="application/json",
                          HTTP_AUTHORIZATION=f"Bearer {reader}")
    assert refused.status_code == 403 and "alleen lezen" in refused.json()["detail"]
    ApiToken.objects.filter(user=user).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    expired = client.get("/api/v1/places", HTTP_AUTHORIZATION=f"Bearer {reader}")
    assert expired.status_code == 401 and "verlopen" in expired.json()["detail"]


def test_the_account_page_shows_its_token_table_once_and_a_plain_title(admin_client):
    user = UserFactory(username="titel", role=Role.DATA_ANALYST)
    page = admin_client.get(reverse("accounts:user_detail", args=[user.pk])).content.decode()
    title = re.search(r"<title>(.*?)</title>", page, flags=re.S).group(1)
    assert "<" not in title and title.startswith("titel")
    assert page.count('id="tokens-heading"') == 1


@pytest.mark.parametrize("name", ["a\x00b", "regel\neen", "tab\there"])
def test_a_token_name_with_control_characters_is_refused_and_kept(admin_client, name):
    user = UserFactory(username="vijandig", role=Role.DATA_ANALYST)
    response = admin_client.post(reverse("accounts:token_issue", args=[user.pk]),
                                 {"name": name, "scope": "read", "days": "30"})
    assert response.status_code == 400
    assert not ApiToken.objects.filter(user=user).exists()
