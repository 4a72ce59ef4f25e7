"""Reads for the afwegingskader: the register as a place index, the buurt of a point, neighbourhood statistics
and the vulnerability table built from them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import FloatField, Max, QuerySet
from django.db.models.functions import Cast

from ontmoet.assessment.models import AssessmentRecord, NeighbourhoodStatistic, NeighbourhoodStatisticImport
from ontmoet.core.plan import policy_plan
from ontmoet.domain.assessment import (
    NeighbourhoodIndicators,
    PlaceIndex,
    PlacePoint,
    VulnerabilityTable,
    vulnerability_table,
)
from ontmoet.domain.assessment.rules import CoLocationRule, NearCommunityHouseRule
from ontmoet.domain.register import PlaceKind
from ontmoet.places.models import MeetingPlace

#: The kinds the distance rules compare with; other places need not be loaded for an assessment.
NEARBY_KINDS = frozenset({*CoLocationRule.targets, *NearCommunityHouseRule.targets})

def assessment_place_index(on: dt.date | None = None) -> PlaceIndex:
    """The places with coordinates whose type on ``on`` (today) matters to the distance rules."""
    rows = (
        MeetingPlace.objects.of_type([kind.value for kind in NEARBY_KINDS], on)
        .filter(latitude__isnull=False, longitude__isnull=False)
        # Floats straight from the database: converting a thousand Decimals costs more than the rules.
        .annotate(lat=Cast("latitude", FloatField()), lon=Cast("longitude", FloatField()))
        .values_list("id", "name", "type", "lat", "lon")
    )
    return PlaceIndex(
        PlacePoint(id=pk, name=name, kind=PlaceKind(kind), latitude=lat, longitude=lon)
        for pk, name, kind, lat, lon in rows
    )


def statistics_years() -> list[int]:
    return list(NeighbourhoodStatistic.objects.order_by("-year").values_list("year", flat=True).distinct())


def statistics_for_year(year: int) -> QuerySet[NeighbourhoodStatistic]:
    return (NeighbourhoodStatistic.objects.filter(year=year).select_related("neighbourhood__district")
            .order_by("neighbourhood__code"))


def vulnerability_for(year: int | None = None) -> VulnerabilityTable | None:
    """The vulnerability table of ``year`` (the latest year with figures by default), or None without figures."""
    if year is None:
        year = NeighbourhoodStatistic.objects.aggregate(y=Max("year"))["y"]
        if year is None:
            return None
    weights: dict[str, Decimal] = policy_plan().assessment.vulnerability_weights.weights
    rows = [
        NeighbourhoodIndicators(
            code=stat.neighbourhood.code, name=stat.neighbourhood.name, year=stat.year,
            values={key: stat.indicator(key) for key in weights}, source=stat.source, is_demo=stat.is_demo,
            residents=stat.residents)
        for stat in statistics_for_year(year)
    ]
    return vulnerability_table(rows, weights, year)


def statistics_import_list() -> QuerySet[NeighbourhoodStatisticImport]:
    return NeighbourhoodStatisticImport.objects.select_related("imported_by")


def assessment_records_for(place: MeetingPlace) -> QuerySet[AssessmentRecord]:
    return AssessmentRecord.objects.filter(place=place).select_related("created_by")
