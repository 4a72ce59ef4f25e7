"""What the rules look at: the subject (a new or existing place, or an application) and its surroundings.

``None`` always means "not known"; a rule that needs an unknown fact answers ``not_applicable`` and says which
fact is missing, so that missing data is never mistaken for a pass or a failure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from ontmoet.domain.assessment.geodesy import PlaceIndex
from ontmoet.domain.assessment.model import Text
from ontmoet.domain.assessment.vulnerability import VulnerabilityTable
from ontmoet.domain.register import PlaceKind

KIND_LABELS: dict[PlaceKind, Text] = {
    PlaceKind.COMMUNITY_HOUSE: Text("gemeenschapshuis", "community house"),
    PlaceKind.MEETING_CENTRE: Text("Ontmoetingscentrum", "meeting centre"),
    PlaceKind.NEIGHBOURHOOD_HOUSE: Text("Huis van de Wijk", "neighbourhood house"),
    PlaceKind.LIVING_ROOM: Text("huiskamer", "living room"),
    PlaceKind.SOCIAL_RESTAURANT: Text("sociaal restaurant", "social restaurant"),
    PlaceKind.OTHER_SMALL_SCALE: Text("andere kleinschalige plek", "other small-scale place"),
}


class BuildingOwner(StrEnum):
    MUNICIPALITY = "municipality"
    OTHER = "other"


@dataclass(frozen=True)
class Location:
    latitude: float
    longitude: float
    neighbourhood_code: str | None = None
    neighbourhood_name: str | None = None


@dataclass(frozen=True)
class BoardFacts:
    """The Ogh/Asv conditions as checked facts (no home addresses are kept: a checked yes/no with a date)."""

    legal_entity: bool | None = None
    based_in_maastricht: bool | None = None
    broadly_accessible: bool | None = None
    member_count: int | None = None
    board_condition_met: bool | None = None
    board_condition_checked_on: dt.date | None = None
    kvk_matches: bool | None = None


@dataclass(frozen=True)
class ModernisationRequest:
    """A request under bouwsteen 2; ``justification`` explains why a kind of measure is left out."""

    sustainability_measures: tuple[str, ...] = ()
    accessibility_measures: tuple[str, ...] = ()
    justification: str = ""


@dataclass(frozen=True)
class Ownership:
    building_owner: BuildingOwner | None = None
    #: True when the municipality itself would run (own) the meeting place, not a board or residents.
    place_run_by_municipality: bool | None = None


@dataclass(frozen=True)
class AssessmentFacts:
    kind: PlaceKind
    location: Location | None
    places: PlaceIndex
    vulnerability: VulnerabilityTable | None = None
    is_new: bool = True
    #: The place being assessed, if it is in the register (left out of the nearest-place search).
    place_id: int | None = None
    #: The register place that houses this one (a huiskamer inside an OC), if any.
    housed_in_place_id: int | None = None
    #: Weighty reasons recorded per rule id ("zwaarwegende afwegingen", §1.7).
    weighty_reasons: Mapping[str, str] = field(default_factory=dict)
    modernisation: ModernisationRequest | None = None
    #: How residents were involved; None = not asked (yet), "" = asked and left empty.
    involvement: str | None = None
    board: BoardFacts | None = None
    ownership: Ownership | None = None

    def weighty_reason(self, rule_id: str) -> str:
        return (self.weighty_reasons.get(rule_id) or "").strip()
