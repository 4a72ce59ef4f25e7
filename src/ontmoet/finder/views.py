"""The public pages: the finder (the front page for visitors), a place's page, the accessibility statement.

Thin: parse the query, ask the selectors, render. Every page is public, cacheable (``caching.cached_public``)
and works without JavaScript; the one script only fills in the location after the resident asks for it.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language

from ontmoet.accounts.permissions import public
from ontmoet.domain.opening_hours import DAY_NAMES, Span
from ontmoet.finder import errors, ical, jsonld, services, spam
from ontmoet.finder.activities import activity_feed_events, coming, json_ld_events
from ontmoet.finder.caching import cached_public
from ontmoet.finder.forms import FinderForm, InitiativeForm
from ontmoet.finder.models import RETENTION_DAYS
from ontmoet.finder.selectors import RESULTS_PER_PAGE, Found, buurt_names, find, last_modified, public_place
from ontmoet.home.views import home
from ontmoet.places.forms import ACCESSIBILITY_LABELS
from ontmoet.places.mapping import MAP_MARKER_LIMIT, map_context, per_neighbourhood_points
from ontmoet.places.opening_hours import PLACE_ZONE, in_words, now_local, parsed
from ontmoet.places.selectors import ACCESSIBILITY_FACTS, neighbourhood_outlines


def _quarter_hour(request: HttpRequest) -> str:
    """"Open now" answers change with the clock: such a search is kept for a quarter of an hour at most."""
    if request.GET.get("open_now"):
        now = now_local()
        return f"{now:%Y-%m-%d %H}:{now.minute // 15}"
    return ""


@public
def front_door(request: HttpRequest) -> Any:
    """``/``: the finder for visitors, the start page of one's role for a logged-in user."""
    if request.user.is_authenticated:
        return home(request)  # type: ignore[arg-type]  # authenticated: the start page's own checks apply
    return finder(request)


@cached_public(vary=_quarter_hour)
def finder(request: HttpRequest) -> HttpResponse:
    form = FinderForm(request.GET or None)
    query = form.query()
    found, origin = find(query)
    page = Paginator(found, RESULTS_PER_PAGE).get_page(request.GET.get("pagina"))
    shown = [f.place for f in found] if len(found) <= MAP_MARKER_LIMIT else []
    context: dict[str, Any] = {
        "form": form, "page": page, "total": len(found), "origin": origin, "searched": form.is_bound,
        "query_string": _without(request, "pagina"), "map_query": _without(request, "buurt", "pagina", "lat", "lon"),
        "chosen_buurt": query.neighbourhood, "buurten": buurt_names(),
        **map_context(neighbourhood_outlines(), shown),
    }
    if len(found) > MAP_MARKER_LIMIT:
        counts: dict[str, int] = {}
        for f in found:
            if f.place.neighbourhood is not None:
                counts[f.place.neighbourhood.code] = counts.get(f.place.neighbourhood.code, 0) + 1
        context["per_neighbourhood"] = per_neighbourhood_points(context["areas"], counts)
    context["results"] = [_result(f) for f in page.object_list]
    return render(request, "finder/finder.html", context)


def _without(request: HttpRequest, *names: str) -> str:
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()


def _facts(place: Any) -> list[dict[str, Any]]:
    return [{"name": name, "label": ACCESSIBILITY_LABELS[name], "value": getattr(place, name)}
            for name in ACCESSIBILITY_FACTS]


def _result(found: Found) -> dict[str, Any]:
    return {"place": found.place, "minutes": found.minutes, "distance_m": found.distance_m,
            "open_now": found.open_now, "facts": [f for f in _facts(found.place) if f["value"]]}


@public
@cached_public()
def place_page(request: HttpRequest, pk: int) -> HttpResponse:
    place = public_place(pk)
    hours = parsed(place.opening_hours)
    today = now_local().date()
    activities = coming(place_pk=place.pk, today=today)
    context: dict[str, Any] = {
        "place": place, "hours": in_words(place.opening_hours), "facts": _facts(place),
        "open_now": hours.is_open(now_local().replace(tzinfo=None)) if hours else None,
        "holiday_today": bool(hours and hours.mentions_holidays and not hours.open_on(today)),
        "week": _coming_week(place.opening_hours, today),
        "activities": [_shown(o) for o in activities],
        "json_ld": json.dumps([jsonld.place(place, request), *json_ld_events(
            activities, place_url=request.build_absolute_uri(), zone=PLACE_ZONE)],
            ensure_ascii=False).replace("</", "<\\/"),
    }
    return render(request, "finder/place.html", context)


