"""One door per state change (architecture.md): the decorator every service that writes wears.

``@state_change(roles=...)`` makes a service one atomic transaction that

- refuses a caller whose role is not in ``roles`` before anything runs (``PermissionDenied``);
- refuses ``by=None`` (the system itself: demo loader, CLI, scheduled jobs) unless ``system=True``;
- writes exactly one audit event of its own (``ontmoet.core.audit.audit_record``), or none when it declared
  ``nothing_changed()`` (a no-op edit, a dry run). ``audit="per_object"`` is for batch services (an import) that
  write one event per object they create (themselves or through the services they call), at least one.

A service that breaks the audit rule fails loudly (``AuditRuleBroken``) and its transaction is rolled back, so a
change without its trail can never land. Every decorated service is listed in :data:`DOORS`; a test walks them all
(tests/integration/test_service_doors.py) and fails on a service module function that is not a door.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps
from typing import Any, Literal, ParamSpec, TypeVar

from django.db import transaction

from ontmoet.accounts.permissions import ensure_role, ensure_system_or_person
from ontmoet.core.audit import audit_scope

P = ParamSpec("P")
R = TypeVar("R")
AuditRule = Literal["one", "per_object"]


class AuditRuleBroken(RuntimeError):
    """A service changed state without exactly the audit events its door requires (a programming error)."""


@dataclass(frozen=True)
class Door:
    """A declared service: who may call it and what it must leave in the audit trail."""

    name: str
    roles: frozenset[str]
    system: bool
    audit: AuditRule


#: Every service that changes state, by dotted name.
DOORS: dict[str, Door] = {}


def state_change(*, roles: Iterable[str], system: bool = False,
                 audit: AuditRule = "one") -> Callable[[Callable[P, R]], Callable[P, R]]:
    allowed = frozenset(roles)

    def decorator(service: Callable[P, R]) -> Callable[P, R]:
        name = f"{service.__module__}.{service.__qualname__}"
        door = Door(name=name, roles=allowed, system=system, audit=audit)
        DOORS[name] = door

        @wraps(service)
        def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
            if "by" not in kwargs:
                raise TypeError(f"{name} needs the acting user as by=... (None for the system itself)")
            by = kwargs["by"]
            ensure_system_or_person(by, system_allowed=system)
            if by is not None:
                ensure_role(by, allowed)
            with transaction.atomic(), audit_scope(name) as scope:
                result = service(*args, **kwargs)
                _check_audit(door, scope.events, scope.nested, scope.unchanged)
            return result

        wrapped.door = door  # type: ignore[attr-defined]
        return wrapped

    return decorator


def _check_audit(door: Door, events: int, nested: int, unchanged: bool) -> None:
    if unchanged and events == 0:
        return
    if door.audit == "one" and events != 1:
        raise AuditRuleBroken(f"{door.name} wrote {events} audit events; a state change writes exactly one")
    if door.audit == "per_object" and events + nested < 1:
        raise AuditRuleBroken(f"{door.name} wrote no audit event")


def door_of(func: Any) -> Door | None:
    """The door a service function wears, or None."""
    return getattr(func, "door", None)
