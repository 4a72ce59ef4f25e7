"""The installed ``ontmoet`` console script, run as a user runs it: a subprocess with its own environment.

``call_command`` skips Django's system checks and the settings start-up, so these run the real script (next to
the test's Python, in the virtual environment) against a throwaway SQLite database.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ontmoet.policy.loader import plan_path
from tests.keys import TEST_SECRET_KEY

ONTMOET = Path(sys.executable).parent / "ontmoet"
HEADER = "naam;type;straat;huisnummer;postcode;plaats;breedtegraad;lengtegraad;buurtcode\n"


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("cli")
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "ONTMOET_PLAN")}
    env.update({"SECRET_KEY": TEST_SECRET_KEY, "DATABASE_URL": f"sqlite:///{home / 'cli.sqlite3'}",
                "ONTMOET_VAR_DIR": str(home)})
    migrated = subprocess.run([str(ONTMOET), "migrate", "--no-input", "-v0"], env=env, capture_output=True,
                              text=True, check=False)
    assert migrated.returncode == 0, migrated.stderr
    return env


def ontmoet(env: dict[str, str], *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ONTMOET), *args], env=env, capture_output=True, text=True, check=False, cwd=cwd,
                          timeout=300)


def test_the_console_script_is_installed():
    assert ONTMOET.is_file()


# --- A2: plan show / plan check ran Django's check() of their own and crashed ----------------------------------


def test_plan_show_runs_with_the_system_checks(cli_env):
    result = ontmoet(cli_env, "plan", "show")
    assert result.returncode == 0, result.stderr
    assert "20 Ontmoetingscentra, 4 Huizen van de Wijk" in result.stdout


def test_plan_show_json_runs_with_the_system_checks(cli_env):
    result = ontmoet(cli_env, "plan", "show", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["places"]["max_meeting_centres"] == 20


def test_plan_check_runs_with_the_system_checks(cli_env, tmp_path):
    result = ontmoet(cli_env, "plan", "check", str(plan_path()))
    assert result.returncode == 0, result.stderr
    assert "is geldig" in result.stdout
    bad = tmp_path / "plan.toml"
    bad.write_text(plan_path().read_text(encoding="utf-8").replace("meeting_centre = 62000", "meeting_centre = -1"),
                   encoding="utf-8")
    refused = ontmoet(cli_env, "plan", "check", str(bad))
    assert refused.returncode == 1
    assert "unit_amounts.meeting_centre" in refused.stderr


# --- A16: settings, roles, types, plurals ------------------------------------------------------------------------


def test_without_secret_key_every_command_says_so_in_one_line(cli_env, tmp_path):
    env = {k: v for k, v in cli_env.items() if k != "SECRET_KEY"}
    for args in (("plan", "show"), ("import_places", "x.csv"), ("migrate",)):
        result = ontmoet(env, *args, cwd=tmp_path)
        assert result.returncode == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert "SECRET_KEY" in lines[0]
        assert "Traceback" not in result.stderr


def test_create_user_takes_the_dutch_role_name(cli_env):
    result = ontmoet(cli_env, "create_user", "bea", "--role", "beleidsmedewerker", "--password", "x" * 14)
    assert result.returncode == 0, result.stderr
    assert "Account bea (Beleidsmedewerker) aangemaakt." in result.stdout


def test_an_unknown_role_lists_the_role_codes_with_their_names(cli_env):
    result = ontmoet(cli_env, "create_user", "piet", "--role", "zwemmeester", "--password", "x" * 14)
    assert result.returncode == 2
    assert "policy_officer (Beleidsmedewerker)" in result.stderr
    assert "board_member (Bestuurslid)" in result.stderr
    help_text = ontmoet(cli_env, "create_user", "--help").stdout
    assert "data_analyst (Data-analist)" in " ".join(help_text.split())


@pytest.mark.parametrize("type_name", ["Huiskamer", "huiskamer", "living_room", "Community living room"])
def test_assess_takes_the_type_names_the_import_takes(cli_env, type_name):
    result = ontmoet(cli_env, "assess", "--type", type_name, "--lat", "50.8643", "--lon", "5.731435")
    assert result.returncode == 0, result.stderr
    assert "Plek: huiskamer op 50.864300, 5.731435" in result.stdout


def test_assess_names_the_types_for_an_unknown_one(cli_env):
    result = ontmoet(cli_env, "assess", "--type", "Zwembad", "--lat", "50.86", "--lon", "5.73")
    assert result.returncode == 2
    assert "meeting_centre" in result.stderr and "living_room" in result.stderr


def test_import_messages_count_in_dutch(cli_env, tmp_path):
    one = tmp_path / "een.csv"
    one.write_text(HEADER + "Huiskamer Eén;huiskamer;Straat;1;;Maastricht;;;BU09350602\n", encoding="cp1252")
    checked = ontmoet(cli_env, "import_places", str(one), "--dry-run")
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.strip() == "1 plek gecontroleerd (niets opgeslagen)."
    bad = tmp_path / "fout.csv"
    bad.write_text(HEADER + "Kapot;zwembad;Straat;1;;Maastricht;;;BU09350602\n", encoding="utf-8")
    refused = ontmoet(cli_env, "import_places", str(bad))
    assert refused.returncode == 1
    assert "rij 2, kolom type: onbekend type 'zwembad'" in refused.stderr
    assert "Niets geïmporteerd: 1 probleem in fout.csv." in refused.stderr


def test_a_large_import_shows_its_progress_on_stderr(cli_env, tmp_path):
    big = tmp_path / "groot.csv"
    big.write_text(HEADER + "".join(f"Plek {i};huiskamer;Straat;{i + 1};;Maastricht;;;BU09350602\n"
                                    for i in range(12_000)), encoding="utf-8")
    result = ontmoet(cli_env, "import_places", str(big), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "Gecontroleerd: 5.000 van 12.000 rijen" in result.stderr
    assert "Gecontroleerd: 12.000 van 12.000 rijen" in result.stderr
    assert result.stdout.strip() == "12000 plekken gecontroleerd (niets opgeslagen)."


def test_export_then_import_through_the_cli(cli_env, tmp_path):
    source = tmp_path / "bron.csv"
    source.write_text(HEADER + 'Buurthuis "De Brug";Ontmoetingscentrum;Straat;1;;Maastricht;;;BU09350602\n'
                      "=HYPERLINK(\"http://example.org\");huiskamer;Straat;2;;Maastricht;;;BU09350602\n",
                      encoding="utf-8")
    assert ontmoet(cli_env, "import_places", str(source)).returncode == 0
    exported = ontmoet(cli_env, "export_places")
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.startswith("\ufeffid;naam;")
    assert "'=HYPERLINK" in exported.stdout
    assert '"Buurthuis ""De Brug"""' in exported.stdout
    refused = ontmoet(cli_env, "export_places", "--format", "xlsx")
    assert refused.returncode == 2 and "--out" in refused.stderr
