"""The plan's capacity section: the seed-silent figures of B3 and B5, marked as defaults; a missing or wrong figure
stops the plan with the key named."""

from __future__ import annotations

import tomllib
from decimal import Decimal

import pytest

from ontmoet.policy.loader import PlanError, parse_plan, plan_path
from tests.plans import SEED_PLAN


def test_seed_plan_has_the_capacity_figures_as_defaults():
    capacity = SEED_PLAN.capacity
    assert capacity.response_term_working_days.value == 10 and capacity.response_term_working_days.is_default
    assert capacity.hours_per_fte_year.value == Decimal(1872) and capacity.hours_per_fte_year.is_default
    # The B3 caps and the Ogh board minimum are read from their existing sections, not duplicated.
    assert SEED_PLAN.community_work.fte_per_place == Decimal("0.25")
    assert SEED_PLAN.assessment.min_board_members.value == 3


def _data() -> dict:
    with plan_path().open("rb") as handle:
        return tomllib.load(handle)


def test_missing_capacity_section_names_the_key():
    data = _data()
    del data["capacity"]["response_term_working_days"]
    with pytest.raises(PlanError) as info:
        parse_plan(data)
    assert info.value.key == "capacity.response_term_working_days"


def test_unknown_capacity_key_is_refused():
    data = _data()
    data["capacity"]["reponse_term"] = {"value": 5}
    with pytest.raises(PlanError) as info:
        parse_plan(data)
    assert info.value.key == "capacity.reponse_term"
