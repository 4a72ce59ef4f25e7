"""ontmoet create_user: one role per account, board members linked to places, API token on request."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from rest_framework.test import APIClient

from ontmoet.accounts.models import User
from ontmoet.core.audit import audit_events_for
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


def test_create_board_member_linked_to_a_place_with_a_working_token():
    place = PlaceFactory(name="Eigen plek")
    other = PlaceFactory(name="Andere plek")
    out = io.StringIO()
    call_command("create_user", "jan", "--role", "board_member", "--place", str(place.pk), "--token",
                 "--password", "lang-genoeg-wachtwoord", stdout=out)
    token = out.getvalue().strip().splitlines()[-1]
    user = User.objects.get(username="jan")
    assert user.role == "board_member"
    assert list(user.board_places.all()) == [place]
    assert audit_events_for(place).filter(action="board_account_link").exists()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    names = [p["name"] for p in client.get("/api/v1/places").json()["results"]]
    assert names == ["Eigen plek"]
    assert client.get(f"/api/v1/places/{other.pk}").status_code == 404


def test_board_member_without_place_is_refused():
    with pytest.raises(CommandError, match="minstens één plek"):
        call_command("create_user", "piet", "--role", "board_member", "--password", "x" * 12)
    assert not User.objects.filter(username="piet").exists()


def test_unknown_place_is_refused():
    with pytest.raises(CommandError, match="Onbekende plek"):
        call_command("create_user", "piet", "--role", "board_member", "--place", "999999", "--password", "x" * 12)


def test_officer_cannot_be_linked_to_a_place():
    place = PlaceFactory()
    with pytest.raises(CommandError, match="Alleen een bestuurslid"):
        call_command("create_user", "bea", "--role", "policy_officer", "--place", str(place.pk), "--password", "x" * 12)
