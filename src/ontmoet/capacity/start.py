"""The capacity panel on the start page (registered in ``CapacityConfig.ready``): a board member's own open support
requests and community work; a community worker's requests to take up; an officer's requests waiting past the
response term."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from ontmoet.capacity import selectors
from ontmoet.capacity.models import SupportStatus
from ontmoet.domain.capacity import working_days_between

SHOWN = 6


def support_panel(request: HttpRequest) -> dict[str, Any] | None:
    user = request.user
    today = timezone.localdate()
    term = selectors.response_term()
    open_requests = list(selectors.support_list(user=user).filter(
        status__in=[SupportStatus.NEW, SupportStatus.TAKEN_UP]).order_by("requested_on", "pk")[:SHOWN])
    allocations = list(selectors.allocation_list(user=user).filter(year__gte=today.year)
                       .order_by("year", "rank")[:SHOWN])
    if not open_requests and not allocations:
        return None
    return {
        "open_requests": [(r, working_days_between(r.requested_on, today), r.status == SupportStatus.NEW
                           and working_days_between(r.requested_on, today) > term) for r in open_requests],
        "allocations": allocations, "term": term,
    }
