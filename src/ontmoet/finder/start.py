"""The start page panel of a board member: the ideas residents sent for their places."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from ontmoet.finder.models import RETENTION_DAYS, InitiativeRequest
from ontmoet.places.models import MeetingPlace


def initiatives_panel(request: HttpRequest) -> dict[str, Any] | None:
    places = MeetingPlace.objects.visible_to(request.user)
    ideas = list(InitiativeRequest.objects.filter(place__in=places).select_related("place")[:50])
    if not ideas:
        return None
    return {"ideas": ideas, "retention_days": RETENTION_DAYS}
