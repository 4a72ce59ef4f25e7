"""Reconciling the subsidy decisions with the ledger and the ceilings (``ontmoet check_ledger``).

What each application should have on the ledger follows from its decisions: the commitment is the amount granted
now (after a settlement: the settled amount; withdrawn by the municipality: nothing), the realisation is what was
paid minus what was recovered. Each scheme-year's committed total is the sum of its applications' commitments and
never above its ceiling.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Expected:
    reference: str
    scheme_year: str
    commitment: Decimal
    realisation: Decimal


@dataclass(frozen=True)
class Booked:
    commitment: Decimal = Decimal(0)
    realisation: Decimal = Decimal(0)


@dataclass(frozen=True)
class SchemeYearTotals:
    ceiling: Decimal
    committed: Decimal


@dataclass(frozen=True)
class Difference:
    subject: str
    text_nl: str
    text_en: str


def reconcile(expected: Iterable[Expected], booked: Mapping[str, Booked],
              scheme_years: Mapping[str, SchemeYearTotals]) -> list[Difference]:
    differences: list[Difference] = []
    per_year: dict[str, Decimal] = defaultdict(Decimal)
    seen = set()
    for item in expected:
        seen.add(item.reference)
        per_year[item.scheme_year] += item.commitment
        entry = booked.get(item.reference, Booked())
        if entry.commitment != item.commitment:
            differences.append(Difference(item.reference, f"verplichting {entry.commitment} geboekt, besluiten "
                                          f"geven {item.commitment}", f"commitment booked {entry.commitment}, "
                                          f"decisions give {item.commitment}"))
        if entry.realisation != item.realisation:
            differences.append(Difference(item.reference, f"realisatie {entry.realisation} geboekt, betalingen "
                                          f"geven {item.realisation}", f"realisation booked {entry.realisation}, "
                                          f"payments give {item.realisation}"))
    for reference in sorted(set(booked) - seen):
        differences.append(Difference(reference, "boeking zonder aanvraag", "booking without an application"))
    for key, totals in sorted(scheme_years.items()):
        if totals.committed != per_year.get(key, Decimal(0)):
            differences.append(Difference(key, f"verplicht volgens de regeling {totals.committed}, volgens de "
                                          f"besluiten {per_year.get(key, Decimal(0))}",
                                          f"committed on the scheme-year {totals.committed}, by the decisions "
                                          f"{per_year.get(key, Decimal(0))}"))
        if totals.committed > totals.ceiling:
            differences.append(Difference(key, f"plafond {totals.ceiling} overschreden: {totals.committed}",
                                          f"ceiling {totals.ceiling} exceeded: {totals.committed}"))
    return differences
