"""``ontmoet legal_term`` run as a user runs it: the installed console script in a subprocess (ADR 0301).

The expected dates are worked out by hand in the comments (see tests/unit/test_legal_terms.py for the anchors:
1 January 2026 is a Thursday; in 2026 March, November start on a Sunday, April on a Wednesday, May on a Friday).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.keys import TEST_SECRET_KEY

pytestmark = pytest.mark.once  # the command's arguments and its arithmetic, not the database

ONTMOET = Path(sys.executable).parent / "ontmoet"


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("legal_term")
    environment = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "ONTMOET_PLAN")}
    environment.update({"SECRET_KEY": TEST_SECRET_KEY, "DATABASE_URL": f"sqlite:///{home / 'cli.sqlite3'}",
                        "ONTMOET_VAR_DIR": str(home)})
    return environment


def legal_term(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ONTMOET), "legal_term", *args], env=env, capture_output=True, text=True, check=False,
                          timeout=120)


def test_json_for_a_decision_term_ending_on_5_may(env):
    # Received Tue 10 March 2026; 8 weeks (28 days to Tue 7 April, 28 to Tue 5 May); 5 May is an Atw holiday every
    # year, so the term ends on Wednesday 6 May. The term's first day is the day after the receipt.
    result = legal_term(env, "--start", "2026-03-10", "--weeks", "8", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["start"], data["nominalEnd"], data["end"]) == ("2026-03-11", "2026-05-05", "2026-05-06")
    holiday = next(reason for reason in data["reasons"] if reason["code"] == "holiday")
    assert holiday["date"] == "2026-05-05"
    assert holiday["textNl"].startswith("5 mei is een feestdag volgens de Algemene termijnenwet")


def test_objection_starts_on_the_day_after_the_notification(env):
    # Notified Fri 13 Nov 2026: first day Sat 14 Nov; 6 weeks → Fri 25 Dec (28 days to 11 Dec, 14 to 25 Dec);
    # Christmas Friday and Saturday, then Sunday: ends Monday 28 December 2026.
    result = legal_term(env, "--start", "2026-11-13", "--weeks", "6", "--kind", "objection", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["start"], data["nominalEnd"], data["end"]) == ("2026-11-14", "2026-12-25", "2026-12-28")
    assert data["reasons"][0]["code"] == "starts_day_after"
    assert "art. 6:8 Awb" in data["reasons"][0]["textNl"]


def test_a_13_week_term_is_not_moved(env):
    # Fri 2 Oct 2026 + 91 days = Fri 1 January 2027 (Nieuwjaarsdag); art. 4 Atw: not moved.
    result = legal_term(env, "--start", "2026-10-02", "--weeks", "13", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["end"] == data["nominalEnd"] == "2027-01-01"
    assert data["atwApplies"] is False


def test_text_output_in_dutch(env):
    # Supplement requested Thu 30 April 2026; 14 days → Thu 14 May (Hemelvaartsdag), Fri 15 May (decree day), the
    # weekend: ends Monday 18 May 2026.
    result = legal_term(env, "--start", "2026-04-30", "--days", "14", "--kind", "supplement")
    assert result.returncode == 0, result.stderr
    assert "Aanvullingstermijn van 14 dagen" in result.stdout
    assert "Einde: maandag 18 mei 2026" in result.stdout
    assert "koninklijk besluit" in result.stdout


@pytest.mark.parametrize(("args", "message"), [
    (("--weeks", "6"), "--start"),
    (("--start", "2026-02-30", "--weeks", "6"), "bestaat niet"),
    (("--start", "2-3-2026", "--weeks", "6"), "JJJJ-MM-DD"),
    (("--start", "2026-03-02"), "precies één termijnlengte"),
    (("--start", "2026-03-02", "--weeks", "6", "--days", "3"), "precies één termijnlengte"),
    (("--start", "2026-03-02", "--weeks", "zes"), "geheel getal"),
    (("--start", "2026-03-02", "--weeks", "0"), "ten minste 1"),
    (("--start", "2026-03-02", "--weeks", "6", "--kind", "beroep"), "soort termijn"),
    (("--start", "2026-03-02", "--weeks", "6", "--format", "xml"), "uitvoerformaat"),
])
def test_bad_input_is_refused_in_dutch_with_exit_code_2(env, args, message):
    result = legal_term(env, *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
