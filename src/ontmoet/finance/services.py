"""Writes of the financial framework. Each service is one atomic transaction with its audit event.

``commitment_record`` and ``realisation_record`` are the door through which the subsidy and capacity modules book
granted subsidies, allocations, settlements and payments on a building block and year.
``by=None`` is for the demo loader and system jobs only; every person is checked with ``ensure_role``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from ontmoet.accounts.doors import state_change
from ontmoet.accounts.models import User
from ontmoet.accounts.roles import LEDGER_WRITERS, PROJECT_WRITERS, SCENARIO_WRITERS
from ontmoet.core.audit import audit_record, nothing_changed, snapshot
from ontmoet.core.blocks import BlockChoices
from ontmoet.core.plan import policy_plan
from ontmoet.domain.budget import ScenarioError, parse_scenario
from ontmoet.finance import errors
from ontmoet.finance.models import (
    CapitalMethod,
    EntryKind,
    InvestmentProject,
    LedgerEntry,
    ParticipationMoment,
    ProjectPhase,
    ProjectPhaseChange,
    RelatedPlan,
    RelatedPlanKind,
    Scenario,
)
from ontmoet.finance.selectors import project_defaults

SCENARIO_FIELDS = ("name", "description", "overrides")
PROJECT_FIELDS = ("name", "area", "place", "description", "amount_min", "amount_max", "wider_need_min",
                  "wider_need_max", "method", "term_years", "interest_rate", "vat_recoverable", "start_year")
MIN_YEAR, MAX_YEAR = 2000, 2100
MAX_PROJECT_AMOUNT = 10_000_000_000


# --- scenarios -----------------------------------------------------------------------------------------------


def _scenario_values(data: Mapping[str, Any]) -> tuple[str, str, dict[str, Any]]:
    """Validate scenario data with the model; return name, description and the overrides to store."""
    try:
        spec = parse_scenario(data, policy_plan())
    except ScenarioError as error:
        field = error.key.split(".")[0] or "__all__"
        raise ValidationError({field if field in ("name", "description") else "__all__":
                               errors.scenario_error_message(error)}) from error
    if not spec.name:
        raise ValidationError({"name": errors.SCENARIO_NAME_REQUIRED})
    overrides = spec.to_data()
    overrides.pop("name", None)
    overrides.pop("description", None)
    return spec.name, spec.description, overrides


@state_change(roles=SCENARIO_WRITERS, system=True)
def scenario_create(*, data: Mapping[str, Any], by: User | None, is_demo: bool = False) -> Scenario:
    """Save a named scenario (same keys as a scenario file); only the overrides are stored."""
    name, description, overrides = _scenario_values(data)
    plan = policy_plan()
    if Scenario.objects.filter(plan_id=plan.id, name=name).exists():
        raise ValidationError({"name": errors.SCENARIO_NAME_TAKEN})
    scenario = Scenario.objects.create(name=name, description=description, overrides=overrides, plan_id=plan.id,
                                       created_by=by, is_demo=is_demo)
    audit_record(action="scenario_create", obj=scenario, by=by, after=snapshot(scenario, SCENARIO_FIELDS))
    return scenario


@state_change(roles=SCENARIO_WRITERS)
def scenario_update(*, scenario: Scenario, data: Mapping[str, Any], by: User) -> Scenario:
    scenario = Scenario.objects.select_for_update().get(pk=scenario.pk)
    name, description, overrides = _scenario_values(data)
    if Scenario.objects.filter(plan_id=scenario.plan_id, name=name).exclude(pk=scenario.pk).exists():
        raise ValidationError({"name": errors.SCENARIO_NAME_TAKEN})
    before = snapshot(scenario, SCENARIO_FIELDS)
    scenario.name, scenario.description, scenario.overrides = name, description, overrides
    scenario.save()
    audit_record(action="scenario_update", obj=scenario, by=by, before=before,
                 after=snapshot(scenario, SCENARIO_FIELDS))
    return scenario


@state_change(roles=SCENARIO_WRITERS)
def scenario_delete(*, scenario: Scenario, by: User) -> None:
    audit_record(action="scenario_delete", obj=scenario, by=by, before=snapshot(scenario, SCENARIO_FIELDS))
    scenario.delete()


# --- investment projects -------------------------------------------------------------------------------------


def _validate_project(values: Mapping[str, Any]) -> None:
    amount_min, amount_max = values.get("amount_min"), values.get("amount_max")
    if amount_min is not None and amount_max is None:
        raise ValidationError({"amount_max": errors.AMOUNT_MAX_MISSING})
    if amount_min is not None and amount_max is not None and amount_min > amount_max:
        raise ValidationError({"amount_min": errors.AMOUNT_RANGE})
    need_min, need_max = values.get("wider_need_min"), values.get("wider_need_max")
    if need_min is not None and need_max is not None and need_min > need_max:
        raise ValidationError({"wider_need_min": errors.AMOUNT_RANGE})
    rate = values.get("interest_rate")
    if rate is not None and not (0 <= Decimal(rate) < 1):
        raise ValidationError({"interest_rate": errors.INTEREST_RANGE})


def _unique_key(name: str) -> str:
    base = slugify(name)[:70] or "project"
    key, n = base, 2
    while InvestmentProject.objects.filter(key=key).exists():
        key, n = f"{base}-{n}", n + 1
    return key


@state_change(roles=PROJECT_WRITERS, system=True)
def project_create(*, values: Mapping[str, Any], by: User | None, key: str | None = None,
                   phase: str = ProjectPhase.EXPLORATION, phase_date: dt.date | None = None,
                   is_demo: bool = False) -> InvestmentProject:
    """Record an investment project; its first phase is recorded with it."""
    clean = {**project_defaults(), **{k: v for k, v in values.items() if k in PROJECT_FIELDS}}
    _validate_project(clean)
    project = InvestmentProject(key=key or _unique_key(str(clean.get("name", ""))), phase=phase, is_demo=is_demo,
                                **clean)
    project.full_clean()
    project.save()
    audit_record(action="project_create", obj=project, by=by,
                 after={**snapshot(project, PROJECT_FIELDS), "phase": phase})
    ProjectPhaseChange.objects.create(project=project, phase=phase, effective_date=phase_date or timezone.localdate(),
                                      recorded_by=by)
    return project


@state_change(roles=PROJECT_WRITERS, system=True)
def project_update(*, project: InvestmentProject, values: Mapping[str, Any], by: User | None) -> InvestmentProject:
    project = InvestmentProject.objects.select_for_update().get(pk=project.pk)
    changes = {k: v for k, v in values.items() if k in PROJECT_FIELDS}
    merged = {**snapshot(project, PROJECT_FIELDS), **changes}
    merged["place"] = changes.get("place", project.place)
    _validate_project(merged)
    before = snapshot(project, changes)
    for name, value in changes.items():
        setattr(project, name, value)
    project.full_clean()
    project.save()
    audit_record(action="project_update", obj=project, by=by, before=before, after=snapshot(project, changes))
    return project


@state_change(roles=PROJECT_WRITERS, system=True)
def project_change_phase(*, project: InvestmentProject, phase: str, effective_date: dt.date, note: str = "",
                         by: User | None) -> ProjectPhaseChange:
    """Move a project to another phase (exploration, plan, council decision, execution, done), dated."""
    if phase not in ProjectPhase.values:
        raise ValidationError({"phase": errors.UNKNOWN_FORMAT % {"format": phase,
                                                                 "choices": ", ".join(ProjectPhase.values)}})
    project = InvestmentProject.objects.select_for_update().get(pk=project.pk)
    before = project.phase
    change = ProjectPhaseChange.objects.create(project=project, phase=phase, effective_date=effective_date, note=note,
                                               recorded_by=by)
    latest = project.phase_history.order_by("-effective_date", "-id").first()
    project.phase = latest.phase if latest else phase
    project.save(update_fields=["phase", "updated_at"])
    audit_record(action="project_change_phase", obj=project, by=by, before={"phase": before},
                 after={"phase": project.phase, "effective_date": effective_date}, reason=note)
    return change


@state_change(roles=PROJECT_WRITERS, system=True)
def participation_add(*, project: InvestmentProject, date: dt.date, who: str, outcome: str,
                      by: User | None) -> ParticipationMoment:
    """Record a participation moment: when, who took part, what came out (domain.md §8)."""
    moment = ParticipationMoment(project=project, date=date, who=who, outcome=outcome, recorded_by=by)
    moment.full_clean()
    moment.save()
    audit_record(action="project_participation_add", obj=project, by=by,
                 after={"participation": f"{date:%d-%m-%Y} {who}: {outcome}"})
    return moment


@state_change(roles=PROJECT_WRITERS, system=True)
def related_plan_add(*, project: InvestmentProject, kind: str, description: str, by: User | None) -> RelatedPlan:
    if kind not in RelatedPlanKind.values:
        raise ValidationError({"kind": errors.UNKNOWN_FORMAT % {"format": kind,
                                                                "choices": ", ".join(RelatedPlanKind.values)}})
    link = RelatedPlan(project=project, kind=kind, description=description)
    link.full_clean()
    link.save()
    audit_record(action="project_related_plan_add", obj=project, by=by, after={"related_plan": str(link)})
    return link


# --- the ledger ----------------------------------------------------------------------------------------------


def _ledger_record(*, kind: str, block: str, year: int, amount: Decimal | int, source: str, reference: str,
                   description: str, entry_date: dt.date | None, by: User | None) -> LedgerEntry:
    if block not in BlockChoices.values:
        raise ValidationError({"block": errors.LEDGER_BLOCK % {"block": block}})
    if isinstance(year, bool) or not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError({"year": errors.LEDGER_YEAR % {"year": year}})
    if not source.strip():
        raise ValidationError({"source": errors.LEDGER_SOURCE})
    try:
        value = Decimal(amount).quantize(Decimal("0.01"))
    except (InvalidOperation, TypeError, ValueError) as exc:
        raise ValidationError({"amount": errors.LEDGER_AMOUNT}) from exc
    if not value.is_finite() or abs(value) >= MAX_PROJECT_AMOUNT:
        raise ValidationError({"amount": errors.LEDGER_AMOUNT})
    if reference:
        existing = LedgerEntry.objects.filter(source=source, reference=reference, kind=kind).first()
        if existing is not None:
            if existing.amount == value and existing.block == block and existing.year == year:
                nothing_changed()
                return existing  # a retry of the same booking
            raise ValidationError({"reference": errors.LEDGER_DUPLICATE})
    entry = LedgerEntry(kind=kind, block=block, year=year, amount=value, source=source.strip(),
                        reference=reference.strip(), description=description,
                        entry_date=entry_date or timezone.localdate(), recorded_by=by)
    entry.full_clean()
    try:
        with transaction.atomic():
            entry.save()
    except IntegrityError as exc:  # two callers booking the same reference at once
        raise ValidationError({"reference": errors.LEDGER_DUPLICATE}) from exc
    audit_record(action=f"ledger_{kind}", obj=entry, by=by,
                 after={"block": block, "year": year, "amount": value, "source": source, "reference": reference})
    return entry


@state_change(roles=LEDGER_WRITERS, system=True)
def commitment_record(*, block: str, year: int, amount: Decimal | int, source: str, reference: str = "",
                      description: str = "", entry_date: dt.date | None = None, by: User | None) -> LedgerEntry:
    """Book a commitment (a granted subsidy, a community-work allocation) on a block and year.

    With a ``reference`` (e.g. ``"grant:123"``) the booking is idempotent: the same call again returns the first
    entry; the same reference with another amount is refused (book a correction under its own reference)."""
    return _ledger_record(kind=EntryKind.COMMITMENT, block=block, year=year, amount=amount, source=source,
                          reference=reference, description=description, entry_date=entry_date, by=by)


@state_change(roles=LEDGER_WRITERS, system=True)
def realisation_record(*, block: str, year: int, amount: Decimal | int, source: str, reference: str = "",
                       description: str = "", entry_date: dt.date | None = None, by: User | None) -> LedgerEntry:
    """Book a realisation (a settlement or a payment) on a block and year; same rules as a commitment."""
    return _ledger_record(kind=EntryKind.REALISATION, block=block, year=year, amount=amount, source=source,
                          reference=reference, description=description, entry_date=entry_date, by=by)


__all__ = [
    "CapitalMethod",
    "commitment_record",
    "participation_add",
    "project_change_phase",
    "project_create",
    "project_update",
    "realisation_record",
    "related_plan_add",
    "scenario_create",
    "scenario_delete",
    "scenario_update",
]
