"""Subsidy applications for the scale benchmarks (``ontmoet generate_bench_data --applications N``), with COPY.

Only for a benchmark database, like the monitoring's bench data: the rows bypass the services. They are spread
over the plan's schemes, the benchmark's places and years, in the states that carry no money (concept,
submitted, incomplete, in assessment, advised, postponed, refused, not handled, withdrawn), so the ledger needs
no bookings and ``ontmoet check_ledger`` stays clean; their terms fall before and after today, so the queue has
terms that pass soon and overdue ones.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone

from ontmoet.core.bulk import copy_objects
from ontmoet.subsidies.models import Application, ApplicationState, DecisionReason, SchemeYear
from ontmoet.subsidies.services import schemes_from_plan

S = ApplicationState
#: The states without money, and how often each occurs (an office's queue: most are being handled).
STATES = ((S.DRAFT, 1), (S.SUBMITTED, 3), (S.INCOMPLETE, 2), (S.IN_ASSESSMENT, 3), (S.ADVISED, 2),
          (S.POSTPONED, 1), (S.REFUSED, 2), (S.NOT_HANDLED, 1), (S.WITHDRAWN, 1))
CHUNK = 50_000


def generate_applications(count: int, *, place_ids: list[int], seed: int = 13,
                          say: Callable[[str], None] = print) -> int:
    """Write ``count`` applications for ``place_ids``; returns how many were written."""
    if connection.vendor != "postgresql":
        raise RuntimeError("generate_bench_data needs PostgreSQL (it writes with COPY)")
    if not place_ids or count <= 0:
        return 0
    schemes_from_plan(by=None)
    years = list(SchemeYear.objects.select_related("scheme").order_by("scheme", "year"))
    if not years:
        return 0
    rng = random.Random(seed)
    states = [state for state, weight in STATES for _ in range(weight)]
    today = timezone.localdate()
    now = timezone.now()
    written = 0
    with transaction.atomic():
        while written < count:
            batch = []
            for _ in range(min(CHUNK, count - written)):
                year = years[rng.randrange(len(years))]
                state = states[rng.randrange(len(states))]
                received = today - dt.timedelta(days=rng.randrange(120))
                handled = state not in (S.DRAFT,)
                batch.append(Application(
                    scheme_id=year.scheme_id, scheme_year_id=year.pk, place_id=place_ids[rng.randrange(len(place_ids))],
                    year=year.year, state=state, amount_requested=Decimal(rng.randrange(1_000, 60_000)),
                    submitted_at=now - dt.timedelta(days=(today - received).days) if handled else None,
                    received_on=received if handled else None,
                    decision_due=received + dt.timedelta(weeks=8) if handled else None,
                    supplement_due=received + dt.timedelta(days=14) if state == S.INCOMPLETE else None,
                    decided_on=received + dt.timedelta(days=40) if state == S.REFUSED else None,
                    decision_reason=DecisionReason.REFUSED if state == S.REFUSED else "", is_demo=True,
                    created_at=now, updated_at=now))
            written += copy_objects(Application, batch)
            say(f"{written:,} subsidieaanvragen geschreven")
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Application._meta.db_table}")
    return written
