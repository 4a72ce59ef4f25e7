"""Pages of the financial framework. Thin: forms in, selectors and services out, the arithmetic in the domain."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ontmoet.accounts.http import AuthenticatedHttpRequest
from ontmoet.accounts.permissions import require_roles
from ontmoet.accounts.roles import FINANCE_READERS, PROJECT_WRITERS, SCENARIO_WRITERS
from ontmoet.core.blocks import BlockChoices
from ontmoet.core.forms import apply_validation_error
from ontmoet.core.plan import policy_plan
from ontmoet.domain.budget import (
    ScenarioError,
    UncertaintyError,
    apply_scenario,
    band_estimate,
    default_input,
    parse_scenario,
    scenario_between,
    scenario_to_toml,
    uncertainty_band,
)
from ontmoet.domain.budget.capital import BOUND_LOW, full_year_charge, schedule
from ontmoet.domain.money import format_thousands
from ontmoet.finance import charts, errors, exports, selectors, services
from ontmoet.finance.forms import (
    ParticipationForm,
    PhaseForm,
    ProjectForm,
    RelatedPlanForm,
    ScenarioCompareForm,
    ScenarioForm,
    UncertaintyForm,
    YearForm,
)
from ontmoet.finance.labels import BLOCK_SHORT, column_label
from ontmoet.finance.models import InvestmentProject, Scenario
from ontmoet.finance.presentation import budget_rows, column_headers, scenario_summary

EXPORT_FORMATS = ("csv", "json", "xlsx")
#: The largest id of a row (BigAutoField).
MAX_ID = 2**63 - 1



def _can(request: AuthenticatedHttpRequest, roles: frozenset[str]) -> bool:
    return bool(request.user.has_role(*roles))


# --- the framework -------------------------------------------------------------------------------------------


@require_roles(FINANCE_READERS)
def budget(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The council's table computed from the plan, with the entered investments, charts and downloads."""
    plan = policy_plan()
    table = selectors.budget_get()
    summary = selectors.capital_summary(plan)
    return render(request, "finance/budget.html", {
        "plan": plan,
        "budget": table,
        "headers": column_headers(table),
        "rows": budget_rows(table),
        "warnings": [errors.warning_message(w) for w in table.warnings],
        "blocks_chart": charts.stacked_blocks_svg(table),
        "need_chart": charts.need_vs_coverage_svg(table),
        "chart_blocks": [(BLOCK_SHORT[b], [format_thousands(v) for v in table.rows[b]]) for b in BlockChoices.values],
        "chart_totals": [format_thousands(v) for v in table.rows["subtotal"]],
        "estimate": band_estimate(plan),
        "capital_low": [summary.low[c] for c in plan.columns],
        "capital_high": [summary.high[c] for c in plan.columns],
        "pending_projects": summary.pending,
        "undated_projects": summary.undated,
        "scenarios": selectors.scenario_list(plan=plan)[:10],
        "can_write": _can(request, SCENARIO_WRITERS),
    })


def _is_id(raw: str) -> bool:
    """A database id as a query value: ASCII digits only ("²".isdigit() is true, int("²") fails), and in range."""
    return raw.isascii() and raw.isdigit() and int(raw) <= MAX_ID


