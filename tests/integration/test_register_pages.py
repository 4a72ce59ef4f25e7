"""Register pages that answered 500, deleted in one click, or showed internal notes (each was found on a
running system; each test fails on the code that had the defect)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from ontmoet.places.models import BoardMember, MeetingPlace
from tests.factories import BoardFactory, BoardMemberFactory, PlaceFactory

pytestmark = pytest.mark.django_db


def test_the_create_form_shows_type_and_start_date_and_creates_the_place(client, policy_officer):
    client.force_login(policy_officer)
    page = client.get(reverse("places:create")).content.decode()
    assert 'name="type"' in page and 'name="since"' in page
    response = client.post(reverse("places:create"), {
        "name": "Huiskamer Op de Hoek", "type": "living_room", "since": "2026-09-01", "city": "Maastricht",
        "postcode": "6211 ab", "house_number": "4", "street": "Markt"})
    place = MeetingPlace.objects.with_type(dt.date(2026, 9, 1)).get(name="Huiskamer Op de Hoek")
    assert response.status_code == 302 and response["Location"] == reverse("places:detail", args=[place.pk])
    assert (place.type, place.postcode) == ("living_room", "6211 AB")


def test_the_create_form_keeps_input_and_names_the_bad_field(client, policy_officer):
    client.force_login(policy_officer)
    response = client.post(reverse("places:create"), {"name": "Huis", "type": "living_room", "since": "2026-09-01",
                                                      "postcode": "ABCDEFG", "city": "Maastricht"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Vul een Nederlandse postcode in" in page and 'value="ABCDEFG"' in page
    assert not MeetingPlace.objects.filter(name="Huis").exists()


def test_removing_a_board_member_asks_first_and_the_condition_follows(client, policy_officer):
    board = BoardFactory(board_condition_met=True, board_condition_checked_on=dt.date(2026, 1, 15))
    members = [BoardMemberFactory(board=board, name=f"Lid {i}") for i in range(3)]
    client.force_login(policy_officer)
    url = reverse("places:board_member_remove", args=[board.place.pk, members[0].pk])
    question = client.get(url).content.decode()
    assert "Weet u zeker" in question and "Daarna heeft het bestuur 2 leden" in question
    assert BoardMember.objects.filter(pk=members[0].pk).exists()  # asking removes nothing
    client.post(url)
    assert not BoardMember.objects.filter(pk=members[0].pk).exists()
    detail = client.get(reverse("places:detail", args=[board.place.pk])).content.decode()
    assert "2 bestuursleden vastgelegd, minimaal 3" in detail


def test_a_board_member_sending_a_register_field_is_refused_by_name(client, board_member, place):
    place.board_accounts.add(board_member)
    client.force_login(board_member)
    response = client.post(reverse("places:edit", args=[place.pk]), {"opening_hours": "di 10-14",
                                                                     "name": "Andere naam"})
    assert response.status_code == 200
    assert "U mag deze velden niet wijzigen: naam." in response.content.decode()
    place.refresh_from_db()
    assert (place.name, place.opening_hours) == ("Gemeenschapshuis Test", "")


def test_a_real_place_shows_its_public_source_and_no_provenance_notes(client, policy_officer):
    from ontmoet.core.demo import load_demo

    load_demo()
    place = MeetingPlace.objects.get(name="Gemeenschapshuis de Amyerhoof")
    client.force_login(policy_officer)
    page = client.get(reverse("places:detail", args=[place.pk])).content.decode()
    assert 'href="https://www.limburger.nl/cnt/dmf20180411_00059468"' in page
    assert "code-index" not in page and "map marker" not in page


def test_search_matches_every_word(client, policy_officer):
    PlaceFactory(name="Demohuis De Linde")
    PlaceFactory(name="Demohuis Het Anker")
    client.force_login(policy_officer)
    page = client.get(reverse("places:list"), {"search": "demohuis linde"}).content.decode()
    assert "Demohuis De Linde" in page and "Demohuis Het Anker" not in page
