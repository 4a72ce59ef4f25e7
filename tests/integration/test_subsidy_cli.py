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


def test_the_daily_job_is_scheduled_once_and_the_worker_runs_it_and_schedules_the_next(cli_env):  # noqa: F811
    """``schedule_reminders`` puts one job in the queue (twice: still one); the worker runs it once it is due and
    the job puts tomorrow's in. The queue is the database (django-tasks' DatabaseBackend)."""
    import datetime as dt

    first = ontmoet(cli_env, "schedule_reminders")
    assert first.returncode == 0, first.stderr
    assert "Dagelijkse herinneringen staan klaar voor" in first.stdout and "07:00" in first.stdout
    again = ontmoet(cli_env, "schedule_reminders")
    assert again.returncode == 0 and again.stdout == first.stdout
    database = cli_env["DATABASE_URL"].removeprefix("sqlite:///")
    with sqlite3.connect(database) as db:
        rows = db.execute("SELECT status, run_after FROM django_tasks_database_dbtaskresult").fetchall()
        assert [status for status, _at in rows] == ["READY"]
        # Make it due now (as the clock would at seven), then let the worker take what is due and stop.
        db.execute("UPDATE django_tasks_database_dbtaskresult SET run_after = '2000-01-01 06:00:00'")
    worked = ontmoet(cli_env, "db_worker", "--batch", "--no-startup-delay")
    assert worked.returncode == 0, worked.stderr
    with sqlite3.connect(database) as db:
        rows = db.execute("SELECT status, run_after, return_value FROM django_tasks_database_dbtaskresult "
                          "ORDER BY enqueued_at").fetchall()
    assert [status for status, _at, _value in rows] == ["SUCCESSFUL", "READY"]
    assert '"sent": 0' in rows[0][2]
    following = dt.datetime.fromisoformat(rows[1][1])
    assert following > dt.datetime.now(dt.UTC).replace(tzinfo=None)  # stored as UTC: the next run is ahead
