"""Liveness and readiness for a load balancer or orchestrator (docs/operations.md).

``/health`` answers as long as the process serves requests: it touches nothing else, so a database outage does
not make every worker look dead and get restarted. ``/ready`` says whether this instance can do its work: the
database answers and every migration is applied. Both are public and carry no data beyond up or down.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from ontmoet.accounts.permissions import public

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30


@public
@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "up"})


@public
@never_cache
@require_GET
def ready(request: HttpRequest) -> JsonResponse:
    checks: dict[str, str] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "up"
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        checks["migrations"] = "applied" if not pending else f"{len(pending)} pending"
    except DatabaseError:
        logger.warning("Readiness check: the database does not answer", exc_info=True)
        checks.setdefault("database", "down")
    is_ready = checks.get("database") == "up" and checks.get("migrations") == "applied"
    response = JsonResponse({"status": "up" if is_ready else "down", "checks": checks},
                            status=200 if is_ready else 503)
    if not is_ready:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
