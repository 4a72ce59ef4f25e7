"""ontmoet plan show / plan check: the plan in force and the validation of a changed plan file."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ontmoet.policy.loader import plan_path
from tests.keys import TEST_SECRET_KEY


def test_plan_show_prints_the_seed_caps_and_unit_amounts():
    out = io.StringIO()
    call_command("plan", "show", stdout=out)
    text = out.getvalue()
    assert "20 Ontmoetingscentra, 4 Huizen van de Wijk" in text
    assert "per OC € 62.000, per HvdW € 220.000" in text
    assert "standaardwaarde, vast te stellen door de gemeente" in text


def test_plan_show_json_is_machine_readable():
    out = io.StringIO()
    call_command("plan", "show", "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["counts"]["2027"] == {"meeting_centres": 12, "neighbourhood_houses": 2}
    assert data["columns"][-1] == "structural"


def test_plan_check_accepts_the_shipped_plan():
    out = io.StringIO()
    call_command("plan", "check", str(plan_path()), stdout=out)
    assert "is geldig" in out.getvalue()


def test_plan_check_names_the_bad_key_and_value(tmp_path):
    bad = tmp_path / "plan.toml"
    bad.write_text(plan_path().read_text(encoding="utf-8").replace("meeting_centre = 62000", "meeting_centre = -62000"),
                   encoding="utf-8")
    with pytest.raises(CommandError) as caught:
        call_command("plan", "check", str(bad))
    assert caught.value.returncode == 1
    assert "unit_amounts.meeting_centre" in str(caught.value)
    assert "-62000" in str(caught.value)


def test_start_up_with_a_bad_plan_stops_with_the_key_named(tmp_path):
    import os
    import subprocess
    import sys

    bad = tmp_path / "plan.toml"
    bad.write_text(plan_path().read_text(encoding="utf-8").replace('fte_per_place = "0.25"', 'fte_per_place = "kwart"'),
                   encoding="utf-8")
    env = {**os.environ, "ONTMOET_PLAN": str(bad), "SECRET_KEY": TEST_SECRET_KEY,
           "DJANGO_SETTINGS_MODULE": "ontmoet.config.settings"}
    result = subprocess.run([sys.executable, "-m", "ontmoet.manage", "check"], env=env, capture_output=True, text=True,
                            check=False)
    assert result.returncode != 0
    assert "community_work.fte_per_place" in result.stderr
    assert "'kwart'" in result.stderr
