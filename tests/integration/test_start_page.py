"""The start page per role (A18): the panels the apps register, and tiles that say what they are for."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from ontmoet.accounts.roles import Role
from ontmoet.core.registry import start_panels
from ontmoet.places.models import Board, Building, PlaceTypeChange
from tests.factories import BoardMemberFactory, PlaceFactory

pytestmark = pytest.mark.django_db


def _home(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def test_every_panel_is_registered_by_an_app():
    templates = {p.template for p in start_panels()}
    assert {"places/start/own_places.html", "places/start/register.html",
            "home/start/recent_changes.html"} <= templates


def test_a_board_member_sees_their_place_board_building_and_what_needs_attention(client, board_member):
    place = PlaceFactory(name="Buurthuis Eigen", type="community_house", opening_hours="")
    place.building = Building.objects.create(name="Oude school", energy_label="")
    place.save()
    place.board_accounts.add(board_member)
    board = Board.objects.create(place=place, legal_name="Stichting Eigen")
    BoardMemberFactory(board=board, name="A")
    PlaceFactory(name="Andermans huis").board_accounts.clear()
    html = _home(client, board_member)
    assert "Uw plek" in html and "Buurthuis Eigen" in html and "Andermans huis" not in html
    assert "Gemeenschapshuis" in html
    assert "1 bestuurslid, minimaal 3: A (" in html and "Niet voldaan" in html
    assert "Oude school" in html
    assert "Minder bestuursleden vastgelegd dan het beleidsplan vraagt (1 van minimaal 3)." in html
    assert "Openingstijden ontbreken" in html and "Het energielabel van het pand is niet bekend." in html
    # Officers' panels are not for a board member.
    assert "Register: de plafonds vandaag" not in html and "Recente wijzigingen" not in html


def test_a_board_member_without_a_place_is_told_so(client, board_member):
    assert "Uw account is nog aan geen plek gekoppeld" in _home(client, board_member)


def test_a_policy_officer_sees_the_caps_scheduled_changes_recent_changes_and_tiles(client, policy_officer):
    PlaceFactory(name="Centrum Een", type="meeting_centre")
    later = PlaceFactory(name="Huis Straks", type="community_house", since=dt.date(2018, 1, 1))
    PlaceTypeChange.objects.create(place=later, from_type="community_house", to_type="neighbourhood_house",
                                   effective_date=timezone.localdate() + dt.timedelta(days=40), reason="gepland")
    html = _home(client, policy_officer)
    assert "Register: de plafonds vandaag" in html
    assert "<strong>1</strong> van maximaal 20" in html  # Ontmoetingscentra, seed §5: at most 20
    assert "Geplande typewijzigingen" in html and "Huis Straks" in html
    assert "Gemeenschapshuis → Huis van de Wijk" in html
    assert "Recente wijzigingen" in html
    assert "Uw plek" not in html
    # Each tile says what it is for.
    assert "Alle ontmoetingsplekken met type, adres, pand en bestuur" in html
    assert "Het budget per bouwsteen en jaar" in html


@pytest.mark.parametrize("role", [r for r in Role if r != Role.BOARD_MEMBER])
def test_every_staff_role_sees_the_caps_and_a_tile_for_each_menu_entry(client, user_with_role, role):
    html = _home(client, user_with_role(role))
    assert "Register: de plafonds vandaag" in html
    assert ("Recente wijzigingen" in html) == (role in {Role.POLICY_OFFICER, Role.GRANT_OFFICER,
                                                        Role.DECISION_MAKER, Role.FINANCE_ADVISOR,
                                                        Role.ADMINISTRATOR})
    assert ("Accounts, rollen, plekken van bestuursleden" in html) == (role == Role.ADMINISTRATOR)
    assert html.count('class="ontmoet-tile"') >= 2


def test_recent_changes_name_the_object_kind_and_who(client, user_with_role):
    from ontmoet.accounts.services import user_create

    admin = user_with_role(Role.ADMINISTRATOR, first_name="Ben", last_name="Beheer")
    user_create(username="nieuwkomer", role=Role.DATA_ANALYST, password=None, by=admin)
    html = _home(client, admin)
    assert "Account aangemaakt: gebruiker <strong>nieuwkomer</strong>" in html and "door Ben Beheer" in html
