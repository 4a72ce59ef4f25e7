"""The plan file is validated: every bad value names its key."""

from __future__ import annotations

import tomllib
from decimal import Decimal

import pytest

from ontmoet.policy import PlanError, current_plan, parse_plan
from tests.plans import SEED_PLAN_FILE


@pytest.fixture
def raw():
    """The frozen copy of the seed's plan: a later council decision changes the shipped file, not these facts."""
    with SEED_PLAN_FILE.open("rb") as handle:
        return tomllib.load(handle)


def test_the_shipped_plan_file_is_valid():
    # Whatever the council decides later, the plan Ontmoet ships must load (its figures are not tested here).
    assert current_plan().id == "maastricht-2026"


def test_seed_plan_holds_the_seed_caps_and_units(raw):
    plan = parse_plan(raw)
    assert plan.places.max_meeting_centres == 20
    assert plan.places.max_neighbourhood_houses == 4
    assert plan.community_work.fte_per_place == Decimal("0.25")
    assert plan.columns == ("2026", "2027", "2028", "2029", "2030", "structural")


@pytest.mark.parametrize(
    ("mutate", "key"),
    [
        (lambda r: r["unit_amounts"].__setitem__("meeting_centre", -1), "unit_amounts.meeting_centre"),
        (lambda r: r["unit_amounts"].__setitem__("meeting_centre", "veel"), "unit_amounts.meeting_centre"),
        (lambda r: r["counts"]["2027"].__setitem__("meeting_centres", 21), "counts.2027.meeting_centres"),
        (lambda r: r["community_work"].__setitem__("fte_per_place", 0.25), "community_work.fte_per_place"),
        (lambda r: r["blocks"]["B5"].pop("2026"), "blocks.B5.2026"),
        (lambda r: r["unit_amounts"].__setitem__("meeting_centr", 1), "unit_amounts.meeting_centr"),
        (lambda r: r["assessment"]["co_location_threshold_m"].__setitem__("status", "maybe"),
         "assessment.co_location_threshold_m.status"),
    ],
)
def test_bad_plan_value_names_the_key(raw, mutate, key):
    mutate(raw)
    with pytest.raises(PlanError) as caught:
        parse_plan(raw)
    assert caught.value.key == key
    assert key in str(caught.value)
