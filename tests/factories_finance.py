"""factory_boy factories of the financial framework: scenarios, investment projects, ledger entries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory

from ontmoet.finance.models import CapitalMethod, EntryKind, InvestmentProject, LedgerEntry, ProjectPhase, Scenario


class ScenarioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Scenario

    name = factory.Sequence(lambda n: f"Scenario {n}")
    plan_id = "maastricht-2026"
    overrides = factory.LazyFunction(lambda: {"counts": {"2027": {"meeting_centres": 10, "neighbourhood_houses": 3}}})


class InvestmentProjectFactory(factory.django.DjangoModelFactory):
    """A project with an amount and a start year; trait ``pending`` leaves it a PM item."""

    class Meta:
        model = InvestmentProject

    class Params:
        pending = factory.Trait(amount_min=None, amount_max=None, start_year=None)

    key = factory.Sequence(lambda n: f"project-{n}")
    name = factory.Sequence(lambda n: f"Investering {n}")
    area = "Pottenberg"
    amount_min = 1_000_000
    amount_max = 1_000_000
    method = CapitalMethod.LINEAR
    term_years = 10
    interest_rate = Decimal("0.02")
    start_year = 2027
    phase = ProjectPhase.EXPLORATION


class LedgerEntryFactory(factory.django.DjangoModelFactory):
    """A commitment by default; trait ``realisation`` books a payment."""

    class Meta:
        model = LedgerEntry

    class Params:
        realisation = factory.Trait(kind=EntryKind.REALISATION, source="payments")

    kind = EntryKind.COMMITMENT
    block = "B1"
    year = 2026
    amount = Decimal("62000.00")
    entry_date = dt.date(2026, 3, 1)
    source = "subsidies"
    reference = factory.Sequence(lambda n: f"grant:{n}")
