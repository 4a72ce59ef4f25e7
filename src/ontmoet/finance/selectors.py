"""Reads of the financial framework: the budget of the plan or a scenario, with the entered investments, and the
positions of budget vs. commitments vs. realisation. The arithmetic lives in ``ontmoet.domain.budget``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet, Sum
from django.shortcuts import get_object_or_404

from ontmoet.core.plan import policy_plan
from ontmoet.domain.budget import (
    Budget,
    Investment,
    LedgerSum,
    Position,
    apply_scenario,
    capital_charges_line,
    compute_budget,
    parse_scenario,
    positions,
)
from ontmoet.domain.budget import Scenario as ScenarioSpec
from ontmoet.domain.budget import ledger as ledger_domain
from ontmoet.domain.budget.capital import BOUND_HIGH, BOUND_LOW
from ontmoet.finance.models import InvestmentProject, LedgerEntry, Scenario
from ontmoet.policy.schema import PolicyPlan


def scenario_list(*, plan: PolicyPlan | None = None) -> QuerySet[Scenario]:
    plan = plan or policy_plan()
    return Scenario.objects.filter(plan_id=plan.id).select_related("created_by")


def scenario_get(*, pk: int) -> Scenario:
    return get_object_or_404(Scenario.objects.select_related("created_by"), pk=pk, plan_id=policy_plan().id)


def scenario_spec(scenario: Scenario, *, plan: PolicyPlan | None = None) -> ScenarioSpec:
    """The saved overrides as the model's scenario (raises ScenarioError when the plan no longer fits them)."""
    plan = plan or policy_plan()
    return parse_scenario({**scenario.overrides, "name": scenario.name}, plan)


def project_list() -> QuerySet[InvestmentProject]:
    return InvestmentProject.objects.select_related("place")


def project_defaults() -> dict[str, Any]:
    """A new project starts with the plan's default capital-charge method (marked as a default in the UI)."""
    defaults = policy_plan().investments.capital_charges
    return {"method": defaults.method, "term_years": defaults.term_years, "interest_rate": defaults.interest_rate}


def project_get(*, pk: int) -> InvestmentProject:
    return get_object_or_404(
        InvestmentProject.objects.select_related("place").prefetch_related(
            "phase_history", "participation", "related_plans"),
        pk=pk,
    )


def as_investment(project: InvestmentProject) -> Investment:
    return Investment(
        name=project.name,
        amount_min=project.amount_min,
        amount_max=project.amount_max,
        method=project.method,  # type: ignore[arg-type]  # choices are the domain's methods
        term_years=project.term_years,
        interest_rate=project.interest_rate,
        start_year=project.start_year,
        vat_recoverable=project.vat_recoverable,
    )


def investments(projects: Iterable[InvestmentProject] | None = None) -> list[Investment]:
    return [as_investment(p) for p in (project_list() if projects is None else projects)]


def capital_charges(plan: PolicyPlan, *, bound: str = BOUND_HIGH) -> dict[str, int | None] | None:
    """The capital-charges line from the entered projects; None (all PM) when no project has both an amount and
    a start year."""
    entered = investments()
    if not any(i.amount_max is not None and i.start_year is not None for i in entered):
        return None
    return capital_charges_line(entered, years=plan.years, vat_rate=plan.investments.vat_rate, bound=bound)


def budget_get(*, scenario: Scenario | ScenarioSpec | None = None, with_projects: bool = True) -> Budget:
    """The framework of the plan, or of a scenario applied to it; with the entered investments by default."""
    plan = policy_plan()
    name = None
    if scenario is not None:
        spec = scenario_spec(scenario, plan=plan) if isinstance(scenario, Scenario) else scenario
        plan = apply_scenario(plan, spec)
        name = spec.name or None
    charges = capital_charges(plan) if with_projects else None
    return compute_budget(plan, scenario=name, capital_charges=charges)


@dataclass(frozen=True)
class CapitalSummary:
    """Entered projects' charges at both ends of their ranges, per column."""

    low: dict[str, int | None]
    high: dict[str, int | None]
    pending: list[InvestmentProject]
    undated: list[InvestmentProject]


def capital_summary(plan: PolicyPlan | None = None) -> CapitalSummary:
    plan = plan or policy_plan()
    projects = list(project_list())
    models = investments(projects)
    vat = plan.investments.vat_rate
    return CapitalSummary(
        low=capital_charges_line(models, years=plan.years, vat_rate=vat, bound=BOUND_LOW),
        high=capital_charges_line(models, years=plan.years, vat_rate=vat, bound=BOUND_HIGH),
        pending=[p for p in projects if p.is_pending],
        undated=[p for p in projects if not p.is_pending and p.start_year is None],
    )


def ledger_sums() -> list[LedgerSum]:
    rows = LedgerEntry.objects.values("block", "year", "kind").annotate(total=Sum("amount")).order_by()
    return [LedgerSum(block=r["block"], year=r["year"], kind=ledger_domain.EntryKind(r["kind"]),
                      amount=Decimal(r["total"] or 0)) for r in rows]


def positions_get() -> tuple[dict[int, list[Position]], list[LedgerSum]]:
    """Budget vs. commitments vs. realisation per plan year and block, and entries outside the plan's years."""
    budget = budget_get(with_projects=False)
    sums = ledger_sums()
    return positions(budget, sums), ledger_domain.outside_plan(budget, sums)


def ledger_list(*, year: int | None = None, block: str | None = None) -> QuerySet[LedgerEntry]:
    entries = LedgerEntry.objects.select_related("recorded_by")
    if year is not None:
        entries = entries.filter(year=year)
    if block:
        entries = entries.filter(block=block)
    return entries.order_by("-entry_date", "-id")
