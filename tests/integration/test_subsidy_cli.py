"""``ontmoet check_ledger`` and ``ontmoet run_reminders`` as installed console scripts."""

from __future__ import annotations

import sqlite3

from tests.integration.test_cli_subprocess import cli_env, ontmoet  # noqa: F401 - the fixture


def test_check_ledger_is_clean_on_an_empty_database_and_fails_on_a_difference(cli_env):  # noqa: F811
    clean = ontmoet(cli_env, "check_ledger")
    assert clean.returncode == 0, clean.stderr
    assert "komen overeen" in clean.stdout
    database = cli_env["DATABASE_URL"].removeprefix("sqlite:///")
    with sqlite3.connect(database) as db:
        db.execute("INSERT INTO finance_ledgerentry (kind, block, year, amount, entry_date, source, reference, "
                   "description, recorded_at) VALUES ('commitment', 'B4', 2026, 100, '2026-01-01', 'subsidies', "
                   "'999:grant:1', '', '2026-01-01')")
    broken = ontmoet(cli_env, "check_ledger")
    assert broken.returncode == 1
    assert "999: boeking zonder aanvraag" in broken.stderr
    with sqlite3.connect(database) as db:
        db.execute("DELETE FROM finance_ledgerentry WHERE reference = '999:grant:1'")


def test_run_reminders_runs(cli_env):  # noqa: F811
    result = ontmoet(cli_env, "run_reminders")
    assert result.returncode == 0, result.stderr
    assert "Herinneringen verstuurd: 0." in result.stdout
