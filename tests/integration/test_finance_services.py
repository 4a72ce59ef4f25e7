"""Services of the financial framework: scenarios, investment projects, the ledger; audit and roles."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ontmoet.accounts.roles import Role
from ontmoet.core.audit import audit_events_for
from ontmoet.core.models import AuditEvent
from ontmoet.finance import errors, selectors, services
from ontmoet.finance.demo import EXAMPLE_SCENARIO, load_finance_demo
from ontmoet.finance.models import InvestmentProject, LedgerEntry, ProjectPhase, Scenario
from tests.factories_finance import InvestmentProjectFactory, LedgerEntryFactory, ScenarioFactory
from tests.plans import SEED_PLAN

pytestmark = pytest.mark.django_db


@pytest.fixture
def finance_advisor(user_with_role):
    return user_with_role(Role.FINANCE_ADVISOR)


@pytest.fixture
def grant_officer(user_with_role):
    return user_with_role(Role.GRANT_OFFICER)


# --- scenarios -----------------------------------------------------------------------------------------------


def test_scenario_create_stores_only_overrides_and_is_audited(policy_officer):
    scenario = services.scenario_create(data={
        "name": "Tien OC", "description": "Vertraging",
        "counts": {"2027": {"meeting_centres": 10}}, "community_work": {"fte_per_place": 0.25},
    }, by=policy_officer)
    assert scenario.name == "Tien OC"
    assert scenario.overrides == {"counts": {"2027": {"meeting_centres": 10}},
                                  "community_work": {"fte_per_place": "0.25"}}
    event = audit_events_for(scenario).get()
    assert event.action == "scenario_create"
    assert event.actor == policy_officer


def test_saved_scenario_gives_its_budget(policy_officer):
    scenario = services.scenario_create(data={"name": "Tien OC", "counts": {"2027": {"meeting_centres": 10}}},
                                        by=policy_officer)
    budget = selectors.budget_get(scenario=scenario)
    assert budget.scenario == "Tien OC"
    assert budget.value("B1", "2027") == 10 * 62_000 + 2 * 220_000


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"counts": {"2027": {"meeting_centres": 10}}}, "name", errors.SCENARIO_NAME_REQUIRED),
        ({"name": "x", "countz": {}}, "__all__", "countz"),
        ({"name": "x", "counts": {"2027": {"meeting_centres": "tien"}}}, "__all__", "counts.2027.meeting_centres"),
    ],
)
def test_scenario_create_refuses_bad_data_with_a_dutch_message(policy_officer, data, field, message):
    with pytest.raises(ValidationError) as caught:
        services.scenario_create(data=data, by=policy_officer)
    assert str(message) in " ".join(caught.value.message_dict[field])
    assert not Scenario.objects.exists()


def test_scenario_names_are_unique(policy_officer):
    services.scenario_create(data={"name": "Eén"}, by=policy_officer)
    with pytest.raises(ValidationError) as caught:
        services.scenario_create(data={"name": "Eén"}, by=policy_officer)
    assert caught.value.message_dict["name"] == [str(errors.SCENARIO_NAME_TAKEN)]


def test_decision_maker_reads_but_may_not_save_scenarios(user_with_role):
    with pytest.raises(PermissionDenied):
        services.scenario_create(data={"name": "x"}, by=user_with_role(Role.DECISION_MAKER))


def test_scenario_update_and_delete_are_audited(finance_advisor):
    scenario = ScenarioFactory()
    services.scenario_update(scenario=scenario, data={"name": "Nieuw", "counts": {"2028": {"meeting_centres": 18}}},
                             by=finance_advisor)
    scenario.refresh_from_db()
    assert scenario.overrides == {"counts": {"2028": {"meeting_centres": 18}}}
    pk = scenario.pk
    services.scenario_delete(scenario=scenario, by=finance_advisor)
    assert not Scenario.objects.filter(pk=pk).exists()
    actions = set(AuditEvent.objects.filter(object_type="finance.scenario", object_id=str(pk))
                  .values_list("action", flat=True))
    assert actions == {"scenario_update", "scenario_delete"}


# --- investment projects -------------------------------------------------------------------------------------


def test_project_create_takes_the_plans_default_method_and_records_its_phase(policy_officer):
    project = services.project_create(values={"name": "HvdW Noordoost", "amount_min": 2_000_000,
                                              "amount_max": 3_000_000, "start_year": 2028}, by=policy_officer)
    defaults = SEED_PLAN.investments.capital_charges
    assert (project.method, project.term_years, project.interest_rate) == (
        defaults.method, defaults.term_years, defaults.interest_rate)
    assert project.key == "hvdw-noordoost"
    assert list(project.phase_history.values_list("phase", flat=True)) == [ProjectPhase.EXPLORATION]
    assert audit_events_for(project).filter(action="project_create").exists()


def test_project_range_must_rise(policy_officer):
    with pytest.raises(ValidationError) as caught:
        services.project_create(values={"name": "x", "amount_min": 3, "amount_max": 2}, by=policy_officer)
    assert caught.value.message_dict["amount_min"] == [str(errors.AMOUNT_RANGE)]


def test_phase_participation_and_related_plans_are_recorded(policy_officer):
    project = InvestmentProjectFactory()
    services.project_change_phase(project=project, phase=ProjectPhase.COUNCIL_DECISION,
                                  effective_date=dt.date(2026, 6, 1), note="Raad akkoord", by=policy_officer)
    services.participation_add(project=project, date=dt.date(2025, 11, 12), who="Raadsleden en besturen",
                               outcome="Gesprek over het beleidsplan", by=policy_officer)
    services.related_plan_add(project=project, kind="ihp", description="IHP: nieuwe gymzaal", by=policy_officer)
    project.refresh_from_db()
    assert project.phase == ProjectPhase.COUNCIL_DECISION
    assert project.participation.get().who == "Raadsleden en besturen"
    assert str(project.related_plans.get()).endswith("IHP: nieuwe gymzaal")
    assert {e.action for e in audit_events_for(project)} >= {
        "project_change_phase", "project_participation_add", "project_related_plan_add"}


def test_a_backdated_phase_does_not_overwrite_the_latest(policy_officer):
    project = InvestmentProjectFactory()
    services.project_change_phase(project=project, phase=ProjectPhase.EXECUTION, effective_date=dt.date(2027, 1, 1),
                                  by=policy_officer)
    services.project_change_phase(project=project, phase=ProjectPhase.PLAN, effective_date=dt.date(2026, 1, 1),
                                  by=policy_officer)
    project.refresh_from_db()
    assert project.phase == ProjectPhase.EXECUTION


def test_budget_capital_charges_come_from_the_entered_projects():
    InvestmentProjectFactory()  # 1,000,000 linear, 10 years, 2%, from 2027
    InvestmentProjectFactory(pending=True)
    budget = selectors.budget_get()
    assert budget.row("capital_charges") == {"2026": 0, "2027": 120_000, "2028": 118_000, "2029": 116_000,
                                             "2030": 114_000, "structural": 120_000}
    assert selectors.budget_get(with_projects=False).value("capital_charges", "2027") is None


def test_without_amount_and_start_year_the_capital_charges_stay_pm():
    InvestmentProjectFactory(pending=True)
    InvestmentProjectFactory(start_year=None)
    assert selectors.budget_get().row("capital_charges") == dict.fromkeys(SEED_PLAN.columns)


# --- the ledger ----------------------------------------------------------------------------------------------


def test_commitment_record_books_and_audits(grant_officer):
    entry = services.commitment_record(block="B1", year=2026, amount=62_000, source="subsidies",
                                       reference="grant:1", description="OC Caberg", by=grant_officer)
    assert entry.amount == Decimal("62000.00")
    assert entry.kind == "commitment"
    assert audit_events_for(entry).get().action == "ledger_commitment"


def test_the_same_reference_is_booked_once(grant_officer):
    first = services.commitment_record(block="B1", year=2026, amount=62_000, source="subsidies",
                                       reference="grant:1", by=grant_officer)
    again = services.commitment_record(block="B1", year=2026, amount=62_000, source="subsidies",
                                       reference="grant:1", by=grant_officer)
    assert again.pk == first.pk
    with pytest.raises(ValidationError) as caught:
        services.commitment_record(block="B1", year=2026, amount=70_000, source="subsidies", reference="grant:1",
                                   by=grant_officer)
    assert caught.value.message_dict["reference"] == [str(errors.LEDGER_DUPLICATE)]
    assert LedgerEntry.objects.count() == 1


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"block": "B6"}, "block"), ({"year": 1999}, "year"), ({"source": " "}, "source"), ({"amount": "veel"}, "amount")],
)
def test_bad_ledger_input_names_the_field(grant_officer, kwargs, field):
    values = {"block": "B1", "year": 2026, "amount": 1, "source": "subsidies", **kwargs}
    with pytest.raises(ValidationError) as caught:
        services.realisation_record(by=grant_officer, **values)
    assert field in caught.value.message_dict


def test_board_member_may_not_book(board_member):
    with pytest.raises(PermissionDenied):
        services.commitment_record(block="B1", year=2026, amount=1, source="x", by=board_member)


def test_positions_set_budget_against_commitments_and_realisations():
    """B1 2026 budget 716,000 (8 × 62,000 + 220,000); committed 62,000 + 220,000; paid 31,000."""
    LedgerEntryFactory(amount=Decimal(62_000))
    LedgerEntryFactory(amount=Decimal(220_000))
    LedgerEntryFactory(realisation=True, amount=Decimal(31_000))
    LedgerEntryFactory(block="B3", year=2027, amount=Decimal(37_500))
    LedgerEntryFactory(year=2035, amount=Decimal(1))
    table, outside = selectors.positions_get()
    b1 = next(p for p in table[2026] if p.block == "B1")
    assert b1.budget == 716_000
    assert b1.committed == 282_000
    assert b1.realised == 31_000
    assert b1.free == 716_000 - 282_000
    assert b1.to_pay == 282_000 - 31_000
    total = table[2026][-1]
    assert total.block == "total"
    assert total.budget == 1_636_000
    assert next(p for p in table[2027] if p.block == "B3").committed == 37_500
    assert [s.year for s in outside] == [2035]


def test_over_commitment_is_visible():
    LedgerEntryFactory(block="B4", amount=Decimal(130_000))
    table, _ = selectors.positions_get()
    b4 = next(p for p in table[2026] if p.block == "B4")
    assert b4.over_committed
    assert b4.free == -5_000


# --- demo data -----------------------------------------------------------------------------------------------


def test_demo_records_the_known_projects_from_the_plan_once():
    first = load_finance_demo()
    second = load_finance_demo()
    assert first == {"projects": 3, "scenarios": 1}
    assert second == {"projects": 0, "scenarios": 0}
    plan = SEED_PLAN
    heeg = InvestmentProject.objects.get(key="centrumplan-de-heeg")
    assert heeg.amount_max == plan.investments.de_heeg.co_financing_social_domain
    assert (heeg.wider_need_min, heeg.wider_need_max) == (plan.investments.de_heeg.extra_need_min,
                                                          plan.investments.de_heeg.extra_need_max)
    assert heeg.participation.filter(date=dt.date(2025, 11, 12)).exists()
    assert heeg.related_plans.count() >= 3
    areas = set(InvestmentProject.objects.exclude(key="centrumplan-de-heeg").values_list("area", flat=True))
    assert areas == set(plan.places.neighbourhood_house_explorations)
    assert all(p.is_pending for p in InvestmentProject.objects.exclude(key="centrumplan-de-heeg"))
    # The known projects have no start year yet: the framework stays the council's table (PM).
    assert selectors.budget_get().row("capital_charges") == dict.fromkeys(plan.columns)
    scenario = Scenario.objects.get(name=EXAMPLE_SCENARIO)
    assert scenario.is_demo
    assert selectors.budget_get(scenario=scenario).value("B1", "2027") == 10 * 62_000 + 3 * 220_000
