"""``ontmoet allocate_community_work``: the installed console script as a subprocess (propose, apply, refuse)."""

from __future__ import annotations

import json

from tests.integration.test_cli_subprocess import cli_env, ontmoet  # noqa: F401  # the module's fixture

PROPOSE = ("allocate_community_work", "--year", "2027", "--format", "json")


def test_propose_then_apply(cli_env):  # noqa: F811
    proposed = ontmoet(cli_env, *PROPOSE)
    assert proposed.returncode == 0, proposed.stderr
    data = json.loads(proposed.stdout)
    assert set(data) == {"year", "capFte", "allocatedFte", "allocations"}
    assert data["year"] == 2027 and data["allocations"] == [] and data["allocatedFte"] == "0.00"
    applied = ontmoet(cli_env, *PROPOSE, "--apply")
    assert applied.returncode == 0, applied.stderr
    table = ontmoet(cli_env, "allocate_community_work", "--year", "2027")
    assert table.returncode == 0 and "Opbouwwerk 2027" in table.stdout


def test_year_outside_the_plan_is_refused(cli_env):  # noqa: F811
    result = ontmoet(cli_env, "allocate_community_work", "--year", "2040")
    assert result.returncode != 0
    assert "2040" in result.stderr
