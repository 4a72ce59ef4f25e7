"""The long fuzz run (make bench): every API operation as every role, a read-only token and a board member of
another place, with many more examples than in make test (tests/api/test_api_fuzz_roles.py has the checks).
Prints a summary per caller: operations, calls and failures by kind, with the first failure of each kind.
``BENCH_FUZZ_EXAMPLES`` sets the examples per operation and caller (default 25)."""

from __future__ import annotations

import os
import time

import pytest

from tests.api.fuzz_roles import ACTORS, fuzz_actor, make_world

pytestmark = pytest.mark.perf
EXAMPLES = int(os.environ.get("BENCH_FUZZ_EXAMPLES", "25"))


@pytest.mark.django_db
def test_bench_fuzz_every_operation_as_every_role():
    world = make_world()
    started = time.monotonic()
    reports = [fuzz_actor(actor, world, max_examples=EXAMPLES) for actor in ACTORS]
    seconds = time.monotonic() - started
    print(f"\nAPI fuzz, {EXAMPLES} examples per operation and caller, {seconds:.0f} s:")
    for report in reports:
        print("  " + report.summary())
    print(f"  {'all':34} calls {sum(r.calls for r in reports):5}  failures "
          f"{sum(sum(r.failures.values()) for r in reports)}")
    for report in reports:
        for kind, example in report.examples.items():
            print(f"\n  {report.actor.label} / {kind}, the first:\n    {example}")
    assert [r.summary() for r in reports if r.failures] == []
