"""The daily reminders as a background job (django-tasks; ADR 0307).

``daily_reminders`` runs ``services.reminders_send`` and then enqueues itself for the next day at
``SUBSIDY_REMINDERS_AT`` (local time), so one job is always waiting once ``ontmoet schedule_reminders`` has put
the first one in (``make demo`` does; a deployment does so once). ``ontmoet db_worker`` runs what is due.
``ontmoet run_reminders`` does the same work at once, without the queue.

A waiting job is not enqueued twice: scheduling looks for one first, and the job's own re-enqueue is the
same call, so running ``schedule_reminders`` again, or the worker twice, leaves one job per day.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from ontmoet.core.jobs import enqueue_once, waiting_job
from ontmoet.subsidies.services import reminders_send

#: The task's dotted path, as the queue stores it.
TASK_PATH = "ontmoet.subsidies.tasks.daily_reminders"


def next_run(after: dt.datetime) -> dt.datetime:
    """The first moment at ``SUBSIDY_REMINDERS_AT`` local time strictly after ``after`` (aware)."""
    hour, minute = settings.SUBSIDY_REMINDERS_AT
    local = timezone.localtime(after)
    candidate = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if candidate <= local:
        # The next calendar day at that wall-clock time, in that day's offset (CET or CEST).
        day = local.date() + dt.timedelta(days=1)
        candidate = timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))
    return candidate


def waiting() -> DBTaskResult[Any, Any] | None:
    """The reminders job waiting in the queue, if one is."""
    return waiting_job(TASK_PATH)


def schedule_daily_reminders(*, now: dt.datetime | None = None) -> dt.datetime:
    """Make sure the reminders job waits for its next run; returns when it runs."""
    return enqueue_once(daily_reminders, task_path=TASK_PATH, next_run=next_run, now=now)


@task()
def daily_reminders() -> dict[str, Any]:
    """Send today's reminders, then wait for tomorrow."""
    sent = reminders_send(by=None)
    then = schedule_daily_reminders()
    return {"sent": sent, "next": then.isoformat()}
