"""The indicators of the plan computed from the system's own records (issue 11, point 3).

Each ``[monitoring.<key>]`` of the plan names a formula kind; this module reads the data that kind needs and
hands it to the pure computation in ``ontmoet.domain.monitoring``:

- ``survey_share``: the respondent-weighted city value of a survey column per year, plus the plan's measured
  baseline years that no imported survey covers;
- ``activity_share``: among the held activities at a place whose type on the activity's date was
  ``place_type``, the share initiated and/or organised by the ``counts`` groups (from the monthly tallies; the
  activities themselves only for a month in which a place's type changed);
- ``source_reading``: the capability that keeps the records registers a reader in ``core.registry`` (the
  subsidy and capacity parts); until it does, the indicator says there is no data yet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractYear

from ontmoet.activities.models import TALLY_PAIRS, Activity, ActivityTally, tally_column
from ontmoet.core.plan import policy_plan
from ontmoet.core.registry import indicator_source
from ontmoet.domain.monitoring import ShareCount, Trend, indicator_status, trend_to, type_segments, weighted_share
from ontmoet.domain.register import PlaceKind, TypeEvent
from ontmoet.monitoring.models import SurveyResult
from ontmoet.places.selectors import type_histories
from ontmoet.policy.schema import IndicatorTarget

HUNDRED = Decimal(100)
#: Shares are kept to six decimals (a millionth of a percent is below any survey's precision).
PLACES = Decimal("0.000001")


def as_fraction(value: Decimal | None, unit: str) -> Decimal | None:
    """A plan figure in the indicator's unit as the value the system computes ("85" % → 0.85)."""
    if value is None:
        return None
    return value / HUNDRED if unit == "%" else value


@dataclass
class IndicatorResult:
    """One indicator in one year: its value, target, trend and status (and the rule that gave the status)."""

    key: str
    kind: str
    formula: str
    label: str
    label_en: str
    unit: str
    comparison: str
    value: Decimal | None
    measured_year: int | None
    target: Decimal | None
    target_year: int | None
    status: str | None
    rule: str
    locked: bool = False
    series: list[tuple[int, Decimal]] = field(default_factory=list)
    slope: Decimal | None = None
    intercept: Decimal | None = None
    projected: Decimal | None = None
    detail: str = ""
    explanation: str = ""
    explanation_en: str = ""
    defaults: list[str] = field(default_factory=list)

    @property
    def is_share(self) -> bool:
        return self.unit == "%"

    def to_json(self) -> dict[str, Any]:
        """The stored (and API) form: decimals as numbers rounded to six places."""
        def num(v: Decimal | None) -> float | None:
            return None if v is None else float(v.quantize(PLACES))

        return {"key": self.key, "kind": self.kind, "formula": self.formula, "label": self.label,
                "labelEn": self.label_en, "unit": self.unit, "comparison": self.comparison,
                "value": num(self.value), "measuredYear": self.measured_year, "target": num(self.target),
                "targetYear": self.target_year, "status": self.status, "rule": self.rule, "locked": self.locked,
                "series": [[y, num(v)] for y, v in self.series], "slope": num(self.slope),
                "intercept": num(self.intercept), "projected": num(self.projected), "detail": self.detail,
                "explanation": self.explanation, "explanationEn": self.explanation_en,
                "defaults": self.defaults}

    @classmethod
    def from_json(cls, data: dict[str, Any], *, locked: bool) -> IndicatorResult:
        def dec(v: Any) -> Decimal | None:
            return None if v is None else Decimal(str(v))

        return cls(key=data["key"], kind=data["kind"], formula=data["formula"], label=data["label"],
                   label_en=data.get("labelEn", ""), unit=data["unit"], comparison=data["comparison"],
                   value=dec(data["value"]), measured_year=data["measuredYear"], target=dec(data["target"]),
                   target_year=data["targetYear"], status=data["status"], rule=data["rule"], locked=locked,
                   series=[(y, Decimal(str(v))) for y, v in data["series"]], slope=dec(data["slope"]),
                   intercept=dec(data["intercept"]), projected=dec(data["projected"]), detail=data["detail"],
                   explanation=data["explanation"], explanation_en=data.get("explanationEn", ""),
                   defaults=list(data.get("defaults", [])))


# --- survey shares ---------------------------------------------------------------------------------------------


def survey_points(column: str, *, up_to: int) -> dict[int, Decimal]:
    """The city value of a survey column per imported year (respondent-weighted over the buurten)."""
    rows: dict[int, list[tuple[int, Decimal | None]]] = {}
    for year, respondents, value in (SurveyResult.objects.filter(year__lte=up_to)
                                     .values_list("year", "respondents", column)):
        rows.setdefault(year, []).append((respondents, value))
    points = {}
    for year, values in rows.items():
        share = weighted_share(values)
        if share is not None:
            points[year] = share
    return points


# --- activity shares -------------------------------------------------------------------------------------------


