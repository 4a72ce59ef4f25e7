"""The afwegingskader as a computation: mapping a question and the database (register, statistics) to the
domain's facts and running the rules. Nothing here writes; ``assessment.services`` stores a run.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError

from ontmoet.assessment import errors
from ontmoet.assessment.selectors import assessment_place_index, vulnerability_for
from ontmoet.core.plan import policy_plan
from ontmoet.domain.assessment import (
    Assessment,
    AssessmentFacts,
    BoardFacts,
    BuildingOwner,
    Location,
    ModernisationRequest,
    Ownership,
    assess,
)
from ontmoet.domain.assessment.rules import CoLocationRule, NearCommunityHouseRule
from ontmoet.domain.register import PlaceKind
from ontmoet.places.models import Board, MeetingPlace, Neighbourhood
from ontmoet.places.selectors import neighbourhood_for_point

#: A single "weighty reason" from a form or the API applies to both distance rules.
DISTANCE_RULES = (CoLocationRule.id, NearCommunityHouseRule.id)


@dataclass(frozen=True)
class AssessmentRequest:
    """The facts of a question to the framework: a new place (what-if) or an application for a place.

    Location: coordinates, else the label point of ``neighbourhood_code``, else the place's own coordinates.
    ``None`` means not known: the rule that needs it answers not_applicable and says so.
    """

    type: str | None = None
    latitude: Decimal | float | None = None
    longitude: Decimal | float | None = None
    neighbourhood_code: str | None = None
    place: MeetingPlace | None = None
    is_new: bool | None = None
    housed_in_place_id: int | None = None
    weighty_reason: str = ""
    weighty_reasons: dict[str, str] = field(default_factory=dict)
    modernisation: ModernisationRequest | None = None
    involvement: str | None = None
    building_owner: str | None = None
    place_run_by_municipality: bool | None = None
    broadly_accessible: bool | None = None
    on: dt.date | None = None

    def inputs(self) -> dict[str, Any]:
        """The request as JSON-safe data, stored with an assessment."""
        modernisation = None
        if self.modernisation is not None:
            modernisation = {"sustainability_measures": list(self.modernisation.sustainability_measures),
                             "accessibility_measures": list(self.modernisation.accessibility_measures),
                             "justification": self.modernisation.justification}
        return {
            "type": self.type, "latitude": None if self.latitude is None else str(self.latitude),
            "longitude": None if self.longitude is None else str(self.longitude),
            "neighbourhood_code": self.neighbourhood_code, "place": self.place.pk if self.place else None,
            "is_new": self.is_new, "housed_in_place_id": self.housed_in_place_id,
            "weighty_reason": self.weighty_reason, "weighty_reasons": dict(self.weighty_reasons),
            "modernisation": modernisation, "involvement": self.involvement, "building_owner": self.building_owner,
            "place_run_by_municipality": self.place_run_by_municipality,
            "broadly_accessible": self.broadly_accessible, "on": self.on.isoformat() if self.on else None,
        }


@dataclass(frozen=True)
class ResolvedSubject:
    """Where and what the request is about, after looking things up (shown on the what-if page)."""

    kind: PlaceKind
    latitude: float | None
    longitude: float | None
    neighbourhood: Neighbourhood | None
    located_by: str  # "coordinates" | "neighbourhood" | "place" | ""


def _kind(request: AssessmentRequest) -> PlaceKind:
    value = request.type
    if not value and request.place is not None:
        value = getattr(request.place, "type", None) or (
            MeetingPlace.objects.with_type(request.on).filter(pk=request.place.pk)
            .values_list("type", flat=True).first())  # type: ignore[misc]  # the with_type() annotation
    if not value or value not in PlaceKind._value2member_map_:
        raise ValidationError({"type": [errors.TYPE_UNKNOWN % {"value": value or ""}]})
    return PlaceKind(value)


def resolve_subject(request: AssessmentRequest) -> ResolvedSubject:
    """The kind, point and buurt of the request; invalid input raises ValidationError with Dutch messages."""
    kind = _kind(request)
    lat, lon = request.latitude, request.longitude
    if (lat is None) != (lon is None):
        raise ValidationError({"latitude" if lat is None else "longitude": [errors.COORDINATES_PAIR]})
    if lat is not None and lon is not None:
        latitude, longitude = float(lat), float(lon)
        if not -90 <= latitude <= 90:
            raise ValidationError({"latitude": [errors.LATITUDE_RANGE]})
        if not -180 <= longitude <= 180:
            raise ValidationError({"longitude": [errors.LONGITUDE_RANGE]})
        neighbourhood = neighbourhood_for_point(latitude, longitude)
        if neighbourhood is None:
            raise ValidationError({"latitude": [errors.OUTSIDE_MAASTRICHT]})
        return ResolvedSubject(kind, latitude, longitude, neighbourhood, "coordinates")
    if request.neighbourhood_code:
        neighbourhood = Neighbourhood.objects.filter(code=request.neighbourhood_code.strip().upper()).first()
        if neighbourhood is None:
            raise ValidationError({"neighbourhood": [errors.NEIGHBOURHOOD_UNKNOWN % {
                "value": request.neighbourhood_code}]})
        return ResolvedSubject(kind, float(neighbourhood.label_latitude), float(neighbourhood.label_longitude),
                               neighbourhood, "neighbourhood")
    place = request.place
    if place is not None:
        if place.latitude is None or place.longitude is None:
            return ResolvedSubject(kind, None, None, place.neighbourhood, "")
        latitude, longitude = float(place.latitude), float(place.longitude)
        neighbourhood = place.neighbourhood or neighbourhood_for_point(latitude, longitude)
        return ResolvedSubject(kind, latitude, longitude, neighbourhood, "place")
    raise ValidationError({"latitude": [errors.LOCATION_REQUIRED]})


def _board_facts(place: MeetingPlace, broadly_accessible: bool | None) -> BoardFacts | None:
    board = Board.objects.filter(place=place).first()
    if board is None:
        return None
    return BoardFacts(
        # A registration at the KvK shows the board is a legal entity (stichting or vereniging).
        legal_entity=True if board.kvk_number else None,
        based_in_maastricht=board.based_in_maastricht,
        broadly_accessible=broadly_accessible,
        member_count=board.members.count(),
        board_condition_met=board.board_condition_met,
        board_condition_checked_on=board.board_condition_checked_on,
        kvk_matches=board.kvk_matches,
    )


def _ownership(request: AssessmentRequest) -> Ownership | None:
    owner = request.building_owner
    run_by_municipality = request.place_run_by_municipality
    place = request.place
    if place is not None:
        if owner is None and place.building is not None:
            owner = place.building.owner_kind
        if run_by_municipality is None and Board.objects.filter(place=place).exists():
            # A place with a volunteer board is carried by that board, not by the municipality.
            run_by_municipality = False
    if owner is None and run_by_municipality is None:
        return None
    return Ownership(building_owner=BuildingOwner(owner) if owner else None,
                     place_run_by_municipality=run_by_municipality)


def assessment_facts(request: AssessmentRequest) -> tuple[AssessmentFacts, ResolvedSubject]:
    """Map the request and the database (register, statistics) to the domain's facts."""
    subject = resolve_subject(request)
    location = None
    if subject.latitude is not None and subject.longitude is not None:
        location = Location(
            latitude=subject.latitude, longitude=subject.longitude,
            neighbourhood_code=subject.neighbourhood.code if subject.neighbourhood else None,
            neighbourhood_name=subject.neighbourhood.name if subject.neighbourhood else None)
    reasons = {rule: request.weighty_reason for rule in DISTANCE_RULES if request.weighty_reason.strip()}
    reasons.update({k: v for k, v in request.weighty_reasons.items() if v.strip()})
    place = request.place
    facts = AssessmentFacts(
        kind=subject.kind,
        location=location,
        places=assessment_place_index(request.on),
        vulnerability=vulnerability_for(),
        is_new=request.is_new if request.is_new is not None else place is None,
        place_id=place.pk if place is not None else None,
        housed_in_place_id=request.housed_in_place_id,
        weighty_reasons=reasons,
        modernisation=request.modernisation,
        involvement=request.involvement,
        board=_board_facts(place, request.broadly_accessible) if place is not None else None,
        ownership=_ownership(request),
    )
    return facts, subject


def assessment_run(*, request: AssessmentRequest) -> tuple[Assessment, ResolvedSubject]:
    """Run the afwegingskader on a request; a computation that stores nothing."""
    facts, subject = assessment_facts(request)
    return assess(facts, policy_plan()), subject
