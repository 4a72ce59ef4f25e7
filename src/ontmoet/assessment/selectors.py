"""Reads for the afwegingskader: the register as a place index, the buurt of a point, neighbourhood statistics
and the vulnerability table built from them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, FloatField, Max, QuerySet
from django.db.models.functions import Cast

from ontmoet.assessment.models import AssessmentRecord, NeighbourhoodStatistic, NeighbourhoodStatisticImport
from ontmoet.domain.assessment import (
    NeighbourhoodIndicators,
    PlaceIndex,
    PlacePoint,
    VulnerabilityTable,
    vulnerability_table,
)
from ontmoet.domain.assessment.rules import CoLocationRule, NearCommunityHouseRule
from ontmoet.domain.geo import Area, area_containing
from ontmoet.domain.register import PlaceKind
from ontmoet.places.models import MeetingPlace, Neighbourhood
from ontmoet.places.selectors import neighbourhood_areas

#: The kinds the distance rules compare with; other places need not be loaded for an assessment.
NEARBY_KINDS = frozenset({*CoLocationRule.targets, *NearCommunityHouseRule.targets})

_areas_cache: dict[str, object] = {}


def assessment_place_index(on: dt.date | None = None) -> PlaceIndex:
    """The places with coordinates whose type on ``on`` (today) matters to the distance rules."""
    rows = (
        MeetingPlace.objects.with_type(on)
        .filter(type__in=[kind.value for kind in NEARBY_KINDS], latitude__isnull=False, longitude__isnull=False)
        # Floats straight from the database: converting a thousand Decimals costs more than the rules.
        .annotate(lat=Cast("latitude", FloatField()), lon=Cast("longitude", FloatField()))
        .values_list("id", "name", "type", "lat", "lon")
    )
    return PlaceIndex(
        PlacePoint(id=pk, name=name, kind=PlaceKind(kind), latitude=lat, longitude=lon)
        for pk, name, kind, lat, lon in rows
    )


def _areas() -> list[Area]:
    """Buurt outlines, kept in memory: they are reference data that change only with a new CBS indeling."""
    signature = tuple(Neighbourhood.objects.aggregate(n=Count("id"), m=Max("id")).values())
    if _areas_cache.get("signature") != signature:
        _areas_cache["areas"] = neighbourhood_areas()
        _areas_cache["signature"] = signature
    areas: list[Area] = _areas_cache["areas"]  # type: ignore[assignment]
    return areas


def neighbourhood_at(latitude: float, longitude: float) -> Neighbourhood | None:
    """The buurt whose outline contains the point, or None outside Maastricht."""
    code = area_containing(_areas(), longitude, latitude)
    return Neighbourhood.objects.filter(code=code).first() if code else None


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
    weights: dict[str, Decimal] = settings.POLICY_PLAN.assessment.vulnerability_weights.weights
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