def _shown(o: Any) -> dict[str, Any]:
    names = DAY_NAMES["en" if (get_language() or "nl").startswith("en") else "nl"]
    when = f"{names[o.date.weekday()]} {o.date:%d-%m}"
    if o.start is not None:
        when += f" {o.start:%H:%M}" + (f"–{o.end:%H:%M}" if o.end is not None else "")
    return {"title": o.title, "when": when, "for_whom": o.for_whom, "category": o.category,
            "cancelled": o.cancelled}


def _coming_week(text: str, today: dt.date) -> list[dict[str, Any]]:
    """The next seven days with their hours, public holidays included (what the week really looks like)."""
    hours = parsed(text)
    if hours is None:
        return []
    names = DAY_NAMES["en" if (get_language() or "nl").startswith("en") else "nl"]
    days = []
    for offset in range(7):
        day = today + dt.timedelta(days=offset)
        spans = hours.spans_on(day)
        days.append({"date": day, "name": names[day.weekday()],
                     "spans": [f"{Span.clock(s.start)}–{Span.clock(s.end)}" for s in spans]})
    return days


@public
@cached_public()
def accessibility_statement(request: HttpRequest) -> HttpResponse:
    return render(request, "finder/accessibility.html", {"checked_on": dt.date(2026, 12, 2)})


@public
def choose_language(request: HttpRequest, code: str) -> HttpResponseRedirect:
    """The language links of the public pages: a plain link (no form, no session), kept in the language cookie."""
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        target = reverse("home")
    response = HttpResponseRedirect(target)
    if code in {c for c, _n in settings.LANGUAGES}:
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, code, max_age=365 * 24 * 3600, samesite="Lax",
                            secure=request.is_secure())
    return response


def _feed_events(request: HttpRequest, place_pk: int | None) -> list[ical.FeedEvent]:
    """The activities of the coming weeks as feed events (the activities capability supplies them)."""
    return activity_feed_events(place_pk=place_pk, base_url=request.build_absolute_uri("/"),
                                today=now_local().date(), stamp=_stamp())


def _ics(body: str, filename: str) -> HttpResponse:
    response = HttpResponse(body.encode(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@public
@cached_public()
def place_feed(request: HttpRequest, pk: int) -> HttpResponse:
    place = public_place(pk)
    events = _feed_events(request, place.pk)
    return _ics(ical.calendar(place.name, events, stamp=_stamp()), f"activiteiten-{place.pk}.ics")


@public
@cached_public()
def city_feed(request: HttpRequest) -> HttpResponse:
    events = _feed_events(request, None)
    return _ics(ical.calendar("Ontmoeten in Maastricht", events, stamp=_stamp()), "activiteiten.ics")


def _stamp() -> dt.datetime:
    return last_modified() or dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


@public
def organise(request: HttpRequest, pk: int) -> HttpResponse:
    """"Help organise something here": the resident's idea reaches the board (their start page)."""
    place = public_place(pk)
    sent = False
    if request.method == "POST":
        form = InitiativeForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            if spam.looks_automatic(trap=data["website"], token=data["started"]):
                form.add_error(None, errors.LOOKS_LIKE_SPAM)
            elif spam.too_many_links(data["idea"]):
                form.add_error("idea", errors.TOO_MANY_LINKS)
            else:
                try:
                    services.initiative_submit(place=place, values=data, by=None,
                                               sender=spam.sender_key(request.META.get("REMOTE_ADDR", "")))
                except ValidationError as error:
                    if hasattr(error, "error_dict"):
                        for field, messages in error.message_dict.items():
                            for message in messages:
                                form.add_error(field if field in form.fields else None, message)
                    else:
                        for message in error.messages:
                            form.add_error(None, message)
                else:
                    sent = True
        fresh = request.POST.copy()  # shown again with a new start time: the next try is timed anew
        fresh["started"] = spam.start_token()
        form.data = fresh
    else:
        form = InitiativeForm(initial={"started": spam.start_token()})
    return render(request, "finder/organise.html", {"place": place, "form": form, "sent": sent,
                                                    "retention_days": RETENTION_DAYS})
