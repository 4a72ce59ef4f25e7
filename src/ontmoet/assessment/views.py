"""Pages of the afwegingskader: overview, what-if, one page per rule, the vulnerability table, the import.

Thin: a form parses input, selectors read, services compute or write. Rule pages are public so residents can
read how choices are made; the what-if page and the vulnerability table are for municipal staff.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ontmoet.accounts.http import AuthenticatedHttpRequest
from ontmoet.accounts.permissions import public, require_roles
from ontmoet.accounts.roles import STAFF_ROLES, STATISTICS_IMPORTERS
from ontmoet.assessment.evaluation import assessment_run
from ontmoet.assessment.forms import StatisticsImportForm, WhatIfForm
from ontmoet.assessment.mapping import whatif_map
from ontmoet.assessment.presentation import assessment_view, parameter_rows, rule_summary
from ontmoet.assessment.selectors import statistics_import_list, statistics_years, vulnerability_for
from ontmoet.assessment.services import neighbourhood_stats_import
from ontmoet.core.forms import apply_validation_error
from ontmoet.core.http import HtmxHttpRequest
from ontmoet.core.plan import policy_plan
from ontmoet.domain.assessment import (
    INDICATOR_LABELS,
    RULE_IDS,
    SCORE_FORMULA,
    Rule,
    framework_rules,
    vulnerability_formula,
)
from ontmoet.places.types import PlaceType


def _rules() -> list[Rule]:
    return list(framework_rules(policy_plan().assessment))


def _has_role(request: HtmxHttpRequest, roles: frozenset[str]) -> bool:
    user = request.user
    return bool(user.is_authenticated and user.is_active and getattr(user, "role", None) in roles)



@public
def index(request: HtmxHttpRequest) -> HttpResponse:
    language = get_language()
    table = vulnerability_for() if _has_role(request, STAFF_ROLES) else None
    return render(request, "assessment/index.html", {
        "rules": [rule_summary(rule, language) for rule in _rules()],
        "is_staff": _has_role(request, STAFF_ROLES),
        "can_import": _has_role(request, STATISTICS_IMPORTERS),
        "table": table,
        "score_formula": SCORE_FORMULA.get(language),
        "score_share": policy_plan().assessment.score_vulnerability_share,
        "attention_points": policy_plan().assessment.score_attention_points,
    })


@public
def rule_detail(request: HtmxHttpRequest, rule_id: str) -> HttpResponse:
    if rule_id not in RULE_IDS:
        raise Http404(_("Onbekende regel."))
    language = get_language()
    rule = next(r for r in _rules() if r.id == rule_id)
    return render(request, "assessment/rule.html", {
        "rule": rule_summary(rule, language),
        "parameters": parameter_rows(rule, language),
        "is_staff": _has_role(request, STAFF_ROLES),
        "formula": _formula(language) if rule_id == "vulnerability_priority" else "",
    })


def _formula(language: str) -> str:
    return vulnerability_formula(policy_plan().assessment.vulnerability_weights.weights).get(language)


@require_roles(STAFF_ROLES)
def what_if(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = WhatIfForm(request.GET or None)
    result = None
    subject = None
    if form.is_bound and form.is_valid():
        try:
            assessment, subject = assessment_run(request=form.to_request())
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            result = assessment_view(assessment, get_language())
    context = {
        "form": form,
        "result": result,
        "subject": subject,
        "subject_label": PlaceType(subject.kind.value).label if subject else "",
        "map": whatif_map(subject),
    }
    template = "assessment/what_if.html#whatif" if getattr(request, "htmx", False) else "assessment/what_if.html"
    return render(request, template, context)


@require_roles(STAFF_ROLES)
def vulnerability(request: AuthenticatedHttpRequest) -> HttpResponse:
    years = statistics_years()
    raw_year = request.GET.get("jaar", "")
    # ASCII digits only: "²".isdigit() is true, but int("²") fails.
    known = raw_year.isascii() and raw_year.isdigit() and int(raw_year) in years
    year = int(raw_year) if known else (years[0] if years else None)
    table = vulnerability_for(year) if year is not None else None
    language = get_language()
    weights = policy_plan().assessment.vulnerability_weights
    indicators: list[dict[str, Any]] = [
        {"key": key, "label": INDICATOR_LABELS[key].get(language) if key in INDICATOR_LABELS else key,
         "weight": weight} for key, weight in weights.weights.items()]
    rows = []
    if table is not None:
        for score in table.scores:
            row = score.row
            rows.append({
                "score": score,
                "values": [row.values.get(i["key"]) if row else None for i in indicators],
                "residents": row.residents if row else None,
                "is_demo": bool(row and row.is_demo),
                "source": row.source if row else "",
            })
    return render(request, "assessment/vulnerability.html", {
        "table": table, "rows": rows, "years": years, "year": year, "indicators": indicators,
        "weights": weights, "formula": _formula(language),
        "priority_share": policy_plan().assessment.vulnerability_priority_share,
        "can_import": _has_role(request, STATISTICS_IMPORTERS),
    })


@require_roles(STATISTICS_IMPORTERS)
@require_http_methods(["GET", "POST"])
def statistics_import(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = StatisticsImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        report = neighbourhood_stats_import(
            content=upload.read(), file_name=upload.name, by=request.user,
            dry_run=form.cleaned_data["dry_run"])
        if report.written:
            messages.success(request, ngettext(
                "%(rows)s regel ingelezen: %(created)s nieuw, %(updated)s bijgewerkt.",
                "%(rows)s regels ingelezen: %(created)s nieuw, %(updated)s bijgewerkt.", report.rows) % {
                "rows": report.rows, "created": report.created, "updated": report.updated})
            form = StatisticsImportForm()
    return render(request, "assessment/import.html", {
        "form": form, "report": report, "imports": statistics_import_list()[:10],
        "indicator_keys": list(policy_plan().assessment.vulnerability_weights.weights),
    })
