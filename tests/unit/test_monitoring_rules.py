"""The pure monitoring core: weighted survey shares, type segments, least squares and the status rules."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from ontmoet.domain.monitoring import (
    ActivityFact,
    Status,
    activity_share,
    indicator_status,
    least_squares,
    trend_to,
    type_segments,
    weighted_share,
)
from ontmoet.domain.register import PlaceKind, TypeEvent

MC, CH = PlaceKind.MEETING_CENTRE, PlaceKind.COMMUNITY_HOUSE


def test_weighted_share_weights_by_respondents_and_skips_empty_buurten():
    # (100 × 80 + 300 × 90) / 400 = 87.5 %
    assert weighted_share([(100, D(80)), (300, D(90)), (0, D(10)), (50, None)]) == D("0.875")
    assert weighted_share([]) is None


def test_least_squares_through_the_plans_baseline():
    slope, intercept = least_squares([(2014, D(86)), (2018, D(83)), (2022, D(80))])
    assert slope == D("-0.75")
    assert intercept + slope * 2030 == D(74)
    assert least_squares([(2022, D(80))]) is None
    assert trend_to([(2022, D(80)), (2022, D(81))], 2030) is None


def test_type_segments_and_the_day_of_the_change():
    history = [TypeEvent(dt.date(2018, 1, 1), CH), TypeEvent(dt.date(2026, 3, 15), MC),
               TypeEvent(dt.date(2026, 10, 1), CH)]
    year = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert type_segments(history, MC, *year) == [(dt.date(2026, 3, 15), dt.date(2026, 9, 30))]
    assert type_segments(history, CH, *year) == [(dt.date(2026, 1, 1), dt.date(2026, 3, 14)),
                                                 (dt.date(2026, 10, 1), dt.date(2026, 12, 31))]
    assert type_segments([TypeEvent(dt.date(2020, 1, 1), MC)], MC, *year) == [year]


def test_activity_share_uses_the_type_on_the_activitys_date():
    histories = {1: [TypeEvent(dt.date(2018, 1, 1), CH), TypeEvent(dt.date(2026, 3, 15), MC)]}
    facts = [
        ActivityFact(1, dt.date(2026, 3, 14), "residents", "residents"),  # the day before: not yet an OC
        ActivityFact(1, dt.date(2026, 3, 15), "residents", "board"),  # the day of the change: an OC
        ActivityFact(1, dt.date(2026, 4, 1), "board", "board"),
        ActivityFact(1, dt.date(2026, 4, 2), "professional", "residents"),
        ActivityFact(1, dt.date(2026, 4, 3), "residents", "residents", cancelled=True),
    ]
    share = activity_share(facts, histories, MC, {"residents"})
    assert (share.part, share.whole) == (2, 3)
    assert activity_share(facts, histories, MC, {"board"}).part == 2


@pytest.mark.parametrize(("points", "expected", "rule"), [
    ([(2022, D("0.86"))], Status.ACHIEVED, "target_reached"),
    ([(2014, D("0.80")), (2022, D("0.84"))], Status.ON_TRACK, "trend_reaches_target"),
    ([(2014, D("0.80")), (2022, D("0.81"))], Status.AT_RISK, "trend_near_target"),
    ([(2014, D("0.86")), (2018, D("0.83")), (2022, D("0.80"))], Status.OFF_TRACK, "trend_misses_target"),
    ([(2022, D("0.81"))], Status.AT_RISK, "one_measurement"),
    ([(2022, D("0.70"))], Status.OFF_TRACK, "one_measurement"),
    ([], None, "no_data"),
])
def test_at_least_rules(points, expected, rule):
    result = indicator_status(comparison="at_least", points=points, target=D("0.85"), target_year=2030,
                              margin=D("0.05"), year=2026)
    assert (result.status, result.rule) == (expected, rule)


@pytest.mark.parametrize(("points", "expected"), [
    ([(2018, D("0.40")), (2022, D("0.50"))], Status.ACHIEVED),
    ([(2018, D("0.40")), (2022, D("0.41"))], Status.ON_TRACK),
    ([(2018, D("0.40")), (2022, D("0.39"))], Status.AT_RISK),
    ([(2018, D("0.40")), (2022, D("0.30"))], Status.OFF_TRACK),
    ([(2022, D("0.40"))], None),
])
def test_increase_rules(points, expected):
    result = indicator_status(comparison="increase", points=points, target=None, target_year=None,
                              margin=D("0.005"), year=2026)
    assert result.status == expected


@pytest.mark.parametrize(("achieved", "year", "expected"), [
    (True, 2026, Status.ACHIEVED), (False, 2025, Status.ON_TRACK), (False, 2026, Status.AT_RISK),
    (False, 2027, Status.OFF_TRACK), (None, 2026, None)])
def test_effort_rules(achieved, year, expected):
    result = indicator_status(comparison="done_by", points=[], target=None, target_year=2026, margin=D(0),
                              year=year, achieved=achieved)
    assert result.status == expected
