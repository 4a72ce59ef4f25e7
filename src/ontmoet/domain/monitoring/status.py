"""Trend (least squares over the measured years) and status of an indicator, with the rule that gave it.

The rules (also in docs/monitoring.md and on the dashboard's hover text):

- **at_least** (a level to reach by the target year; ``at_most`` mirrored): *achieved* when the latest value
  reaches the target; otherwise the trend line through the measured years is read at the target year:
  *on track* when it reaches the target, *at risk* when it falls short by at most the margin, *off track*
  when it falls short by more. With a single measurement there is no trend: *at risk* within the margin,
  *off track* beyond it.
- **increase** (must rise; ``decrease`` mirrored): the slope of the trend per year against the margin (per
  year): *achieved* when the slope is above the margin and the latest value is above the first; *on track*
  when the slope is positive; *at risk* when it is at most the margin below zero (stable); *off track* when
  it falls faster. One measurement gives no status.
- **done_by** (an effort in or before the target year): *achieved* when the system's records show it was
  done; not done yet: *on track* before the target year, *at risk* in it, *off track* after it.
- **ongoing**: *achieved* in a year the records show it done, *at risk* otherwise.

No data: no value and no status ("nog geen gegevens"), never a made-up value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class Status(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"


@dataclass(frozen=True)
class Trend:
    """``value = intercept + slope × year``; ``projected`` is its value at the target year (if any)."""

    slope: Decimal
    intercept: Decimal
    projected: Decimal | None
    target_year: int | None

    def at(self, year: int) -> Decimal:
        return self.intercept + self.slope * year


@dataclass(frozen=True)
class StatusResult:
    status: Status | None
    #: Which rule decided, as a code the interface words (``target_reached``, ``trend_reaches_target``, ...).
    rule: str


def least_squares(points: Sequence[tuple[int, Decimal]]) -> tuple[Decimal, Decimal] | None:
    """Slope and intercept of the least-squares line through (year, value); None with fewer than two years."""
    if len({year for year, _v in points}) < 2:
        return None
    n = Decimal(len(points))
    mean_x = sum((Decimal(x) for x, _v in points), Decimal(0)) / n
    mean_y = sum((v for _x, v in points), Decimal(0)) / n
    sxx = sum(((Decimal(x) - mean_x) ** 2 for x, _v in points), Decimal(0))
    sxy = sum(((Decimal(x) - mean_x) * (v - mean_y) for x, v in points), Decimal(0))
    slope = sxy / sxx
    return slope, mean_y - slope * mean_x


def trend_to(points: Sequence[tuple[int, Decimal]], target_year: int | None) -> Trend | None:
    line = least_squares(points)
    if line is None:
        return None
    slope, intercept = line
    projected = intercept + slope * target_year if target_year is not None else None
    return Trend(slope=slope, intercept=intercept, projected=projected, target_year=target_year)


def indicator_status(*, comparison: str, points: Sequence[tuple[int, Decimal]], target: Decimal | None,
                     target_year: int | None, margin: Decimal, year: int,
                     achieved: bool | None = None) -> StatusResult:
    """The status of an indicator in ``year`` from its measured ``points`` (year ≤ ``year``, by year)."""
    if comparison in ("done_by", "ongoing"):
        return _effort_status(comparison, achieved, target_year, year)
    if not points:
        return StatusResult(None, "no_data")
    latest = points[-1][1]
    if comparison in ("increase", "decrease"):
        sign = Decimal(1) if comparison == "increase" else Decimal(-1)
        line = least_squares(points)
        if line is None:
            return StatusResult(None, "one_measurement")
        slope = line[0] * sign
        if slope > margin and (latest - points[0][1]) * sign > 0:
            return StatusResult(Status.ACHIEVED, "rising")
        if slope > 0:
            return StatusResult(Status.ON_TRACK, "rising_slowly")
        if slope >= -margin:
            return StatusResult(Status.AT_RISK, "stable")
        return StatusResult(Status.OFF_TRACK, "falling")
    if target is None:
        return StatusResult(None, "no_target")
    sign = Decimal(1) if comparison != "at_most" else Decimal(-1)
    if (latest - target) * sign >= 0:
        return StatusResult(Status.ACHIEVED, "target_reached")
    trend = trend_to(points, target_year)
    if trend is None or trend.projected is None:
        short = (target - latest) * sign
        return StatusResult(Status.AT_RISK if short <= margin else Status.OFF_TRACK, "one_measurement")
    short = (target - trend.projected) * sign
    if short <= 0:
        return StatusResult(Status.ON_TRACK, "trend_reaches_target")
    if short <= margin:
        return StatusResult(Status.AT_RISK, "trend_near_target")
    return StatusResult(Status.OFF_TRACK, "trend_misses_target")


def _effort_status(comparison: str, achieved: bool | None, target_year: int | None, year: int) -> StatusResult:
    if achieved is None:
        return StatusResult(None, "no_data")
    if achieved:
        return StatusResult(Status.ACHIEVED, "done")
    if comparison == "ongoing" or target_year is None:
        return StatusResult(Status.AT_RISK, "not_done")
    if year < target_year:
        return StatusResult(Status.ON_TRACK, "before_target_year")
    if year == target_year:
        return StatusResult(Status.AT_RISK, "in_target_year")
    return StatusResult(Status.OFF_TRACK, "after_target_year")