@dataclass
class _Coverage:
    """Which tallies and which activities count for one year: whole years of places, single months, days."""

    whole_year: list[int] = field(default_factory=list)
    months: list[tuple[int, dt.date]] = field(default_factory=list)
    days: list[tuple[int, dt.date, dt.date]] = field(default_factory=list)


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _month_end(month: dt.date) -> dt.date:
    return (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def coverage(histories: dict[int, list[TypeEvent]], kind: PlaceKind, year: int) -> _Coverage:
    """Split the days each place had ``kind`` in ``year`` into whole years, whole months and loose days."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    cover = _Coverage()
    for place_id, history in histories.items():
        segments = type_segments(history, kind, first, last)
        if segments == [(first, last)]:
            cover.whole_year.append(place_id)
            continue
        for start, end in segments:
            month = _month_start(start)
            while month <= end:
                month_last = _month_end(month)
                lo, hi = max(start, month), min(end, month_last)
                if lo == month and hi == month_last:
                    cover.months.append((place_id, month))
                else:
                    cover.days.append((place_id, lo, hi))
                month = month_last + dt.timedelta(days=1)
    return cover


def _counted_columns(groups: Iterable[str]) -> list[str]:
    chosen = set(groups)
    return [tally_column(i, o) for i, o in TALLY_PAIRS if i in chosen or o in chosen]


def _sum_of(columns: Sequence[str]) -> Any:
    total: Any = Sum(columns[0])
    for column in columns[1:]:
        total = total + Sum(column)
    return total


def _month_tallies(months: list[tuple[int, dt.date]],
                   columns: Sequence[str]) -> Iterable[tuple[int, dt.date, ShareCount]]:
    """The tallies of the single months ``(place, month)`` with their counts. Read per place (the few places
    whose type changed) and picked in Python: an OR of a condition per month is planned and checked row by row,
    which took most of the dashboard's time at a thousand places over ten years."""
    wanted = set(months)
    rows = ActivityTally.objects.filter(place_id__in={p for p, _m in months},
                                        month__gte=min(m for _p, m in months), month__lte=max(m for _p, m in months))
    for place_id, month, held, *parts in rows.values_list("place_id", "month", "held", *columns).iterator():
        if (place_id, month) in wanted:
            yield place_id, month, ShareCount(sum(p or 0 for p in parts), held or 0)


def activity_counts(cover: _Coverage, year: int, groups: Iterable[str], *,
                    per_place: bool = False) -> dict[int | None, ShareCount]:
    """The share's counts from the tallies (and, for the loose days, the activities), in total (key None) or
    per place."""
    columns = _counted_columns(groups)
    results: dict[int | None, ShareCount] = {}

    def add(key: int | None, part: int | None, whole: int | None) -> None:
        results[key] = results.get(key, ShareCount(0, 0)) + ShareCount(part or 0, whole or 0)

    aggregates: dict[str, Any] = {"whole": Sum("held"), "part": _sum_of(columns)}
    for place_id, _month, count in _month_tallies(cover.months, columns) if cover.months else ():
        results[place_id if per_place else None] = results.get(place_id if per_place else None,
                                                               ShareCount(0, 0)) + count
    if cover.whole_year:
        tallies: Any = ActivityTally.objects.filter(place_id__in=cover.whole_year, month__gte=dt.date(year, 1, 1),
                                                    month__lte=dt.date(year, 12, 1))
        if per_place:
            for row in tallies.values("place_id").annotate(**aggregates).order_by():
                add(row["place_id"], row["part"], row["whole"])
        else:
            row = tallies.aggregate(**aggregates)
            add(None, row["part"], row["whole"])
    if cover.days:
        held: Any = Activity.objects.filter(cancelled=False).filter(
            reduce(or_, [Q(place_id=p, date__gte=lo, date__lte=hi) for p, lo, hi in cover.days]))
        chosen = list(groups)
        day_aggregates: dict[str, Any] = {"whole": Count("id"),
                          "part": Count("id", filter=Q(initiated_by__in=chosen) | Q(organised_by__in=chosen))}
        if per_place:
            for row in held.values("place_id").annotate(**day_aggregates).order_by():
                add(row["place_id"], row["part"], row["whole"])
        else:
            row = held.aggregate(**day_aggregates)
            add(None, row["part"], row["whole"])
    return results


def activity_years(up_to: int) -> list[int]:
    return sorted(d.year for d in ActivityTally.objects.filter(month__lte=dt.date(up_to, 12, 31))
                  .dates("month", "year"))


def activity_share_points(indicator: IndicatorTarget, *, up_to: int,
                          histories: dict[int, list[TypeEvent]] | None = None) -> dict[int, ShareCount]:
    """The share's counts per year with activities, up to ``up_to``, in three queries whatever the number of
    years: the tallies per place and year, the tallies of single months, and the activities of the days of
    months in which a place's type changed."""
    groups = list(indicator.counts.values if indicator.counts else ())
    columns = _counted_columns(groups)
    kind = PlaceKind(indicator.place_type)
    histories = type_histories() if histories is None else histories
    # Only places that ever had the type can count (a third of them, for meeting centres): their tallies alone.
    ever = [p for p, events in histories.items() if any(e.kind == kind for e in events)]
    per_place_year: Any = (ActivityTally.objects.filter(month__lte=dt.date(up_to, 12, 1), place_id__in=ever)
                           .annotate(y=ExtractYear("month")).values("place_id", "y")
                           .annotate(whole=Sum("held"), part=_sum_of(columns)).order_by())
    found = {(row["place_id"], row["y"]): ShareCount(row["part"] or 0, row["whole"] or 0) for row in per_place_year}
    totals: dict[int, ShareCount] = {}
    months: list[tuple[int, dt.date]] = []
    days: list[tuple[int, dt.date, dt.date]] = []
    for year in sorted({y for _p, y in found}):
        cover = coverage(histories, kind, year)
        total = ShareCount(0, 0)
        for place_id in cover.whole_year:
            total = total + found.get((place_id, year), ShareCount(0, 0))
        totals[year] = total
        months.extend(cover.months)
        days.extend(cover.days)
    for _place_id, month, count in _month_tallies(months, columns) if months else ():
        totals[month.year] = totals.get(month.year, ShareCount(0, 0)) + count
    if days:
        held: Any = Activity.objects.filter(
            cancelled=False, date__gte=min(lo for _p, lo, _h in days), date__lte=max(hi for _p, _l, hi in days),
        ).filter(reduce(or_, [Q(place_id=p, date__gte=lo, date__lte=hi) for p, lo, hi in days]))
        rows = held.annotate(y=ExtractYear("date")).values("y").annotate(
            whole=Count("id"), part=Count("id", filter=Q(initiated_by__in=groups) | Q(organised_by__in=groups)),
        ).order_by()
        for row in rows:
            totals[row["y"]] = totals.get(row["y"], ShareCount(0, 0)) + ShareCount(row["part"], row["whole"])
    return {year: total for year, total in sorted(totals.items()) if total.whole}


def activity_share_per_place(indicator: IndicatorTarget, year: int) -> dict[int, ShareCount]:
    groups = indicator.counts.values if indicator.counts else ()
    cover = coverage(type_histories(), PlaceKind(indicator.place_type), year)
    return {k: v for k, v in activity_counts(cover, year, groups, per_place=True).items() if k is not None}


# --- all indicators --------------------------------------------------------------------------------------------


def _defaults(indicator: IndicatorTarget) -> list[str]:
    found = []
    if indicator.counts is not None and indicator.counts.is_default:
        found.append("counts")
    if indicator.margin is not None and indicator.margin.is_default:
        found.append("margin")
    return found


def compute_indicator(indicator: IndicatorTarget, year: int, *,
                      histories: dict[int, list[TypeEvent]] | None = None) -> IndicatorResult:
    """One indicator of the plan in ``year``, computed from the records (never from a typed-in value)."""
    comparison = indicator.comparison_rule
    margin = as_fraction(indicator.margin.value, indicator.unit) if indicator.margin else Decimal(0)
    assert margin is not None
    target = as_fraction(indicator.target, indicator.unit)
    result = IndicatorResult(
        key=indicator.key, kind=indicator.kind, formula=indicator.formula, label=indicator.label or indicator.key,
        label_en=indicator.label_en or indicator.label or indicator.key, unit=indicator.unit,
        comparison=comparison, value=None, measured_year=None, target=target, target_year=indicator.target_year,
        status=None, rule="no_data", explanation=indicator.explanation, explanation_en=indicator.explanation_en,
        defaults=_defaults(indicator))
    achieved: bool | None = None
    points: dict[int, Decimal] = {}
    if indicator.formula == "survey_share":
        points = {y: v for y, v in indicator.baseline.items() if y <= year}
        points = {y: as_fraction(v, indicator.unit) for y, v in points.items()}  # type: ignore[misc]
        points.update(survey_points(indicator.column, up_to=year))
    elif indicator.formula == "activity_share":
        counts = activity_share_points(indicator, up_to=year, histories=histories)
        points = {y: c.value for y, c in counts.items() if c.value is not None}
        if year in counts:
            result.detail = f"{counts[year].part}/{counts[year].whole}"
    else:
        source = indicator_source(indicator.key)
        reading = source.read(year) if source is not None else None
        if reading is not None:
            result.value, achieved, result.detail = reading.value, reading.achieved, str(reading.detail)
            result.measured_year = year if reading.value is not None else None
            if achieved is None and reading.value is not None:
                achieved = reading.value > 0
    if points:
        result.series = sorted(points.items())
        result.measured_year, result.value = result.series[-1]
        trend: Trend | None = trend_to(result.series, indicator.target_year)
        if trend is not None:
            result.slope, result.intercept, result.projected = trend.slope, trend.intercept, trend.projected
    outcome = indicator_status(comparison=comparison, points=result.series, target=target,
                               target_year=indicator.target_year, margin=margin, year=year, achieved=achieved)
    result.status = outcome.status.value if outcome.status else None
    result.rule = outcome.rule
    return result


def compute_indicators(year: int) -> list[IndicatorResult]:
    """Every indicator of the plan in force, computed live for ``year``."""
    histories = type_histories()
    return [compute_indicator(indicator, year, histories=histories)
            for indicator in policy_plan().monitoring.values()]
