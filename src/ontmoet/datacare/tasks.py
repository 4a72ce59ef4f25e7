"""The monthly retention report as a background job (django-tasks, as the daily reminders of ADR 0307).

``monthly_retention_report`` logs what has passed its retention period (``selectors.retention_due``; it destroys
nothing) and then enqueues itself for 06:00 local time on the first day of the next month. ``ontmoet
schedule_retention_report`` puts the first one in; scheduling again leaves one waiting job.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.utils import timezone
from django_tasks import task

from ontmoet.core.jobs import enqueue_once
from ontmoet.datacare.selectors import retention_due

TASK_PATH = "ontmoet.datacare.tasks.monthly_retention_report"
RUN_AT = dt.time(6, 0)
logger = logging.getLogger(__name__)


def next_run(after: dt.datetime) -> dt.datetime:
    """06:00 local time on the first day of the month after the month of ``after``."""
    local = timezone.localtime(after).date()
    first = dt.date(local.year + local.month // 12, local.month % 12 + 1, 1)
    return timezone.make_aware(dt.datetime.combine(first, RUN_AT))


def schedule_retention_report(*, now: dt.datetime | None = None) -> dt.datetime:
    """Make sure the report waits for its next run; returns when it runs."""
    return enqueue_once(monthly_retention_report, task_path=TASK_PATH, next_run=next_run, now=now)


@task()
def monthly_retention_report() -> dict[str, Any]:
    """Log what is due for destruction today, then wait for the next month."""
    due = retention_due()
    if due:
        logger.warning("%s zaken hebben hun bewaartermijn bereikt (ontmoet retention_due); er is niets vernietigd.",
                       len(due))
    then = timezone.localtime(schedule_retention_report())
    return {"due": len(due), "next": then.isoformat()}
