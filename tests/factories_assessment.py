"""Factories and helpers for the afwegingskader tests: plans with known thresholds, points at known distances."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from pyproj import Geod

from ontmoet.domain.assessment import AssessmentFacts, Location, PlaceIndex, PlacePoint
from ontmoet.domain.register import PlaceKind
from ontmoet.policy.schema import Parameter, PolicyPlan
from tests.plans import SEED_PLAN

#: Vrijthof, Maastricht (WGS84).
ORIGIN = (50.8488, 5.6887)
_GEOD = Geod(ellps="WGS84")


def point_at(metres: float, azimuth: float = 0.0, origin: tuple[float, float] = ORIGIN) -> tuple[float, float]:
    """The point ``metres`` away from ``origin`` along ``azimuth`` (degrees from north), as (lat, lon)."""
    lon, lat, _ = _GEOD.fwd(origin[1], origin[0], azimuth, metres)
    return lat, lon


def plan_with(*, co_location_m: int = 1000, near_m: int = 500, status: str = "default",
              min_board: int = 3, priority_share: str = "0.25", score_share: str = "0.5") -> PolicyPlan:
    """The shipped plan with the thresholds of a test (so a test states the figures it relies on)."""
    plan = SEED_PLAN
    a = plan.assessment
    assessment = dataclasses.replace(
        a,
        co_location_threshold_m=Parameter(Decimal(co_location_m), "m", status, "test"),  # type: ignore[arg-type]
        near_community_house_threshold_m=Parameter(Decimal(near_m), "m", status, "test"),  # type: ignore[arg-type]
        min_board_members=Parameter(Decimal(min_board), "personen", "policy", "test"),
        vulnerability_priority_share=Parameter(Decimal(priority_share), "aandeel", "default", "test"),
        score_vulnerability_share=Parameter(Decimal(score_share), "aandeel", "default", "test"),
    )
    return dataclasses.replace(plan, assessment=assessment)


def place(pid: int, kind: PlaceKind, metres: float, azimuth: float = 0.0, name: str | None = None) -> PlacePoint:
    lat, lon = point_at(metres, azimuth)
    return PlacePoint(id=pid, name=name or f"Plek {pid}", kind=kind, latitude=lat, longitude=lon)


AT_ORIGIN = Location(*ORIGIN)


def facts(kind: PlaceKind = PlaceKind.LIVING_ROOM, places: list[PlacePoint] | None = None,
          location: Location | None = AT_ORIGIN, **kwargs: object) -> AssessmentFacts:
    return AssessmentFacts(kind=kind, location=location, places=PlaceIndex(places or []), **kwargs)  # type: ignore[arg-type]
