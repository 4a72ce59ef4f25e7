"""Writing and reading the audit trail.

Services call :func:`audit_record` inside their own atomic transaction, so a change and its audit event
land together or not at all (architecture.md, "one door for every state change").
"""

from __future__ import annotations

import contextvars
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import models, transaction
from django.db.models import QuerySet

from ontmoet.core.models import AuditEvent
from ontmoet.core.versions import raise_after_commit


@dataclass
class AuditScope:
    """What one state change (one call of a service) wrote to the audit trail: counted per service, so a
    service that calls another service counts only its own events."""

    service: str
    events: int = 0
    #: Events written by the services this one called (each a door of its own).
    nested: int = 0
    unchanged: bool = False


_SCOPES: contextvars.ContextVar[tuple[AuditScope, ...]] = contextvars.ContextVar("audit_scopes", default=())


@contextmanager
def audit_scope(service: str) -> Iterator[AuditScope]:
    """Count the audit events written directly by ``service`` (see ``ontmoet.accounts.doors``)."""
    scope = AuditScope(service=service)
    outer = _SCOPES.get()
    token = _SCOPES.set((*outer, scope))
    try:
        yield scope
    finally:
        _SCOPES.reset(token)
        if outer:
            outer[-1].nested += scope.events + scope.nested


def audit_counted(count: int) -> None:
    """Count ``count`` audit events that a batch service (an import) wrote in bulk itself, for its door."""
    scopes = _SCOPES.get()
    if scopes:
        scopes[-1].events += count


def nothing_changed() -> None:
    """Declare that the running service changed nothing (a no-op edit, a dry run): it writes no audit event."""
    scopes = _SCOPES.get()
    if scopes:
        scopes[-1].unchanged = True


def _plain(value: Any) -> Any:
    """JSON-safe form of a field value, readable on the audit page."""
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, Decimal | dt.date | dt.datetime | dt.time):
        return str(value)
    if isinstance(value, list | tuple | set):
        return [_plain(v) for v in value]
    return value


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The current values of ``fields`` of ``obj``, for a before/after comparison."""
    return {name: _plain(getattr(obj, name)) for name in fields}


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Only the fields that changed, as ``{field: {"before": .., "after": ..}}``."""
    names = list(dict.fromkeys([*before, *after]))
    return {
        name: {"before": _plain(before.get(name)), "after": _plain(after.get(name))}
        for name in names
        if _plain(before.get(name)) != _plain(after.get(name))
    }


def object_type_of(obj: models.Model) -> str:
    return f"{obj._meta.app_label}.{obj._meta.model_name}"


def audit_record(
    *,
    action: str,
    obj: models.Model,
    by: Any,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    reason: str = "",
) -> AuditEvent:
    """Record one state change by ``by`` (a User; None for the system). Must run inside the service's
    transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record must be called inside the service's atomic transaction")
    scopes = _SCOPES.get()
    if scopes:
        scopes[-1].events += 1
    raise_after_commit()  # cached page parts computed before this change are not shown after it (versions.py)
    return AuditEvent.objects.create(
        actor=by,
        actor_name=(by.get_username() if by is not None else "systeem"),
        action=action,
        object_type=object_type_of(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        changes=diff(before or {}, after or {}),
        reason=reason,
    )


def audit_events_for(obj: models.Model) -> QuerySet[AuditEvent]:
    """The audit trail of one object, newest first."""
    return AuditEvent.objects.filter(object_type=object_type_of(obj), object_id=str(obj.pk)).select_related("actor")
