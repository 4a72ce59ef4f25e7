"""Writes of the public pages: a resident's idea for a place, and deleting ideas past their retention."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from ontmoet.accounts.doors import state_change
from ontmoet.accounts.roles import Role
from ontmoet.core.audit import audit_record, nothing_changed
from ontmoet.core.locks import serialise
from ontmoet.finder import errors
from ontmoet.finder.models import RETENTION_DAYS, InitiativeRequest
from ontmoet.places.models import MeetingPlace

#: At most this many ideas per connection per hour, and per place per day (no third-party spam service).
PER_SENDER_PER_HOUR = 3
PER_PLACE_PER_DAY = 20


#: Staff may enter an idea a resident gave at the counter or by phone; the public form sends as the system
#: (``by=None``): the visitor is anonymous, whoever is logged in.
SUBMITTERS = frozenset({Role.POLICY_OFFICER, Role.ADMINISTRATOR})


@state_change(roles=SUBMITTERS, system=True)
def initiative_submit(*, place: MeetingPlace, values: dict[str, Any], sender: str, by: Any) -> InitiativeRequest:
    """A resident's idea for the board of ``place``. The counts and the write are one step under a lock, so
    that a burst of submissions at one moment cannot pass the limits together."""
    # Always the sender's lock first, then the place's: no two writers wait for each other in a circle.
    serialise(f"finder:initiatives:sender:{sender}")
    serialise(f"finder:initiatives:place:{place.pk}")
    now = timezone.now()
    recent = InitiativeRequest.objects.filter(sender=sender, created_at__gte=now - dt.timedelta(hours=1))
    if recent.count() >= PER_SENDER_PER_HOUR:
        raise ValidationError(errors.TOO_MANY, code="too_many")
    if InitiativeRequest.objects.filter(place=place, created_at__gte=now - dt.timedelta(days=1)).count() \
            >= PER_PLACE_PER_DAY:
        raise ValidationError(errors.PLACE_BUSY, code="place_busy")
    request = InitiativeRequest(place=place, sender=sender, name=values.get("name", ""),
                                contact=values.get("contact", ""), idea=values.get("idea", ""))
    request.full_clean()
    request.save()
    # The trail says that an idea came in for this place; the resident's data stay out of it.
    audit_record(action="initiative_submit", obj=request, by=by, after={"place": place.pk})
    return request


@state_change(roles={Role.ADMINISTRATOR}, system=True, audit="per_object")
def initiatives_purge(*, by: Any, now: dt.datetime | None = None) -> int:
    """Delete the ideas older than the retention period (run daily by ``ontmoet purge_initiatives``)."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=RETENTION_DAYS)
    old = list(InitiativeRequest.objects.filter(created_at__lt=cutoff).select_related("place"))
    if not old:
        nothing_changed()
        return 0
    for request in old:
        audit_record(action="initiative_purge", obj=request, by=by, before={"place": request.place_id})
    InitiativeRequest.objects.filter(pk__in=[r.pk for r in old]).delete()
    return len(old)
