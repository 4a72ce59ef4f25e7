"""Demo neighbourhood statistics: fictional, deterministic, and marked as demo everywhere.

There is no public per-buurt table of these indicators for Maastricht in the project's sources, so the demo
figures are generated: the same buurtcode always gives the same numbers (a seeded generator), the source says
DEMO, and every row has ``is_demo=True``, which the interface shows as "demo". Real figures are never
overwritten. The shipped example file ``data/example_neighbourhood_stats.csv`` holds the same rows.
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from ontmoet.assessment.models import NeighbourhoodStatistic
from ontmoet.assessment.services import StatisticsImportReport, neighbourhood_stats_import
from ontmoet.places.models import Neighbourhood

#: The year of the CBS buurt indeling the demo figures are given for.
DEMO_YEAR = 2024
DEMO_SOURCE = "DEMO – fictieve cijfers, gegenereerd door Ontmoet; geen echte cijfers"
EXAMPLE_FILE = Path(__file__).resolve().parent / "data" / "example_neighbourhood_stats.csv"
COLUMNS = ("buurtcode", "year", "source", "is_demo", "residents", "low_income_households_pct",
           "single_person_65plus_pct", "loneliness_pct")
#: Ranges of the fictional percentages (wide enough to give the index a spread; not real figures).
_RANGES = {"low_income_households_pct": (4, 28), "single_person_65plus_pct": (3, 18), "loneliness_pct": (8, 24)}


def demo_rows(codes: Iterable[str]) -> list[dict[str, str]]:
    """One fictional row per buurtcode; the same code always gives the same figures."""
    rows = []
    for code in sorted(codes):
        rng = random.Random(f"ontmoet-demo-{code}")
        row = {"buurtcode": code, "year": str(DEMO_YEAR), "source": DEMO_SOURCE, "is_demo": "ja",
               "residents": str(rng.randrange(400, 6000, 10))}
        for key, (low, high) in _RANGES.items():
            row[key] = str(Decimal(str(rng.uniform(low, high))).quantize(Decimal("0.1")))
        rows.append(row)
    return rows


def demo_csv(codes: Iterable[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(demo_rows(codes))
    return buffer.getvalue()


def load_assessment_demo() -> StatisticsImportReport | None:
    """Import demo figures for every buurt that has none for the demo year (idempotent; never over real ones)."""
    present = set(NeighbourhoodStatistic.objects.filter(year=DEMO_YEAR)
                  .values_list("neighbourhood__code", flat=True))
    missing = sorted(set(Neighbourhood.objects.values_list("code", flat=True)) - present)
    if not missing:
        return None
    return neighbourhood_stats_import(content=demo_csv(missing), file_name="demo (Ontmoet)", by=None)
