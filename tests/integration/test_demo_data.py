"""ontmoet load_demo: the seed's 18 community houses, real places only as the sources describe them."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.core.management import call_command

from ontmoet.accounts.models import User
from ontmoet.accounts.roles import Role
from ontmoet.core.models import AuditEvent
from ontmoet.places.models import MeetingPlace, PlaceTypeChange
from ontmoet.places.reference_data import DATA_DIR

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_has_one_account_per_role():
    call_command("load_demo", stdout=io.StringIO())
    counts = (MeetingPlace.objects.count(), User.objects.count(), AuditEvent.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (MeetingPlace.objects.count(), User.objects.count(), AuditEvent.objects.count()) == counts
    assert sorted(User.objects.values_list("role", flat=True)) == sorted(Role.values)
    board_member = User.objects.get(role=Role.BOARD_MEMBER)
    assert board_member.board_places.exists()


def test_eighteen_community_houses_some_of_which_chose_oc_or_hvdw():
    call_command("load_demo", stdout=io.StringIO())
    # Seed §Aanleiding/§5: "de huidige 18 gemeenschapshuizen" — every house started as one.
    started_as_house = PlaceTypeChange.objects.filter(from_type="", to_type="community_house").count()
    assert started_as_house == 18
    today = MeetingPlace.objects.with_type(dt.date(2026, 11, 29))
    assert today.filter(type="meeting_centre").exists()
    assert today.filter(type="neighbourhood_house").exists()
    assert MeetingPlace.objects.with_type().filter(type="living_room").exists()
    assert MeetingPlace.objects.with_type().filter(type="social_restaurant").exists()


def test_real_places_carry_only_what_the_sources_say():
    call_command("load_demo", stdout=io.StringIO())
    with (DATA_DIR / "maastricht_ontmoetingsplekken_found.csv").open(encoding="utf-8") as handle:
        sources = {row["name"]: row for row in csv.DictReader(handle)}
    real = MeetingPlace.objects.filter(is_demo=False)
    assert real.exists()
    for place in real:
        row = sources[place.name]  # every real place comes from the file
        assert f"{place.street} {place.house_number}".strip() == row["address"].strip()
        assert place.postcode == row["postcode"]
        assert (place.latitude is None) == (row["lat"] == "")
        assert not hasattr(place, "board")  # no invented boards
        assert place.opening_hours == ""
    assert all(p.is_demo for p in MeetingPlace.objects.exclude(name__in=sources))
