"""The daily reminders job (django-tasks, ADR 0307): when it runs next (local time, across the change to summer
time), one waiting job however often it is scheduled, and a run that sends the reminders and waits for the
next day. ``tests/integration/test_subsidy_cli.py`` runs the same through the installed ``ontmoet db_worker``."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import override_settings
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from ontmoet.subsidies.models import Application, LetterKind
from ontmoet.subsidies.tasks import TASK_PATH, daily_reminders, next_run, schedule_daily_reminders
from tests import factories_subsidies as fs

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize(("now", "expected"), [
    (dt.datetime(2026, 12, 3, 6, 59, tzinfo=AMS), dt.datetime(2026, 12, 3, 7, 0, tzinfo=AMS)),  # later today
    (dt.datetime(2026, 12, 3, 7, 0, tzinfo=AMS), dt.datetime(2026, 12, 4, 7, 0, tzinfo=AMS)),  # just run: tomorrow
    (dt.datetime(2026, 12, 31, 22, 0, tzinfo=AMS), dt.datetime(2027, 1, 1, 7, 0, tzinfo=AMS)),  # into a new year
    # Summer time starts on Sunday 28 March 2027 at 02:00: 07:00 that day is 05:00 UTC, not 06:00.
    (dt.datetime(2027, 3, 27, 9, 0, tzinfo=AMS), dt.datetime(2027, 3, 28, 5, 0, tzinfo=dt.UTC)),
])
def test_the_next_run_is_at_seven_local_time(now, expected):
    assert next_run(now) == expected


@override_settings(SUBSIDY_REMINDERS_AT=(18, 30))
def test_the_time_of_day_comes_from_the_settings():
    assert next_run(dt.datetime(2026, 12, 3, 12, 0, tzinfo=AMS)) == dt.datetime(2026, 12, 3, 18, 30, tzinfo=AMS)


def _waiting() -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path=TASK_PATH, status=TaskResultStatus.READY))


def test_one_job_waits_however_often_it_is_scheduled():
    with time_machine.travel(dt.datetime(2026, 12, 3, 12, 0, tzinfo=AMS), tick=False):
        first = schedule_daily_reminders()
        assert schedule_daily_reminders() == first
    assert [j.run_after for j in _waiting()] == [dt.datetime(2026, 12, 4, 7, 0, tzinfo=AMS)]


def test_a_run_sends_the_reminders_and_waits_for_the_next_day(mailoutbox):
    app = fs.application("granted")
    with time_machine.travel(dt.datetime(2030, 1, 1, 7, 0, tzinfo=AMS), tick=False):
        outcome = daily_reminders.call()
    assert outcome["sent"] >= 1
    assert Application.objects.get(pk=app.pk).settlement_reminder_sent
    assert outcome["next"] == "2030-01-02T07:00:00+01:00"
    assert [j.run_after for j in _waiting()] == [dt.datetime(2030, 1, 2, 7, 0, tzinfo=AMS)]
    with time_machine.travel(dt.datetime(2030, 1, 2, 7, 0, tzinfo=AMS), tick=False):
        daily_reminders.call()
    # The next day's run does not remind the board again: one reminder letter.
    assert app.letters.filter(kind=LetterKind.REMINDER).count() == 1
