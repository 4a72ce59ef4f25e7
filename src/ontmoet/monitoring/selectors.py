"""Reads of the monitoring: the indicators of a year (the locked version when there is one), the breakdowns
per place and buurt, reach and activity counts over the years."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Sum
from django.db.models.functions import ExtractYear

from ontmoet.activities.models import ActivityTally
from ontmoet.core.plan import policy_plan
from ontmoet.monitoring.indicators import IndicatorResult, activity_share_per_place, compute_indicators
from ontmoet.monitoring.models import IndicatorLock, SurveyResult
from ontmoet.places.models import MeetingPlace


def latest_lock(year: int) -> IndicatorLock | None:
    return IndicatorLock.objects.filter(year=year).order_by("-version").first()


def indicators_for_year(year: int, *, live: bool = False) -> list[IndicatorResult]:
    """The indicators of ``year``: the latest locked version's figures ("vastgesteld") unless ``live``."""
    lock = None if live else latest_lock(year)
    if lock is not None:
        return [IndicatorResult.from_json(item, locked=True) for item in lock.figures]
    return compute_indicators(year)


def indicators_json(year: int) -> dict[str, object]:
    """The answer of the API and of ``ontmoet indicators --format json``."""
    return {"year": year, "indicators": [
        {k: v for k, v in r.to_json().items()
         if k in ("key", "kind", "value", "target", "targetYear", "status", "locked", "unit", "measuredYear",
                  "label")}
        for r in indicators_for_year(year)]}


@dataclass(frozen=True)
class PlaceRow:
    place_id: int
    name: str
    neighbourhood: str
    latitude: Decimal | None
    longitude: Decimal | None
    activities: int
    participants: int
    share_part: int
    share_whole: int

    @property
    def share(self) -> Decimal | None:
        return Decimal(self.share_part) / self.share_whole if self.share_whole else None


def place_rows(year: int) -> list[PlaceRow]:
    """Per place: held activities and participants in ``year`` (all types), and the resident share's counts
    while it was of the indicator's place type."""
    indicator = next((i for i in policy_plan().monitoring.values() if i.formula == "activity_share"), None)
    shares = activity_share_per_place(indicator, year) if indicator is not None else {}
    totals: dict[int, Any] = {row["place_id"]: row for row in ActivityTally.objects.filter(
        month__gte=dt.date(year, 1, 1), month__lte=dt.date(year, 12, 1)).values("place_id").annotate(
        held_sum=Sum("held"), participants_sum=Sum("participants")).order_by()}
    rows = []
    ids = set(totals) | set(shares)
    for place in (MeetingPlace.objects.filter(pk__in=ids).select_related("neighbourhood")
                  .only("name", "latitude", "longitude", "neighbourhood__name").order_by("name")):
        total: Any = totals.get(place.pk, {})
        share = shares.get(place.pk)
        rows.append(PlaceRow(place.pk, place.name, place.neighbourhood.name if place.neighbourhood else "",
                             place.latitude, place.longitude, total.get("held_sum") or 0,
                             total.get("participants_sum") or 0, share.part if share else 0,
                             share.whole if share else 0))
    return rows


@dataclass(frozen=True)
class NeighbourhoodRow:
    name: str
    activities: int
    participants: int
    share_part: int
    share_whole: int

    @property
    def share(self) -> Decimal | None:
        return Decimal(self.share_part) / self.share_whole if self.share_whole else None


def neighbourhood_rows(places: list[PlaceRow]) -> list[NeighbourhoodRow]:
    grouped: dict[str, list[PlaceRow]] = {}
    for row in places:
        grouped.setdefault(row.neighbourhood or "-", []).append(row)
    return [NeighbourhoodRow(name, sum(r.activities for r in rows), sum(r.participants for r in rows),
                             sum(r.share_part for r in rows), sum(r.share_whole for r in rows))
            for name, rows in sorted(grouped.items())]


def yearly_reach() -> list[tuple[int, int, int]]:
    """(year, held activities, participants) over the years with activities: reach over time."""
    rows = (ActivityTally.objects.annotate(y=ExtractYear("month")).values("y")
            .annotate(held_sum=Sum("held"), participants_sum=Sum("participants")).order_by("y"))
    return [(r["y"], r["held_sum"] or 0, r["participants_sum"] or 0) for r in rows]


def survey_rows(year: int) -> list[SurveyResult]:
    return list(SurveyResult.objects.filter(year=year).select_related("neighbourhood")
                .order_by("neighbourhood__name"))


def locks() -> list[IndicatorLock]:
    return list(IndicatorLock.objects.select_related("locked_by").order_by("-year", "-version"))
