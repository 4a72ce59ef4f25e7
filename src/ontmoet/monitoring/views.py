"""Pages of the monitoring: the officers' dashboard, the public dashboard, locking a year, the council report
and the open data downloads. Thin: the figures come from the selectors."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ontmoet.accounts.http import AuthenticatedHttpRequest
from ontmoet.accounts.permissions import public, require_roles
from ontmoet.accounts.roles import INDICATOR_LOCKERS, MONITORING_READERS
from ontmoet.core.forms import apply_validation_error
from ontmoet.domain.activities import plain_whole
from ontmoet.monitoring import services
from ontmoet.monitoring.charts import reach_chart, share_map
from ontmoet.monitoring.exports import indicators_csv, register_csv, register_json
from ontmoet.monitoring.forms import LockForm
from ontmoet.monitoring.presentation import format_value
from ontmoet.monitoring.report import indicator_rows, report_pdf
from ontmoet.monitoring.selectors import (
    indicators_json,
    latest_lock,
    locks,
    neighbourhood_rows,
    place_rows,
    survey_rows,
    yearly_reach,
)

FIRST_YEAR = 2014


def _year(request: HttpRequest) -> int:
    raw = request.GET.get("jaar", "")
    today = timezone.localdate().year
    year = plain_whole(raw, max_digits=4)
    if year is not None and FIRST_YEAR <= year <= today + 10:
        return year
    return today


def _years() -> list[int]:
    return list(range(timezone.localdate().year, FIRST_YEAR - 1, -1))


def _context(year: int) -> dict[str, Any]:
    rows = indicator_rows(year)
    reach = yearly_reach()
    return {"year": year, "years": _years(), "indicators": rows, "lock": latest_lock(year),
            "reach": reach, "reach_chart": reach_chart(reach)}


@require_roles(MONITORING_READERS)
@require_http_methods(["GET"])
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    year = _year(request)
    context = _context(year)
    places = place_rows(year)
    share = next((r["result"] for r in context["indicators"] if r["result"].formula == "activity_share"), None)
    context.update({
        "places": [{"row": p, "share": format_value(p.share, "%") if p.share is not None else "–"} for p in places],
        "neighbourhoods": [{"row": n, "share": format_value(n.share, "%") if n.share is not None else "–"}
                           for n in neighbourhood_rows(places)],
        "map": share_map(places, share.target if share else None),
        "total_activities": sum(p.activities for p in places),
        "may_lock": request.user.role in INDICATOR_LOCKERS, "locks": locks(), "surveys": survey_rows(year)})
    return render(request, "monitoring/dashboard.html", context)


@public
@require_http_methods(["GET"])
def public_dashboard(request: HttpRequest) -> HttpResponse:
    """For the council and residents: the indicators and aggregates only, no personal data."""
    return render(request, "monitoring/public.html", _context(_year(request)))


@require_roles(INDICATOR_LOCKERS)
@require_http_methods(["GET", "POST"])
def lock(request: AuthenticatedHttpRequest) -> HttpResponse:
    year = _year(request)
    previous = latest_lock(year)
    form = LockForm(request.POST or None, initial={"year": year})
    if request.method == "POST" and form.is_valid():
        try:
            done = services.indicators_lock(year=form.cleaned_data["year"], reason=form.cleaned_data["reason"],
                                            by=request.user)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("De cijfers van %(year)s zijn vastgesteld (versie %(version)s).") % {
                "year": done.year, "version": done.version})
            return redirect(f"{_dashboard_url()}?jaar={done.year}")
    return render(request, "monitoring/lock.html", {"form": form, "year": year, "previous": previous})


def _dashboard_url() -> str:
    from django.urls import reverse

    return reverse("monitoring:dashboard")


@require_roles(MONITORING_READERS)
@require_http_methods(["GET"])
def report(request: AuthenticatedHttpRequest) -> HttpResponse:
    year = _year(request)
    response = HttpResponse(report_pdf(year), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="raadsrapportage-{year}.pdf"'
    return response


@public
@require_http_methods(["GET"])
def open_data(request: HttpRequest, name: str, fmt: str) -> HttpResponse:
    """Open data: the aggregated indicators of a year and the register's public fields, as CSV or JSON."""
    year = _year(request)
    if name == "indicatoren":
        if fmt == "json":
            body = json.dumps(indicators_json(year), ensure_ascii=False, indent=2).encode()
        else:
            body = indicators_csv(year)
    elif fmt == "json":
        body = json.dumps(register_json(timezone.localdate()), ensure_ascii=False, indent=2).encode()
    else:
        body = register_csv(timezone.localdate())
    content_type = "application/json" if fmt == "json" else "text/csv; charset=utf-8"
    response = HttpResponse(body, content_type=content_type)
    stamp = f"-{year}" if name == "indicatoren" else f"-{dt.date.today():%Y%m%d}"  # noqa: DTZ011 - a file name
    response["Content-Disposition"] = f'attachment; filename="{name}{stamp}.{fmt}"'
    return response
