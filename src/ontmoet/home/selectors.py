"""Reads for the start page: the latest changes of the audit trail, with what kind of object each was about."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.apps import apps
from django.utils.functional import Promise

from ontmoet.core.models import AuditEvent
from ontmoet.core.registry import audit_action

#: How many changes the start page lists.
RECENT_SHOWN = 8


@dataclass(frozen=True)
class RecentChange:
    at: datetime
    actor: str
    action: str | Promise
    object_kind: str | Promise
    object_repr: str


def _kind_of(object_type: str) -> str | Promise:
    """The object's kind in the interface language (``places.meetingplace`` → "ontmoetingsplek")."""
    try:
        return apps.get_model(object_type)._meta.verbose_name or object_type
    except (LookupError, ValueError):
        return object_type


def _action_label(code: str) -> str | Promise:
    """What the app that wrote the event calls its action (``place_change_type`` → "Type gewijzigd")."""
    action = audit_action(code)
    return action.label if action else code


def recent_changes(limit: int = RECENT_SHOWN) -> list[RecentChange]:
    """The newest events of the whole audit trail (for officers who read audit trails)."""
    events = AuditEvent.objects.select_related("actor").order_by("-at", "-pk")[:limit]
    return [RecentChange(at=e.at, actor=(e.actor.get_full_name() if e.actor else "") or e.actor_name,
                         action=_action_label(e.action), object_kind=_kind_of(e.object_type),
                         object_repr=e.object_repr) for e in events]
