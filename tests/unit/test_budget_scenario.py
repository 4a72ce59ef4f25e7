"""Scenarios override plan parameters; costs that hang together move together; bad keys are named."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from ontmoet.domain.budget import (
    ScenarioError,
    apply_scenario,
    compute_budget,
    parse_scenario,
    parse_scenario_toml,
    scenario_between,
    scenario_to_toml,
)
from ontmoet.domain.budget.model import WARNING_FTE_ABOVE_MAX, WARNING_MEETING_CENTRES_ABOVE_CAP
from ontmoet.domain.budget.scenario import (
    BAD_CHOICE,
    EXPECTED_NUMBER,
    EXPECTED_TABLE,
    EXPECTED_WHOLE,
    NOT_TOML,
    OUT_OF_RANGE,
    TOO_PRECISE,
    UNKNOWN_KEY,
)
from tests.plans import SEED_PLAN

#: The example of the issue, as an officer would write it.
EXAMPLE = """
name = "Minder ontmoetingscentra"
[counts.2027]
meeting_centres = 10
neighbourhood_houses = 3
[unit_amounts]
meeting_centre = 62000
neighbourhood_house = 220000
[community_work]
fte_per_place = 0.25
cost_per_fte = 150000
"""


@pytest.fixture
def plan():
    return SEED_PLAN


def test_example_file_parses_with_a_float_fte_read_as_its_text(plan):
    scenario = parse_scenario_toml(EXAMPLE, plan)
    assert scenario.name == "Minder ontmoetingscentra"
    assert scenario.counts == {"2027": {"meeting_centres": 10, "neighbourhood_houses": 3}}
    assert scenario.community_work["fte_per_place"] == Decimal("0.25")
    assert isinstance(scenario.community_work["fte_per_place"], Decimal)


def test_2027_with_10_oc_and_3_hvdw_moves_b1_and_b3_of_2027_only(plan):
    """Plan 2027: 12 OC + 2 HvdW. Scenario: 10 OC + 3 HvdW.
    B1: −2 × 62,000 + 1 × 220,000 = +96,000. B3: places 14 → 13, −1 × 0.25 × 150,000 = −37,500."""
    base = compute_budget(plan)
    changed = compute_budget(apply_scenario(plan, parse_scenario_toml(EXAMPLE, plan)))
    diff = changed.differences(base)
    assert changed.value("B1", "2027") - base.value("B1", "2027") == -2 * 62_000 + 1 * 220_000
    assert changed.value("B3", "2027") - base.value("B3", "2027") == -1 * 37_500
    assert diff["subtotal"][1] == 96_000 - 37_500
    assert diff["net_need"][1] == 96_000 - 37_500
    for key, values in diff.items():
        for column, delta in zip(changed.columns, values, strict=True):
            if column != "2027" and delta is not None:
                assert delta == 0, (key, column)
    assert diff["B2"][1] == diff["B4"][1] == diff["B5"][1] == diff["existing_coverage"][1] == 0


def test_applying_leaves_the_published_plan_alone(plan):
    before = compute_budget(plan)
    apply_scenario(plan, parse_scenario({"counts": {"2028": {"meeting_centres": 1}}}, plan))
    assert compute_budget(plan) == before
    assert plan.counts["2028"].meeting_centres == 20


def test_every_parameter_can_be_overridden(plan):
    data = {
        "counts": {"structural": {"meeting_centres": 18, "neighbourhood_houses": 3}},
        "unit_amounts": {"meeting_centre": 70_000, "neighbourhood_house": 200_000},
        "community_work": {"fte_per_place": "0.2", "cost_per_fte": 160_000, "max_fte_total": "5"},
        "blocks": {"B2": {"2030": 100_000}, "B4": {"2026": 0}, "B5": {"structural": 300_000}},
        "existing_coverage": {"structural": 700_000},
        "capital_charges": {"method": "linear", "term_years": 25, "interest_rate": "0.02"},
    }
    changed = apply_scenario(plan, parse_scenario(data, plan))
    budget = compute_budget(changed)
    assert budget.value("B1", "structural") == 18 * 70_000 + 3 * 200_000
    assert budget.value("B3", "structural") == 21 * 32_000  # 0.2 × 160,000 per place
    assert budget.value("B2", "2030") == 100_000
    assert budget.value("B4", "2026") == 0
    assert budget.value("B5", "structural") == 300_000
    assert budget.value("existing_coverage", "structural") == 700_000
    assert changed.investments.capital_charges.method == "linear"
    assert changed.investments.capital_charges.term_years == 25
    assert changed.investments.capital_charges.interest_rate == Decimal("0.02")


def test_scenario_between_keeps_only_what_differs_and_round_trips(plan):
    changed = replace(plan, counts={**plan.counts, "2027": replace(plan.counts["2027"], meeting_centres=10)})
    scenario = scenario_between(plan, changed, name="Tien OC", description="Vertraging")
    assert scenario.to_data() == {"name": "Tien OC", "description": "Vertraging",
                                  "counts": {"2027": {"meeting_centres": 10}}}
    again = parse_scenario_toml(scenario_to_toml(scenario), plan)
    assert again == scenario
    assert scenario_between(plan, plan).overrides_nothing


def test_toml_round_trip_with_every_kind_of_value(plan):
    scenario = parse_scenario({
        "name": 'Met "aanhalingstekens"', "community_work": {"fte_per_place": "0.3"},
        "blocks": {"B2": {"2026": 1}}, "capital_charges": {"method": "annuity", "interest_rate": 0.015},
    }, plan)
    assert parse_scenario_toml(scenario_to_toml(scenario), plan) == scenario


@pytest.mark.parametrize(
    ("data", "key", "code"),
    [
        ({"naam": "x"}, "naam", UNKNOWN_KEY),
        ({"counts": {"2031": {"meeting_centres": 1}}}, "counts.2031", UNKNOWN_KEY),
        ({"counts": {"2027": {"meeting_centers": 1}}}, "counts.2027.meeting_centers", UNKNOWN_KEY),
        ({"unit_amounts": {"meeting_centr": 1}}, "unit_amounts.meeting_centr", UNKNOWN_KEY),
        ({"community_work": {"fte": "0.25"}}, "community_work.fte", UNKNOWN_KEY),
        ({"blocks": {"B1": {"2026": 1}}}, "blocks.B1", UNKNOWN_KEY),
        ({"blocks": {"B2": {"2032": 1}}}, "blocks.B2.2032", UNKNOWN_KEY),
        ({"capital_charges": {"rate": 1}}, "capital_charges.rate", UNKNOWN_KEY),
        ({"counts": []}, "counts", EXPECTED_TABLE),
        ({"counts": {"2027": 10}}, "counts.2027", EXPECTED_TABLE),
        ({"counts": {"2027": {"meeting_centres": 10.5}}}, "counts.2027.meeting_centres", EXPECTED_WHOLE),
        ({"counts": {"2027": {"meeting_centres": True}}}, "counts.2027.meeting_centres", EXPECTED_WHOLE),
        ({"counts": {"2027": {"meeting_centres": -1}}}, "counts.2027.meeting_centres", OUT_OF_RANGE),
        ({"unit_amounts": {"meeting_centre": "62000"}}, "unit_amounts.meeting_centre", EXPECTED_WHOLE),
        ({"unit_amounts": {"meeting_centre": 10**13}}, "unit_amounts.meeting_centre", OUT_OF_RANGE),
        ({"community_work": {"fte_per_place": "veel"}}, "community_work.fte_per_place", EXPECTED_NUMBER),
        ({"community_work": {"fte_per_place": float("nan")}}, "community_work.fte_per_place", EXPECTED_NUMBER),
        ({"community_work": {"fte_per_place": "Infinity"}}, "community_work.fte_per_place", EXPECTED_NUMBER),
        ({"community_work": {"fte_per_place": "-0.25"}}, "community_work.fte_per_place", OUT_OF_RANGE),
        ({"community_work": {"fte_per_place": "0.1234567"}}, "community_work.fte_per_place", TOO_PRECISE),
        ({"capital_charges": {"method": "degressive"}}, "capital_charges.method", BAD_CHOICE),
        ({"capital_charges": {"term_years": 0}}, "capital_charges.term_years", OUT_OF_RANGE),
        ({"capital_charges": {"interest_rate": 1}}, "capital_charges.interest_rate", OUT_OF_RANGE),
        ({"name": 12}, "name", "expected_text"),
    ],
)
def test_bad_scenario_names_the_key(plan, data, key, code):
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(data, plan)
    assert caught.value.key == key
    assert caught.value.code == code
    assert key in str(caught.value)


def test_unknown_key_in_a_file_is_named(plan):
    with pytest.raises(ScenarioError) as caught:
        parse_scenario_toml(EXAMPLE + "\n[unit_amounts_extra]\nx = 1\n", plan)
    assert caught.value.key == "unit_amounts_extra"


def test_a_file_that_is_not_toml_is_refused(plan):
    with pytest.raises(ScenarioError) as caught:
        parse_scenario_toml("name = ", plan)
    assert caught.value.code == NOT_TOML


def test_every_key_is_optional(plan):
    scenario = parse_scenario({}, plan)
    assert scenario.overrides_nothing
    assert compute_budget(apply_scenario(plan, scenario)).rows == compute_budget(plan).rows


def test_scenario_above_the_caps_is_computed_with_warnings(plan):
    """The plan may not exceed 20 OC or 6 fte; a scenario may explore it, and the result says so."""
    scenario = parse_scenario({"counts": {"2030": {"meeting_centres": 22}},
                               "community_work": {"fte_per_place": "0.3"}}, plan)
    budget = compute_budget(apply_scenario(plan, scenario))
    codes = {(w.code, w.column) for w in budget.warnings}
    assert (WARNING_MEETING_CENTRES_ABOVE_CAP, "2030") in codes
    assert (WARNING_FTE_ABOVE_MAX, "2028") in codes  # 24 places × 0.3 = 7.2 fte > 6
    assert budget.value("B1", "2030") == 22 * 62_000 + 4 * 220_000


def test_the_scenario_file_in_the_user_guide_is_valid(plan):
    """docs/finance.md shows every key of a scenario file; it must stay a file the command accepts."""
    import re
    from pathlib import Path

    guide = (Path(__file__).resolve().parents[2] / "docs" / "finance.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(.*?)```", guide, re.S)
    assert example is not None
    scenario = parse_scenario_toml(example.group(1), plan)
    assert set(scenario.to_data()) == {"name", "description", "counts", "unit_amounts", "community_work", "blocks",
                                       "existing_coverage", "capital_charges"}