@require_roles(FINANCE_READERS)
def budget_export(request: AuthenticatedHttpRequest, fmt: str) -> HttpResponse:
    """The framework (of the plan, or of ``?scenario=<id>``) as CSV, JSON or an Excel workbook with formulas."""
    if fmt not in EXPORT_FORMATS:
        raise Http404(errors.UNKNOWN_FORMAT % {"format": fmt, "choices": ", ".join(EXPORT_FORMATS)})
    plan = policy_plan()
    scenario: Scenario | None = None
    raw = request.GET.get("scenario", "")
    if raw:
        if not _is_id(raw):
            raise Http404(errors.UNKNOWN_SCENARIO % {"id": raw[:40]})
        scenario = selectors.scenario_get(pk=int(raw))
    try:
        spec = selectors.scenario_spec(scenario, plan=plan) if scenario else None
    except ScenarioError as error:
        messages.error(request, errors.SCENARIO_STALE % {"problem": errors.scenario_error_message(error)})
        return redirect("finance:scenario_detail", pk=scenario.pk if scenario else 0)
    applied = apply_scenario(plan, spec) if spec else plan
    table = selectors.budget_get(scenario=spec)
    name = f"financieel-kader-{plan.id}" + (f"-{slugify(scenario.name)}" if scenario else "")
    if fmt == "csv":
        content: bytes | str = exports.budget_csv(table)
    elif fmt == "json":
        content = json.dumps(exports.budget_json(table), ensure_ascii=False, indent=2)
    else:
        content = exports.budget_xlsx(applied, table, selectors.investments())
    response = HttpResponse(content, content_type=exports.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


# --- scenarios -----------------------------------------------------------------------------------------------


@require_roles(FINANCE_READERS)
def scenario_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    scenarios = selectors.scenario_list()
    return render(request, "finance/scenario_list.html", {
        "scenarios": scenarios,
        "compare_form": ScenarioCompareForm(queryset=scenarios),
        "can_write": _can(request, SCENARIO_WRITERS),
    })


def _comparison(request: AuthenticatedHttpRequest, form: ScenarioForm) -> dict[str, Any]:
    """The scenario the form describes, computed and set against the plan (for the preview)."""
    plan = policy_plan()
    try:
        spec = parse_scenario(form.scenario_data(), plan)
    except ScenarioError as error:
        form.add_error(None, errors.scenario_error_message(error))
        return {}
    table = selectors.budget_get(scenario=spec)
    rows = budget_rows(table, selectors.budget_get())
    return {"preview_rows": rows, "preview_summary": scenario_summary(rows), "headers": column_headers(table),
            "preview_warnings": [errors.warning_message(w) for w in table.warnings]}


def _save_data(form: ScenarioForm) -> dict[str, Any]:
    """Only what differs from the plan is saved: the scenario stays readable as a list of changes."""
    plan = policy_plan()
    full = parse_scenario(form.scenario_data(), plan)
    minimal = scenario_between(plan, apply_scenario(plan, full), name=full.name, description=full.description)
    return minimal.to_data() | {"name": form.cleaned_data["name"]}


def _scenario_form_page(request: AuthenticatedHttpRequest, form: ScenarioForm,
                        scenario: Scenario | None) -> HttpResponse:
    context: dict[str, Any] = {"form": form, "scenario": scenario, "plan": policy_plan(),
                               "columns": [column_label(c) for c in policy_plan().columns]}
    if request.method == "POST" and form.is_valid():
        context.update(_comparison(request, form))
        if request.POST.get("action") == "preview" or not form.is_valid():
            template = "finance/scenario_form.html#preview" if request.htmx else "finance/scenario_form.html"
            return render(request, template, context)
        try:
            data = _save_data(form)
            if scenario is None:
                scenario = services.scenario_create(data=data, by=request.user)
                messages.success(request, _("Scenario '%(name)s' is opgeslagen.") % {"name": scenario.name})
            else:
                scenario = services.scenario_update(scenario=scenario, data=data, by=request.user)
                messages.success(request, _("Scenario '%(name)s' is gewijzigd.") % {"name": scenario.name})
            return redirect("finance:scenario_detail", pk=scenario.pk)
        except (ValidationError, ScenarioError) as error:
            if isinstance(error, ScenarioError):
                form.add_error(None, errors.scenario_error_message(error))
            else:
                apply_validation_error(form, error)
    if request.htmx and request.method == "POST":
        # htmx swaps only 2xx answers: the preview carries the error summary instead of a 400.
        return render(request, "finance/scenario_form.html#preview", context)
    return render(request, "finance/scenario_form.html", context, status=400 if request.method == "POST" else 200)


@require_roles(SCENARIO_WRITERS)
@require_http_methods(["GET", "POST"])
def scenario_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    plan = policy_plan()
    form = ScenarioForm(request.POST or None, plan=plan)
    return _scenario_form_page(request, form, None)


@require_roles(SCENARIO_WRITERS)
@require_http_methods(["GET", "POST"])
def scenario_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    scenario = selectors.scenario_get(pk=pk)
    plan = policy_plan()
    try:
        start = apply_scenario(plan, selectors.scenario_spec(scenario, plan=plan))
    except ScenarioError:
        start = plan
    form = ScenarioForm(request.POST or None, plan=plan, start=start,
                        initial={"name": scenario.name, "description": scenario.description})
    return _scenario_form_page(request, form, scenario)


@require_roles(FINANCE_READERS)
def scenario_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A scenario side by side with the plan; the cells that differ are highlighted."""
    scenario = selectors.scenario_get(pk=pk)
    context: dict[str, Any] = {"scenario": scenario, "can_write": _can(request, SCENARIO_WRITERS)}
    try:
        table = selectors.budget_get(scenario=scenario)
    except ScenarioError as error:
        context["stale"] = errors.SCENARIO_STALE % {"problem": errors.scenario_error_message(error)}
        return render(request, "finance/scenario_detail.html", context)
    rows = budget_rows(table, selectors.budget_get())
    context.update({
        "budget": table,
        "headers": column_headers(table),
        "rows": rows,
        "summary": scenario_summary(rows),
        "warnings": [errors.warning_message(w) for w in table.warnings],
        "overrides_toml": scenario_to_toml(selectors.scenario_spec(scenario)),
    })
    return render(request, "finance/scenario_detail.html", context)


@require_roles(SCENARIO_WRITERS)
@require_POST
def scenario_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    scenario = selectors.scenario_get(pk=pk)
    name = scenario.name
    services.scenario_delete(scenario=scenario, by=request.user)
    messages.success(request, _("Scenario '%(name)s' is verwijderd.") % {"name": name})
    return redirect("finance:scenarios")


@require_roles(FINANCE_READERS)
def scenario_file(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The scenario as a file for ``ontmoet budget --scenario``."""
    scenario = selectors.scenario_get(pk=pk)
    try:
        text = scenario_to_toml(selectors.scenario_spec(scenario))
    except ScenarioError as error:
        raise Http404(errors.scenario_error_message(error)) from error
    response = HttpResponse(text, content_type="application/toml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="scenario-{slugify(scenario.name) or scenario.pk}.toml"'
    return response


@require_roles(FINANCE_READERS)
def scenario_compare(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Several scenarios beside the plan, per row and column; differences from the plan highlighted."""
    scenarios = selectors.scenario_list()
    data = request.GET.copy()
    # An id past the database's integers names no scenario; SQLite would raise OverflowError on the lookup.
    beyond = [v for v in data.getlist("scenarios") if v.isascii() and v.isdigit() and not _is_id(v)]
    if beyond:
        data.setlist("scenarios", [v for v in data.getlist("scenarios") if v not in beyond])
    form = ScenarioCompareForm(data or None, queryset=scenarios)
    chosen: list[Scenario] = list(form.cleaned_data["scenarios"]) if form.is_valid() else []
    for value in beyond[:1]:
        form.add_error("scenarios", ValidationError(form.fields["scenarios"].error_messages["invalid_choice"],
                                                    code="invalid_choice", params={"value": value[:40]}))
        chosen = []
    base = selectors.budget_get()
    columns = []
    problems = []
    for scenario in chosen:
        try:
            columns.append((scenario, budget_rows(selectors.budget_get(scenario=scenario), base)))
        except ScenarioError as error:
            problems.append(f"{scenario.name}: {errors.scenario_error_message(error)}")
    plan_rows = budget_rows(base)
    tables = [
        {"header": column_label(column), "rows": [
            {"label": row.label, "is_total": row.is_total, "plan": row.cells[i],
             "scenarios": [rows[r].cells[i] for _s, rows in columns]}
            for r, row in enumerate(plan_rows)]}
        for i, column in enumerate(base.columns)
    ]
    return render(request, "finance/scenario_compare.html", {
        "form": form, "chosen": [s for s, _r in columns], "tables": tables, "problems": problems,
    })


# --- investment projects -------------------------------------------------------------------------------------


@require_roles(FINANCE_READERS)
def project_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    plan = policy_plan()
    projects = list(selectors.project_list())
    summary = selectors.capital_summary(plan)
    return render(request, "finance/project_list.html", {
        "projects": projects, "plan": plan, "estimate": band_estimate(plan),
        "headers": [column_label(c) for c in plan.columns],
        "capital_low": [summary.low[c] for c in plan.columns],
        "capital_high": [summary.high[c] for c in plan.columns],
        "can_write": _can(request, PROJECT_WRITERS),
    })


def _project_form_page(request: AuthenticatedHttpRequest, project: InvestmentProject | None) -> HttpResponse:
    defaults = selectors.project_defaults()
    form = ProjectForm(request.POST or None, initial=ProjectForm.initial_for(project, defaults))
    if request.method == "POST" and form.is_valid():
        try:
            if project is None:
                project = services.project_create(values=form.values(), by=request.user)
                messages.success(request, _("Project '%(name)s' is vastgelegd.") % {"name": project.name})
            else:
                project = services.project_update(project=project, values=form.values(), by=request.user)
                messages.success(request, _("Project '%(name)s' is gewijzigd.") % {"name": project.name})
            return redirect("finance:project_detail", pk=project.pk)
        except ValidationError as error:
            apply_validation_error(form, error)
    return render(request, "finance/project_form.html", {
        "form": form, "project": project, "defaults": policy_plan().investments.capital_charges,
    }, status=400 if request.method == "POST" else 200)


@require_roles(PROJECT_WRITERS)
@require_http_methods(["GET", "POST"])
def project_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _project_form_page(request, None)


@require_roles(PROJECT_WRITERS)
@require_http_methods(["GET", "POST"])
def project_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _project_form_page(request, selectors.project_get(pk=pk))


def _project_page(request: AuthenticatedHttpRequest, project: InvestmentProject, status: int = 200,
                  **forms: Form) -> HttpResponse:
    plan = policy_plan()
    investment = selectors.as_investment(project)
    vat = plan.investments.vat_rate
    charges = schedule(investment, years=plan.years, vat_rate=vat)
    return render(request, "finance/project_detail.html", {
        "project": project,
        "charges": [(year, charges[year]) for year in plan.years],
        "full_year_low": full_year_charge(investment, vat_rate=vat, bound=BOUND_LOW),
        "full_year_high": full_year_charge(investment, vat_rate=vat),
        "phase_form": forms.get("phase_form") or PhaseForm(initial={"phase": project.phase,
                                                                    "effective_date": timezone.localdate()}),
        "participation_form": forms.get("participation_form") or ParticipationForm(),
        "related_form": forms.get("related_form") or RelatedPlanForm(),
        "can_write": _can(request, PROJECT_WRITERS),
    }, status=status)


@require_roles(FINANCE_READERS)
def project_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _project_page(request, selectors.project_get(pk=pk))


def _project_subform(request: AuthenticatedHttpRequest, pk: int, *, form_class: type[Form], service: Any, done: str,
                     form_key: str) -> HttpResponse:
    """Record one thing about a project (a phase, a participation moment, a related plan) via its service."""
    project = selectors.project_get(pk=pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            service(project=project, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, done)
            return redirect("finance:project_detail", pk=project.pk)
    return _project_page(request, project, status=400, **{form_key: form})


@require_roles(PROJECT_WRITERS)
@require_POST
def project_phase(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _project_subform(request, pk, form_class=PhaseForm, service=services.project_change_phase,
                            done=_("De fase is vastgelegd."), form_key="phase_form")


@require_roles(PROJECT_WRITERS)
@require_POST
def project_participation(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _project_subform(request, pk, form_class=ParticipationForm, service=services.participation_add,
                            done=_("Het participatiemoment is vastgelegd."), form_key="participation_form")


@require_roles(PROJECT_WRITERS)
@require_POST
def project_related_plan(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _project_subform(request, pk, form_class=RelatedPlanForm, service=services.related_plan_add,
                            done=_("Het samenhangende plan is vastgelegd."), form_key="related_form")


# --- uncertainty and commitments -----------------------------------------------------------------------------


@require_roles(FINANCE_READERS)
def uncertainty(request: AuthenticatedHttpRequest) -> HttpResponse:
    """P10/P50/P90 of the yearly need from drawn scenarios (seed §4 risk 2.1), as a fan chart and a table."""
    plan = policy_plan()
    start = default_input(plan)
    form = UncertaintyForm(request.GET or None, plan=plan, start=start)
    given = start
    status = 200
    if form.is_bound:
        if form.is_valid():
            given = form.to_input()
        else:
            status = 400
    context: dict[str, Any] = {"form": form, "plan": plan, "defaults": plan.investments.uncertainty}
    if status == 200:
        try:
            band = uncertainty_band(plan, given)
        except UncertaintyError as error:
            form.add_error(None, errors.uncertainty_error_message(error))
            status = 400
        else:
            base = selectors.budget_get(with_projects=False)
            context.update({
                "band": band,
                "chart": charts.fan_chart_svg(band, base.row("net_need")),
                "band_rows": [
                    {"label": column_label(c), "plan": base.value("net_need", c), "need": band.net_need[c],
                     "charges": band.capital_charges[c], "total": band.total_need[c]}
                    for c in plan.columns],
            })
    if request.htmx:
        # htmx swaps only 2xx answers: the result section carries the error summary instead of a 400.
        return render(request, "finance/uncertainty.html#result", context)
    return render(request, "finance/uncertainty.html", context, status=status)


@require_roles(FINANCE_READERS)
def commitments(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Budget vs. commitments vs. realisation per block and year, and what is still free."""
    plan = policy_plan()
    this_year = timezone.localdate().year
    default_year = min(max(this_year, plan.years[0]), plan.years[-1])
    form = YearForm(request.GET or None, years=plan.years, initial={"year": default_year})
    year = form.cleaned_data["year"] if form.is_valid() else default_year
    table, outside = selectors.positions_get()
    return render(request, "finance/commitments.html", {
        "form": form, "year": year, "positions": table[year], "all_years": table, "outside": outside,
        "entries": selectors.ledger_list(year=year)[:50], "block_labels": dict(BlockChoices.choices),
    })
