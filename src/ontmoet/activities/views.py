"""Pages of the activities: the list of one's places' activities, register (once or weekly), edit, cancel."""

from __future__ import annotations

import contextlib
import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ontmoet.accounts.http import AuthenticatedHttpRequest
from ontmoet.accounts.permissions import require_roles
from ontmoet.accounts.roles import ACTIVITY_WRITERS
from ontmoet.activities import services
from ontmoet.activities.forms import ActivityEditForm, ActivityForm
from ontmoet.activities.selectors import activity_get, activity_list
from ontmoet.core.forms import apply_validation_error
from ontmoet.domain.activities import plain_whole
from ontmoet.places.models import MeetingPlace

#: The list shows from this many days back (what was just held can still be corrected).
RECENT_DAYS = 31
LIST_LIMIT = 200


def _places(request: AuthenticatedHttpRequest) -> object:
    return MeetingPlace.objects.visible_to(request.user).order_by("name")


@require_roles(ACTIVITY_WRITERS)
@require_http_methods(["GET"])
def activity_list_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    since = timezone.localdate() - dt.timedelta(days=RECENT_DAYS)
    # An unreadable date keeps the default; the field shows which date is used.
    with contextlib.suppress(ValueError):
        since = dt.date.fromisoformat(request.GET.get("vanaf", "")) if request.GET.get("vanaf") else since
    place_id = request.GET.get("plek", "")
    places = _places(request)
    number = plain_whole(place_id)
    place = places.filter(pk=number).first() if number is not None else None  # type: ignore[attr-defined]
    activities = activity_list(user=request.user, place=place, start=since).order_by("date", "start_time", "id")
    return render(request, "activities/list.html", {
        "activities": activities[:LIST_LIMIT], "places": places, "place": place, "since": since,
        "limit": LIST_LIMIT})


@require_roles(ACTIVITY_WRITERS)
@require_http_methods(["GET", "POST"])
def activity_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    places = _places(request)
    initial: dict[str, object] = {"date": timezone.localdate()}
    if plain_whole(request.GET.get("plek", "")) is not None:
        initial["place"] = plain_whole(request.GET["plek"])
    form = ActivityForm(request.POST or None, places=places, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        values = form.values()
        try:
            if data["repeat"] == "once":
                services.activity_create(place=data["place"], values=values, by=request.user)
                messages.success(request, _("De activiteit is geregistreerd."))
            else:
                first = values.pop("date")
                series = services.series_create(place=data["place"], by=request.user, values={
                    **values, "first_date": first, "until": data["until"],
                    "interval_weeks": 1 if data["repeat"] == "weekly" else 2})
                messages.success(request, _("De reeks is geregistreerd: %(n)s keer.") % {
                    "n": series.occurrences.count()})
        except ValidationError as error:
            apply_validation_error(form, _rename(error))
        else:
            return redirect(f"{_list_url()}?plek={data['place'].pk}")
    return render(request, "activities/form.html", {"form": form, "title": _("Activiteit registreren")})


def _list_url() -> str:
    from django.urls import reverse

    return reverse("activities:list")


def _rename(error: ValidationError) -> ValidationError:
    """The series' field names are the form's (``first_date`` is the form's ``date``)."""
    if not hasattr(error, "error_dict"):
        return error
    names = {"first_date": "date"}
    return ValidationError({names.get(k, k): v for k, v in error.error_dict.items()})


@require_roles(ACTIVITY_WRITERS)
@require_http_methods(["GET", "POST"])
def activity_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    activity = activity_get(user=request.user, pk=pk)
    series = activity.series
    initial = {name: getattr(activity, name) for name in (
        "place", "title", "date", "start_time", "end_time", "category", "initiated_by", "organised_by",
        "participants", "target_group", "is_public")}
    form_class = ActivityEditForm if series is not None else ActivityForm
    form = form_class(request.POST or None, places=_places(request).filter(pk=activity.place_id),  # type: ignore[attr-defined]
                      series_fields=False, initial=initial)
    if request.method == "POST" and form.is_valid():
        values = form.values()
        try:
            if series is not None and form.cleaned_data.get("scope") == "all":
                values.pop("date")
                services.series_update(series=series, values=values, by=request.user)
            else:
                services.activity_update(activity=activity, values=values, by=request.user)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("De wijzigingen zijn opgeslagen."))
            return redirect(f"{_list_url()}?plek={activity.place_id}")
    return render(request, "activities/form.html", {
        "form": form, "activity": activity, "title": _("Activiteit wijzigen")})


@require_roles(ACTIVITY_WRITERS)
@require_http_methods(["GET", "POST"])
def activity_cancel(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    activity = activity_get(user=request.user, pk=pk)
    if request.method == "POST":
        services.activity_cancel(activity=activity, by=request.user, cancelled=not activity.cancelled)
        messages.success(request, _("De activiteit vervalt.") if activity.cancelled
                         else _("De activiteit gaat weer door."))
        return redirect(f"{_list_url()}?plek={activity.place_id}")
    return render(request, "activities/cancel.html", {"activity": activity})
