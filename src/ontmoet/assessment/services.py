"""The afwegingskader at work: mapping the database to the domain's facts, running it, storing a run, and
importing neighbourhood statistics (all-or-nothing, with a report per row).

``assessment_run`` is a computation (what-if page, API, CLI): it changes nothing. ``assessment_for_application``
is the entry point for a subsidy application: it runs the same rules and stores the result with its inputs,
with an audit event, so the decision letter can quote the explanations later.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from ontmoet.accounts.permissions import ensure_role
from ontmoet.accounts.roles import Role
from ontmoet.assessment import errors
from ontmoet.assessment.importing import ParsedFile, RowProblem, parse_statistics
from ontmoet.assessment.models import AssessmentRecord, NeighbourhoodStatistic, NeighbourhoodStatisticImport
from ontmoet.assessment.selectors import assessment_place_index, neighbourhood_at, vulnerability_for
from ontmoet.core.audit import audit_record
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

if TYPE_CHECKING:
    from ontmoet.accounts.models import User

#: Who may import neighbourhood statistics (domain.md §1: the Datagedreven Sturen team; and administrators).
STATISTICS_IMPORTERS = frozenset({Role.DATA_ANALYST, Role.ADMINISTRATOR})
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
            MeetingPlace.objects.with_type(request.on).filter(pk=request.place.pk).values_list("type", flat=True)
            .first())
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
        neighbourhood = neighbourhood_at(latitude, longitude)
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
        neighbourhood = place.neighbourhood or neighbourhood_at(latitude, longitude)
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
    return assess(facts, settings.POLICY_PLAN), subject


@transaction.atomic
def assessment_for_application(*, request: AssessmentRequest, by: User | None, reference: str = "",
                               purpose: str = "application") -> tuple[Assessment, AssessmentRecord]:
    """Assess an application (or any request worth keeping) and store the result with its inputs.

    The subsidy process calls this when an application is assessed; the stored findings carry the Dutch
    and English explanations that go into the decision letter's motivation.
    """
    assessment, subject = assessment_run(request=request)
    record = AssessmentRecord.objects.create(
        purpose=purpose,
        reference=reference,
        place=request.place,
        subject_type=subject.kind.value,
        latitude=None if subject.latitude is None else Decimal(str(subject.latitude)).quantize(Decimal("0.000001")),
        longitude=None if subject.longitude is None else Decimal(str(subject.longitude)).quantize(Decimal("0.000001")),
        neighbourhood=subject.neighbourhood,
        advice=assessment.advice.value,
        score=assessment.score,
        plan_id=assessment.plan_id,
        plan_version=assessment.plan_version,
        findings=assessment.to_dict()["findings"],
        inputs=request.inputs(),
        created_by=by,
    )
    audit_record(action="assessment_store", obj=record, by=by,
                 after={"advice": record.advice, "score": str(record.score), "reference": reference,
                        "plan": f"{record.plan_id} {record.plan_version}"})
    return assessment, record


@dataclass
class StatisticsImportReport:
    parsed: ParsedFile
    dry_run: bool
    created: int = 0
    updated: int = 0
    batch: NeighbourhoodStatisticImport | None = None

    @property
    def ok(self) -> bool:
        return self.parsed.ok

    @property
    def written(self) -> bool:
        return self.batch is not None

    @property
    def messages(self) -> list[RowProblem]:
        return self.parsed.messages

    @property
    def rows(self) -> int:
        return len(self.parsed.rows)

    @property
    def is_demo(self) -> bool:
        return any(row.is_demo for row in self.parsed.rows)


def neighbourhood_stats_import(*, content: bytes | str, file_name: str, by: User | None,
                               dry_run: bool = False) -> StatisticsImportReport:
    """Check a statistics file and, when every row is good and it is not a dry run, write all of it.

    All-or-nothing: one bad row and nothing is written; the report names every row, column and problem.
    Existing figures for the same buurt and year are replaced (the file is the source, never hand edits).
    """
    if by is not None:
        ensure_role(by, STATISTICS_IMPORTERS)
    known = set(Neighbourhood.objects.values_list("code", flat=True))
    keys = list(settings.POLICY_PLAN.assessment.vulnerability_weights.weights)
    report = StatisticsImportReport(parsed=parse_statistics(content, known_codes=known, indicator_keys=keys),
                                    dry_run=dry_run)
    if not report.ok or dry_run:
        return report
    with transaction.atomic():
        neighbourhoods = {n.code: n for n in Neighbourhood.objects.filter(code__in={r.buurtcode for r in
                                                                                     report.parsed.rows})}
        for row in report.parsed.rows:
            _, created = NeighbourhoodStatistic.objects.update_or_create(
                neighbourhood=neighbourhoods[row.buurtcode], year=row.year,
                defaults={"source": row.source, "is_demo": row.is_demo, "residents": row.residents,
                          "indicators": row.indicators, "imported_by": by})
            if created:
                report.created += 1
            else:
                report.updated += 1
        report.batch = NeighbourhoodStatisticImport.objects.create(
            file_name=file_name[:255], rows=report.rows, created=report.created, updated=report.updated,
            is_demo=report.is_demo, imported_by=by)
        audit_record(action="neighbourhood_stats_import", obj=report.batch, by=by,
                     after={"file": file_name, "rows": report.rows, "created": report.created,
                            "updated": report.updated, "is_demo": report.is_demo,
                            "years": sorted({r.year for r in report.parsed.rows})})
    return report
