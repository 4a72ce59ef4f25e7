"""Each rule of the afwegingskader, table-driven: inside/outside the threshold, nothing to compare with,
missing data (not_applicable with the reason) and a recorded weighty reason."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ontmoet.domain.assessment import (
    BoardFacts,
    BuildingOwner,
    Location,
    ModernisationRequest,
    NeighbourhoodIndicators,
    Outcome,
    Ownership,
    vulnerability_table,
)
from ontmoet.domain.assessment.rules import (
    CoLocationRule,
    EligibilityRule,
    FacilitatingRoleRule,
    IntegralExecutionRule,
    NearCommunityHouseRule,
    NeighbourhoodInvolvementRule,
    VulnerabilityPriorityRule,
)
from ontmoet.domain.register import PlaceKind
from tests.factories_assessment import ORIGIN, facts, place, plan_with

OC, HVDW, GH = PlaceKind.MEETING_CENTRE, PlaceKind.NEIGHBOURHOOD_HOUSE, PlaceKind.COMMUNITY_HOUSE
LIVING, RESTAURANT = PlaceKind.LIVING_ROOM, PlaceKind.SOCIAL_RESTAURANT


# --- co_location -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "register", "expected", "nearest_id"),
    [
        (LIVING, [(1, OC, 800)], Outcome.ATTENTION, 1),  # within 1,000 m
        (LIVING, [(1, OC, 1000)], Outcome.ATTENTION, 1),  # on the threshold counts as within
        (LIVING, [(1, OC, 1200)], Outcome.PASSED, 1),  # beyond the threshold
        (RESTAURANT, [(1, HVDW, 300)], Outcome.ATTENTION, 1),  # a HvdW counts, and so does a restaurant
        (LIVING, [(1, OC, 1500), (2, HVDW, 900, 180)], Outcome.ATTENTION, 2),  # the nearest one decides
        (LIVING, [(1, GH, 100), (2, OC, 1300)], Outcome.PASSED, 2),  # a plain gemeenschapshuis is not an OC/HvdW
        (LIVING, [(1, GH, 100)], Outcome.PASSED, None),  # no OC or HvdW at all
        (LIVING, [], Outcome.PASSED, None),
    ],
)
def test_co_location_finds_the_nearest_oc_or_hvdw_and_compares_with_the_threshold(kind, register, expected,
                                                                                  nearest_id):
    places = [place(*row) for row in register]
    finding = CoLocationRule(plan_with(co_location_m=1000).assessment).evaluate(facts(kind, places))
    assert finding.outcome is expected
    values = finding.values()
    assert values["nearest_place_id"] == nearest_id
    assert values["threshold_m"] == 1000
    assert finding.fact("threshold_m").unit == "m"
    assert "WGS84" in str(values["distance_method"])
    if nearest_id is not None:
        assert values["nearest_place_name"] == f"Plek {nearest_id}"
        metres = {row[0]: row[2] for row in register}[nearest_id]
        assert values["distance_m"] == pytest.approx(metres, abs=0.1)


def test_co_location_within_threshold_asks_to_house_it_there_or_record_a_reason():
    finding = CoLocationRule(plan_with().assessment).evaluate(facts(LIVING, [place(7, OC, 400, name="OC Wyck")]))
    assert finding.outcome is Outcome.ATTENTION
    assert "OC Wyck" in finding.explanation.nl
    assert "zwaarwegende reden" in finding.explanation.nl
    assert "weighty reason" in finding.explanation.en
    assert "400 m" in finding.explanation.nl


def test_co_location_weighty_reason_turns_attention_into_passed_and_keeps_the_reason():
    reason = "Het OC heeft op de dinsdagochtend geen ruimte vrij."
    subject = facts(LIVING, [place(1, OC, 400)], weighty_reasons={"co_location": reason})
    finding = CoLocationRule(plan_with().assessment).evaluate(subject)
    assert finding.outcome is Outcome.PASSED
    assert finding.values()["weighty_reason"] == reason
    assert reason in finding.explanation.nl


def test_co_location_reason_for_another_rule_does_not_count():
    subject = facts(LIVING, [place(1, OC, 400)], weighty_reasons={"near_community_house": "elders"})
    assert CoLocationRule(plan_with().assessment).evaluate(subject).outcome is Outcome.ATTENTION


def test_co_location_default_threshold_is_said_to_be_a_default():
    finding = CoLocationRule(plan_with(status="default").assessment).evaluate(facts(LIVING, [place(1, OC, 400)]))
    assert finding.values()["threshold_is_default"] is True
    assert "standaardwaarde, vast te stellen door de gemeente" in finding.explanation.nl
    policy = CoLocationRule(plan_with(status="policy").assessment).evaluate(facts(LIVING, [place(1, OC, 400)]))
    assert "standaardwaarde" not in policy.explanation.nl


@pytest.mark.parametrize(
    ("subject", "reason_word"),
    [
        (facts(OC, [place(1, OC, 400)]), "kleinschalige"),  # an OC is not small-scale
        (facts(LIVING, [place(1, OC, 400)], location=None), "locatie is onbekend"),
        (facts(LIVING, [place(1, OC, 400)], is_new=False), "nieuwe plek"),
    ],
)
def test_co_location_not_applicable_says_why(subject, reason_word):
    finding = CoLocationRule(plan_with().assessment).evaluate(subject)
    assert finding.outcome is Outcome.NOT_APPLICABLE
    assert reason_word in finding.explanation.nl


def test_co_location_leaves_the_place_itself_out_and_passes_when_housed_in_an_oc():
    rule = CoLocationRule(plan_with().assessment)
    own = place(5, OC, 0)
    assert rule.evaluate(facts(LIVING, [own], place_id=5)).values()["nearest_place_id"] is None
    housed = rule.evaluate(facts(LIVING, [own], housed_in_place_id=5))
    assert housed.outcome is Outcome.PASSED
    assert housed.values()["housed_in_place_id"] == 5


# --- near_community_house ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "register", "expected", "nearest_id"),
    [
        (LIVING, [(1, GH, 300)], Outcome.ATTENTION, 1),  # within 500 m of a gemeenschapshuis
        (LIVING, [(1, GH, 700)], Outcome.PASSED, 1),
        (LIVING, [(1, GH, 700), (2, OC, 450, 90)], Outcome.ATTENTION, 2),  # an OC is a community house too
        (LIVING, [], Outcome.PASSED, None),  # no community house at all
        (RESTAURANT, [(1, GH, 100)], Outcome.NOT_APPLICABLE, None),  # only living rooms
    ],
)
def test_near_community_house(kind, register, expected, nearest_id):
    rule = NearCommunityHouseRule(plan_with(near_m=500).assessment)
    finding = rule.evaluate(facts(kind, [place(*r) for r in register]))
    assert finding.outcome is expected
    if expected is not Outcome.NOT_APPLICABLE:
        assert finding.values()["nearest_place_id"] == nearest_id
        assert finding.values()["threshold_m"] == 500


def test_near_community_house_weighty_reason_is_kept():
    reason = "Het gemeenschapshuis is niet drempelvrij en de huiskamer is voor rolstoelgebruikers."
    subject = facts(LIVING, [place(1, GH, 200)], weighty_reasons={"near_community_house": reason})
    finding = NearCommunityHouseRule(plan_with().assessment).evaluate(subject)
    assert finding.outcome is Outcome.PASSED
    assert finding.values()["weighty_reason"] == reason


def test_near_community_house_without_location_is_not_applicable():
    finding = NearCommunityHouseRule(plan_with().assessment).evaluate(facts(LIVING, [place(1, GH, 200)], location=None))
    assert finding.outcome is Outcome.NOT_APPLICABLE
    assert "onbekend" in finding.explanation.nl


# --- vulnerability_priority ----------------------------------------------------------------------------------

WEIGHTS = {"low_income_households_pct": Decimal("0.4"), "single_person_65plus_pct": Decimal("0.3"),
           "loneliness_pct": Decimal("0.3")}


def _row(code: str, low: str | None, single: str | None, lonely: str | None, demo: bool = False):
    values = {"low_income_households_pct": None if low is None else Decimal(low),
              "single_person_65plus_pct": None if single is None else Decimal(single),
              "loneliness_pct": None if lonely is None else Decimal(lonely)}
    return NeighbourhoodIndicators(code=code, name=f"Buurt {code}", year=2024, values=values, source="test",
                                   is_demo=demo)


def _table(*rows):
    return vulnerability_table(list(rows), WEIGHTS, 2024)


FOUR = (_row("A", "30", "20", "40"), _row("B", "10", "10", "20"), _row("C", "20", "15", "30"),
        _row("D", "10", None, "20"))


@pytest.mark.parametrize(
    ("code", "expected", "rank", "priority"),
    [
        ("A", Outcome.PASSED, 1, True),  # top 25% of 3 ranked buurten, rounded up: the first 1
        ("C", Outcome.PASSED, 2, False),
        ("B", Outcome.PASSED, 3, False),
        ("D", Outcome.NOT_APPLICABLE, None, None),  # a missing indicator
        ("Z", Outcome.NOT_APPLICABLE, None, None),  # no figures for the buurt at all
    ],
)
def test_vulnerability_priority_reports_index_rank_and_priority(code, expected, rank, priority):
    rule = VulnerabilityPriorityRule(plan_with(priority_share="0.25").assessment)
    subject = facts(LIVING, location=Location(*ORIGIN, neighbourhood_code=code, neighbourhood_name=f"Buurt {code}"),
                    vulnerability=_table(*FOUR))
    finding = rule.evaluate(subject)
    assert finding.outcome is expected
    if rank is None:
        assert "ontbreken" in finding.explanation.nl
        return
    values = finding.values()
    assert values["rank"] == rank
    assert values["ranked_count"] == 3
    assert values["priority_count"] == 1
    assert values["priority"] is priority
    assert "kwetsbaarheidsindex" in str(values["formula"])


def test_vulnerability_priority_index_is_the_weighted_normalised_sum():
    rule = VulnerabilityPriorityRule(plan_with().assessment)
    subject = facts(LIVING, location=Location(*ORIGIN, neighbourhood_code="C"), vulnerability=_table(*FOUR))
    # C lies half-way on every indicator between B (lowest) and A (highest): 0.4×0.5 + 0.3×0.5 + 0.3×0.5 = 0.5.
    assert rule.evaluate(subject).values()["vulnerability_index"] == 0.5


def test_vulnerability_priority_without_statistics_or_buurt_is_not_applicable_with_reason():
    rule = VulnerabilityPriorityRule(plan_with().assessment)
    no_stats = rule.evaluate(facts(LIVING, location=Location(*ORIGIN, neighbourhood_code="A")))
    assert no_stats.outcome is Outcome.NOT_APPLICABLE
    assert "buurtcijfers" in no_stats.explanation.nl
    no_buurt = rule.evaluate(facts(LIVING, location=Location(*ORIGIN), vulnerability=_table(*FOUR)))
    assert no_buurt.outcome is Outcome.NOT_APPLICABLE
    assert "buurt van de plek is onbekend" in no_buurt.explanation.nl


def test_vulnerability_priority_says_when_the_figures_are_demo():
    rule = VulnerabilityPriorityRule(plan_with().assessment)
    table = _table(_row("A", "30", "20", "40", demo=True), _row("B", "10", "10", "20", demo=True))
    finding = rule.evaluate(facts(LIVING, location=Location(*ORIGIN, neighbourhood_code="A"), vulnerability=table))
    assert finding.values()["is_demo"] is True
    assert "demonstratiecijfers" in finding.explanation.nl


# --- integral_execution --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("request_", "expected"),
    [
        (None, Outcome.NOT_APPLICABLE),
        (ModernisationRequest(("isolatie dak",), ("drempelvrije entree",)), Outcome.PASSED),
        (ModernisationRequest(("isolatie dak", "warmtepomp"), ()), Outcome.ATTENTION),
        (ModernisationRequest((), ("invalidentoilet",)), Outcome.ATTENTION),
        (ModernisationRequest((), ()), Outcome.FAILED),
        (ModernisationRequest(("  ",), ("",)), Outcome.FAILED),  # blank measures are no measures
        (ModernisationRequest(("zonnepanelen",), (), "Het pand is al volledig toegankelijk (keuring 2025)."),
         Outcome.PASSED),
    ],
)
def test_integral_execution(request_, expected):
    finding = IntegralExecutionRule(plan_with().assessment).evaluate(facts(OC, modernisation=request_))
    assert finding.outcome is expected


def test_integral_execution_names_what_is_missing():
    finding = IntegralExecutionRule(plan_with().assessment).evaluate(
        facts(OC, modernisation=ModernisationRequest(("isolatie",), ())))
    assert "toegankelijkheid" in finding.explanation.nl
    assert finding.values()["accessibility_count"] == 0


# --- neighbourhood_involvement -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("involvement", "expected"),
    [
        (None, Outcome.NOT_APPLICABLE),
        ("", Outcome.ATTENTION),
        ("   ", Outcome.ATTENTION),
        ("Buurtavond op 3 maart met 40 bewoners; enquête onder 200 huishoudens.", Outcome.PASSED),
    ],
)
def test_neighbourhood_involvement(involvement, expected):
    finding = NeighbourhoodInvolvementRule(plan_with().assessment).evaluate(facts(OC, involvement=involvement))
    assert finding.outcome is expected
    if expected is Outcome.PASSED:
        assert involvement in finding.explanation.nl


# --- eligibility ---------------------------------------------------------------------------------------------

CHECKED = dt.date(2026, 1, 15)
GOOD = {"legal_entity": True, "based_in_maastricht": True, "broadly_accessible": True, "member_count": 3,
        "board_condition_met": True, "board_condition_checked_on": CHECKED, "kvk_matches": True}


@pytest.mark.parametrize(
    ("changes", "expected", "word"),
    [
        ({}, Outcome.PASSED, "2026-01-15"),
        ({"member_count": 2}, Outcome.FAILED, "ten minste 3"),  # fewer than the plan's minimum of 3
        ({"based_in_maastricht": False}, Outcome.FAILED, "gevestigd in Maastricht"),
        ({"kvk_matches": False}, Outcome.FAILED, "KvK"),
        ({"board_condition_met": False}, Outcome.FAILED, "bestuursvoorwaarde"),
        ({"broadly_accessible": None}, Outcome.ATTENTION, "breed toegankelijk"),
        ({"board_condition_checked_on": None}, Outcome.ATTENTION, "bestuursvoorwaarde"),  # no date: not checked
        ({"member_count": None}, Outcome.ATTENTION, "ten minste 3"),
        ({"legal_entity": False, "kvk_matches": None}, Outcome.FAILED, "rechtspersoon"),  # failed beats unknown
    ],
)
def test_eligibility(changes, expected, word):
    board = BoardFacts(**{**GOOD, **changes})
    finding = EligibilityRule(plan_with(min_board=3).assessment).evaluate(facts(OC, board=board))
    assert finding.outcome is expected
    assert word in finding.explanation.nl


def test_eligibility_without_board_is_not_applicable():
    finding = EligibilityRule(plan_with().assessment).evaluate(facts(OC))
    assert finding.outcome is Outcome.NOT_APPLICABLE
    assert "bestuur" in finding.explanation.nl


# --- facilitating_role ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ownership", "expected"),
    [
        (None, Outcome.NOT_APPLICABLE),
        (Ownership(BuildingOwner.MUNICIPALITY, None), Outcome.NOT_APPLICABLE),
        (Ownership(BuildingOwner.MUNICIPALITY, False), Outcome.PASSED),  # the municipality may own the building
        (Ownership(BuildingOwner.OTHER, False), Outcome.PASSED),
        (Ownership(None, False), Outcome.PASSED),
        (Ownership(BuildingOwner.MUNICIPALITY, True), Outcome.FAILED),  # never the place
        (Ownership(BuildingOwner.OTHER, True), Outcome.FAILED),
    ],
)
def test_facilitating_role(ownership, expected):
    finding = FacilitatingRoleRule(plan_with().assessment).evaluate(facts(OC, ownership=ownership))
    assert finding.outcome is expected


def test_every_finding_explains_in_dutch_and_english():
    plan = plan_with()
    from ontmoet.domain.assessment import framework_rules

    subject = facts(LIVING, [place(1, OC, 300)])
    for rule in framework_rules(plan.assessment):
        finding = rule.evaluate(subject)
        assert finding.rule == rule.id
        assert finding.explanation.nl
        assert finding.explanation.en
        assert finding.explanation.nl != finding.explanation.en
