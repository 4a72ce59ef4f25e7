"""Open data: the register's public facts and activities as HSDS 3.0 at ``/api/v1/hsds/`` (ADR 0603).

Plain JSON views rather than the v1 API's DRF views: HSDS fixes its own field names (snake_case) and paging,
which the NL API Design Rules of ``/api/v1/`` (camelCase) would contradict; anyone may read them (open data).
Errors are problem+json with ``invalidParams``, as in the rest of the API.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.dateparse import parse_date, parse_datetime

from ontmoet.accounts.permissions import public
from ontmoet.finder import activities, hsds
from ontmoet.finder.caching import cached_public
from ontmoet.finder.selectors import activities_changed, open_data_places
from ontmoet.places.opening_hours import now_local

MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 50


def _problem(status: int, title: str, invalid: list[dict[str, str]]) -> JsonResponse:
    return JsonResponse({"type": "about:blank", "title": title, "status": status, "invalidParams": invalid},
                        status=status, content_type="application/problem+json")


def _int(request: HttpRequest, name: str, default: int, low: int, high: int) -> int | None:
    raw = request.GET.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or not (low <= int(raw) <= high):
        return None
    return int(raw)


def _base(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


@public
def hsds_root(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"version": "3.0", "profile": "https://openreferral.org/hsds/3.0",
                         "openapi_url": request.build_absolute_uri("/api/v1/hsds"),
                         "services": request.build_absolute_uri("/api/v1/hsds/services")})


@public
@cached_public()
def services(request: HttpRequest) -> HttpResponse:
    invalid = []
    page = _int(request, "page", 1, 1, 1_000_000)
    if page is None:
        invalid.append({"name": "page", "reason": "Een geheel getal vanaf 1."})
    per_page = _int(request, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    if per_page is None:
        invalid.append({"name": "per_page", "reason": f"Een geheel getal van 1 tot en met {MAX_PER_PAGE}."})
    since = None
    raw = request.GET.get("modified_after")
    if raw is not None:
        since = _moment(raw)
        if since is None:
            invalid.append({"name": "modified_after", "reason": "Een datum of datum en tijd volgens ISO 8601, "
                                                                "bijvoorbeeld 2026-11-01T00:00:00Z."})
    if invalid or page is None or per_page is None:
        return _problem(400, "Ongeldige parameters.", invalid)
    places = open_data_places(modified_after=since)
    total = places.count()
    chosen = list(places[(page - 1) * per_page: page * per_page])
    items = [hsds.service(p, _base(request), full=False, changed=activities_changed(p)) for p in chosen]
    return JsonResponse(hsds.page(items, number=page, size=per_page, total=total))


def _moment(raw: str) -> dt.datetime | None:
    if len(raw) > 40:
        return None
    try:
        moment = parse_datetime(raw.replace(" ", "+"))
        if moment is None:
            day = parse_date(raw)
            moment = dt.datetime.combine(day, dt.time()) if day else None
    except ValueError:
        return None
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment


@public
@cached_public()
def service(request: HttpRequest, service_id: str) -> HttpResponse:
    found = _place_of_service(service_id)
    if found is None:
        return JsonResponse({"type": "about:blank", "title": "Niet gevonden.", "status": 404}, status=404,
                            content_type="application/problem+json")
    coming = activities.coming(place_pk=found.pk, today=now_local().date())
    return JsonResponse(hsds.service(found, _base(request), activities=activities.runs(coming),
                                     changed=activities_changed(found)))


def _place_of_service(service_id: str) -> Any:
    """Service ids are derived from place ids (uuid5), so the place is the one whose derived id matches."""
    places = open_data_places()
    for pk in places.values_list("pk", flat=True).iterator():
        if hsds.ident(pk, "service") == service_id:
            return places.get(pk=pk)
    return None
