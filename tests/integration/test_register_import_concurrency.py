"""Imports and creates at the same moment never pass the plan's caps (B1), on PostgreSQL.

The import takes the register lock (``core.locks.serialise(REGISTER_TYPES)``) that every path setting a type
takes, before it counts the whole batch; the lock holds also while the register is still empty, where a row lock
would have nothing to lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections
from django.utils import timezone

from ontmoet.accounts.roles import Role
from ontmoet.core.models import AuditEvent
from ontmoet.core.plan import policy_plan
from ontmoet.places import services
from ontmoet.places.models import MeetingPlace, Neighbourhood
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]
HEADER = "naam;type;straat;huisnummer;postcode;plaats;breedtegraad;lengtegraad;buurtcode\n"


@pytest.fixture(autouse=True)
def _postgresql_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (make test runs this file there too)")


def _together(jobs: list[Callable[[], object]]) -> list[object]:
    """Start every job at the same moment in a thread of its own; each closes its own connection."""
    start = threading.Barrier(len(jobs))
    outcomes: list[object] = [None] * len(jobs)

    def run(i: int) -> None:
        try:
            start.wait()
            outcomes[i] = jobs[i]()
        except Exception as exc:
            outcomes[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def _file(prefix: str, kind: str, rows: int) -> bytes:
    return (HEADER + "".join(f"{prefix} {n};{kind};Straat;{n + 1};;Maastricht;;;BU09350602\n"
                             for n in range(rows))).encode()


def _count(kind: str) -> int:
    return MeetingPlace.objects.with_type().filter(type=kind).count()


@pytest.mark.parametrize(("kind", "cap_of"), [
    ("neighbourhood_house", lambda caps: caps.max_neighbourhood_houses),
    ("meeting_centre", lambda caps: caps.max_meeting_centres),
])
def test_imports_and_creates_racing_into_an_empty_register_never_pass_the_cap(kind, cap_of):
    cap = cap_of(policy_plan().places)
    officer = UserFactory(username=f"beleid-{kind}", role=Role.POLICY_OFFICER)
    assert Neighbourhood.objects.exists() and not MeetingPlace.objects.exists()
    today = timezone.localdate()
    batch = max(2, cap // 2 + 1)  # two such imports never fit together
    imports = [(lambda i=i: services.places_import(content=_file(f"Import {i}", kind, batch),
                                                   filename=f"import-{i}.csv", by=officer)) for i in range(4)]
    creates = [(lambda i=i: services.place_create(values={"name": f"Los {i}"}, type=kind, effective_date=today,
                                                  by=officer)) for i in range(cap)]
    outcomes = _together([job for pair in zip(imports, creates[:4], strict=False) for job in pair] + creates[4:])
    # There are at least ``cap`` single creates, so the register fills up to the cap and never beyond it.
    assert _count(kind) == cap
    assert not AuditEvent.objects.filter(action="place_cap_override").exists()
    # All or nothing: an import wrote every row of its file, or none.
    for i in range(4):
        written = MeetingPlace.objects.filter(name__startswith=f"Import {i} ").count()
        assert written in (0, batch), (i, written)
    assert sum(1 for o in outcomes if isinstance(o, Exception) and "database" in str(o).lower()) == 0, outcomes
