"""Background jobs that enqueue their own next run (django-tasks with the database backend, ADR 0307).

``enqueue_once`` puts a job in the queue for ``when`` unless one of that task already waits, under a named lock,
so scheduling twice, or a job re-enqueuing itself while scheduling runs, still leaves one waiting job."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from ontmoet.core.locks import serialise


def waiting_job(task_path: str) -> DBTaskResult[Any, Any] | None:
    """The job of the task at ``task_path`` waiting in the queue, if one is (the first to run)."""
    return DBTaskResult.objects.filter(task_path=task_path, status=TaskResultStatus.READY).order_by(
        "run_after").first()


def enqueue_once(task: Any, *, task_path: str, next_run: Callable[[dt.datetime], dt.datetime],
                 now: dt.datetime | None = None) -> dt.datetime:
    """Make sure ``task`` waits for its next run (``next_run`` of now); returns when it runs."""
    with transaction.atomic():
        serialise(f"jobs:{task_path}")
        found = waiting_job(task_path)
        if found is not None:
            moment: dt.datetime = found.run_after
            return moment
        when = next_run(now or timezone.now())
        task.using(run_after=when).enqueue()
        return when
