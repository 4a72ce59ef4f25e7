"""Plans the tests run on, so that a council decision that changes the shipped plan file never breaks the suite.

- ``seed-maastricht-2026.toml`` is a frozen copy of the plan as the council proposal set it (raadsvoorstel,
  B&W 25 November 2025). Tests that prove "Ontmoet reproduces the council's table" read it, and the test
  settings use it as the plan in force.
- Behaviour tests that depend on a figure state it themselves with ``plan_with(...)`` (tests/conftest.py).
"""

from __future__ import annotations

from pathlib import Path

from ontmoet.policy import load_plan

SEED_PLAN_FILE = Path(__file__).resolve().parent / "seed-maastricht-2026.toml"
SEED_PLAN = load_plan(SEED_PLAN_FILE)
