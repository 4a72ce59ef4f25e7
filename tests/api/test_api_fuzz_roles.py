"""Schemathesis with a token of every role and a board member of another place (tests/api/fuzz_roles.py):
no 5xx, answers as documented, forbidden calls refused with 403/404 problem+json, no other place's data.

Bounded for ``make test`` (a few examples per operation and caller, derandomized); ``make bench`` runs many more
(tests/perf/test_bench_fuzz.py)."""

from __future__ import annotations

import pytest

from tests.api.fuzz_roles import ACTORS, Actor, fuzz_actor, make_world

# once: the roles and the document are checked in Python; the engine changes nothing they see
pytestmark = [pytest.mark.django_db, pytest.mark.once]

MAX_EXAMPLES = 2


@pytest.mark.parametrize("actor", ACTORS, ids=[a.label for a in ACTORS])
def test_every_operation_as_every_role(actor: Actor):
    report = fuzz_actor(actor, make_world(), max_examples=MAX_EXAMPLES)
    assert report.calls >= report.operations
    assert dict(report.failures) == {}, "\n".join(report.examples.values())
