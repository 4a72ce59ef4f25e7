"""The afwegingskader against the database: register places, buurt of a point, statistics, stored runs, CLI."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from ontmoet.accounts.roles import Role
from ontmoet.assessment import errors
from ontmoet.assessment.demo import load_assessment_demo
from ontmoet.assessment.evaluation import AssessmentRequest, assessment_run
from ontmoet.assessment.models import AssessmentRecord
from ontmoet.assessment.services import assessment_for_application
from ontmoet.core.models import AuditEvent
from ontmoet.domain.assessment import ModernisationRequest, Outcome, distance_m
from ontmoet.places.models import Board, BoardMember, Building, Neighbourhood
from tests.factories import PlaceFactory
from tests.factories_assessment import point_at

pytestmark = pytest.mark.django_db

# Vrijthof lies in the Binnenstad (BU09350000).
VRIJTHOF = (Decimal("50.848800"), Decimal("5.688700"))


def _place(name, type_, metres, azimuth=0.0, **kwargs):
    lat, lon = point_at(metres, azimuth)
    return PlaceFactory(name=name, type=type_, latitude=Decimal(f"{lat:.6f}"), longitude=Decimal(f"{lon:.6f}"),
                        **kwargs)


def test_new_living_room_near_an_oc_gets_attention_with_the_nearest_place_and_distance():
    oc = _place("OC Centrum", "meeting_centre", 350)
    _place("OC Ver weg", "meeting_centre", 3000, 180)
    assessment, subject = assessment_run(request=AssessmentRequest(type="living_room", latitude=VRIJTHOF[0],
                                                                   longitude=VRIJTHOF[1]))
    assert subject.neighbourhood.code == "BU09350000"
    co = assessment.finding("co_location")
    assert co.outcome is Outcome.ATTENTION
    facts = co.values()
    assert facts["nearest_place_id"] == oc.pk
    assert facts["nearest_place_name"] == "OC Centrum"
    expected = distance_m(float(VRIJTHOF[0]), float(VRIJTHOF[1]), float(oc.latitude), float(oc.longitude))
    assert facts["distance_m"] == pytest.approx(expected, abs=0.1)
    assert facts["threshold_m"] == 1000  # maastricht-2026: co_location_threshold_m = 1000 (default)
    assert assessment.plan_id == "maastricht-2026"


def test_the_type_on_the_day_counts_a_house_that_becomes_an_oc_later_is_not_one_yet():
    house = _place("Wordt OC", "community_house", 300)
    from ontmoet.places.models import PlaceTypeChange

    PlaceTypeChange.objects.create(place=house, from_type="community_house", to_type="meeting_centre",
                                   effective_date=dt.date(2030, 1, 1))
    before = assessment_run(request=AssessmentRequest(type="living_room", latitude=VRIJTHOF[0],
                                                      longitude=VRIJTHOF[1], on=dt.date(2029, 12, 31)))[0]
    after = assessment_run(request=AssessmentRequest(type="living_room", latitude=VRIJTHOF[0],
                                                     longitude=VRIJTHOF[1], on=dt.date(2030, 1, 1)))[0]
    assert before.finding("co_location").values()["nearest_place_id"] is None
    assert after.finding("co_location").values()["nearest_place_id"] == house.pk


def test_weighty_reason_from_the_request_applies_to_both_distance_rules():
    _place("OC Dichtbij", "meeting_centre", 200)
    assessment, _ = assessment_run(request=AssessmentRequest(
        type="living_room", latitude=VRIJTHOF[0], longitude=VRIJTHOF[1], weighty_reason="Geen ruimte in het OC."))
    assert assessment.finding("co_location").outcome is Outcome.PASSED
    assert assessment.finding("near_community_house").outcome is Outcome.PASSED
    assert assessment.finding("near_community_house").values()["weighty_reason"] == "Geen ruimte in het OC."


def test_choosing_a_buurt_uses_its_label_point():
    malberg = Neighbourhood.objects.get(code="BU09350207")
    _, subject = assessment_run(request=AssessmentRequest(type="living_room", neighbourhood_code="bu09350207"))
    assert subject.neighbourhood == malberg
    assert (subject.latitude, subject.longitude) == (float(malberg.label_latitude), float(malberg.label_longitude))
    assert subject.located_by == "neighbourhood"


@pytest.mark.parametrize(
    ("request_", "field", "message"),
    [
        (AssessmentRequest(type="living_room", latitude=Decimal("52.37"), longitude=Decimal("4.89")), "latitude",
         errors.OUTSIDE_MAASTRICHT),  # Amsterdam
        (AssessmentRequest(type="living_room", latitude=Decimal("50.85")), "longitude", errors.COORDINATES_PAIR),
        (AssessmentRequest(type="living_room"), "latitude", errors.LOCATION_REQUIRED),
        (AssessmentRequest(type="living_room", latitude=Decimal(91), longitude=Decimal(5)), "latitude",
         errors.LATITUDE_RANGE),
        (AssessmentRequest(type="kasteel", latitude=VRIJTHOF[0], longitude=VRIJTHOF[1]), "type",
         errors.TYPE_UNKNOWN % {"value": "kasteel"}),
        (AssessmentRequest(type="living_room", neighbourhood_code="BU00000000"), "neighbourhood",
         errors.NEIGHBOURHOOD_UNKNOWN % {"value": "BU00000000"}),
    ],
)
def test_bad_input_gives_a_dutch_message_on_the_field(request_, field, message):
    with pytest.raises(ValidationError) as caught:
        assessment_run(request=request_)
    assert caught.value.message_dict[field] == [str(message)]


def test_vulnerability_comes_from_the_imported_statistics_and_says_demo():
    load_assessment_demo()
    assessment, _ = assessment_run(request=AssessmentRequest(type="living_room", latitude=VRIJTHOF[0],
                                                             longitude=VRIJTHOF[1]))
    finding = assessment.finding("vulnerability_priority")
    assert finding.outcome is Outcome.PASSED
    assert finding.values()["neighbourhood_code"] == "BU09350000"
    assert finding.values()["ranked_count"] == 44
    assert finding.values()["is_demo"] is True
    assert "demonstratiecijfers" in finding.explanation.nl


def test_existing_place_is_assessed_with_its_board_building_and_own_location(user_with_role):
    building = Building.objects.create(name="Gemeentelijk pand", owner_kind="municipality")
    place = _place("OC De Linde", "meeting_centre", 0, building=building)
    board = Board.objects.create(place=place, legal_name="Stichting De Linde", kvk_number="12345678",
                                 based_in_maastricht=True, board_condition_met=True,
                                 board_condition_checked_on=dt.date(2026, 2, 1), kvk_matches=True)
    for name in ("A", "B", "C"):
        BoardMember.objects.create(board=board, name=name)
    officer = user_with_role(Role.GRANT_OFFICER)
    request = AssessmentRequest(
        place=place, broadly_accessible=True, involvement="Twee buurtavonden en een enquête.",
        modernisation=ModernisationRequest(("isolatie",), ("drempelvrije entree",)))
    assessment, record = assessment_for_application(request=request, by=officer, reference="AANVRAAG-2026-001")
    assert assessment.finding("eligibility").outcome is Outcome.PASSED
    assert assessment.finding("facilitating_role").outcome is Outcome.PASSED  # building municipal, place not
    assert assessment.finding("integral_execution").outcome is Outcome.PASSED
    assert assessment.finding("neighbourhood_involvement").outcome is Outcome.PASSED
    assert assessment.finding("co_location").outcome is Outcome.NOT_APPLICABLE  # an OC is not small-scale
    assert assessment.advice.value == "positive"
    stored = AssessmentRecord.objects.get()
    assert stored == record
    assert stored.place == place and stored.subject_type == "meeting_centre"
    assert stored.reference == "AANVRAAG-2026-001"
    assert stored.plan_id == "maastricht-2026"
    assert stored.findings[0]["rule"] == "co_location"
    assert stored.findings[5]["explanation"].startswith("Aan alle voorwaarden is voldaan")
    assert stored.inputs["involvement"] == "Twee buurtavonden en een enquête."
    event = AuditEvent.objects.get(action="assessment_store")
    assert event.actor == officer


def test_cli_assess_prints_json_with_the_issue_shape(capsys):
    oc = _place("OC Centrum", "meeting_centre", 350)
    call_command("assess", "--type", "living_room", "--lat", str(VRIJTHOF[0]), "--lon", str(VRIJTHOF[1]),
                 "--format", "json")
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"advice", "score", "plan", "findings"}
    assert data["advice"] == "conditional"
    co = next(f for f in data["findings"] if f["rule"] == "co_location")
    assert co["outcome"] == "attention"
    assert co["facts"]["nearest_place_id"] == oc.pk
    assert co["facts"]["nearest_place_name"] == "OC Centrum"
    assert co["facts"]["threshold_m"] == 1000
    assert co["units"]["distance_m"] == "m"


def test_cli_assess_text_and_errors(capsys):
    call_command("assess", "--type", "living_room", "--buurt", "BU09350207")
    out = capsys.readouterr().out
    assert "Advies:" in out and "co_location" in out and "Malberg" in out
    with pytest.raises(CommandError, match="niet in een buurt van Maastricht"):
        call_command("assess", "--type", "living_room", "--lat", "52.37", "--lon", "4.89")
