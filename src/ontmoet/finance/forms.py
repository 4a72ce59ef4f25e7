"""Forms of the financial framework. Amounts accept Dutch notation ("62.000", "€ 62.000"); decimals accept a comma
or a point ("0,25" or "0.25"). What the user typed stays in the form when something is wrong."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ontmoet.core.forms import DutchNumberField, EuroField, StyledFormMixin
from ontmoet.domain.budget import CountRange, UncertaintyInput
from ontmoet.domain.budget.scenario import COUNT_FIELDS, MAX_AMOUNT, MAX_COUNT, UNIT_FIELDS
from ontmoet.domain.budget.uncertainty import MAX_DRAWS
from ontmoet.finance import errors
from ontmoet.finance.labels import ROW_LABELS, column_label
from ontmoet.finance.models import (
    CapitalMethod,
    InvestmentProject,
    ProjectPhase,
    RelatedPlanKind,
    Scenario,
)
from ontmoet.places.models import MeetingPlace
from ontmoet.policy.loader import FIXED_BLOCKS
from ontmoet.policy.schema import PolicyPlan

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_SEP = "__"


def _euros(**kwargs: Any) -> EuroField:
    """Whole euros from 0 to the model's ceiling (``€ 62.000``, ``62.000``, ``1.500.000,00``)."""
    kwargs.setdefault("min_value", 0)
    kwargs.setdefault("max_value", MAX_AMOUNT)
    return EuroField(**kwargs)


def _decimal(**kwargs: Any) -> DutchNumberField:
    """A small decimal such as an fte or a percentage: a comma or a point (``0,25`` = ``0.25``), no thousands."""
    kwargs.setdefault("grouping", False)
    return DutchNumberField(**kwargs)


class ScenarioForm(StyledFormMixin, forms.Form):
    """Every plan parameter, per column where it has columns, starting at the plan's value (or the scenario's)."""

    name = forms.CharField(label=_("Naam van het scenario"), max_length=200)
    description = forms.CharField(label=_("Toelichting"), required=False, max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, plan: PolicyPlan, start: PolicyPlan | None = None, **kwargs: Any) -> None:
        self.plan = plan
        start = start or plan
        super().__init__(*args, **kwargs)
        for column in plan.columns:
            label = column_label(column)
            for name in COUNT_FIELDS:
                self.fields[_SEP.join(("counts", column, name))] = forms.IntegerField(
                    label=f"{ROW_LABELS[name]} {label}", min_value=0, max_value=MAX_COUNT,
                    initial=getattr(start.counts[column], name))
            for block in FIXED_BLOCKS:
                self.fields[_SEP.join(("blocks", block, column))] = _euros(
                    label=f"{ROW_LABELS[block]} {label}", initial=start.blocks[block][column])
            self.fields[_SEP.join(("existing_coverage", column))] = _euros(
                label=f"{ROW_LABELS['existing_coverage']} {label}", initial=start.existing_coverage[column])
        unit_labels = {"meeting_centre": _("Exploitatiesubsidie per Ontmoetingscentrum (€ per jaar)"),
                       "neighbourhood_house": _("Exploitatiesubsidie per Huis van de Wijk (€ per jaar)")}
        for name in UNIT_FIELDS:
            self.fields[_SEP.join(("unit_amounts", name))] = _euros(
                label=unit_labels[name], initial=getattr(start.unit_amounts, name))
        self.fields[_SEP.join(("community_work", "fte_per_place"))] = _decimal(
            label=_("Opbouwwerk: fte per plek"), min_value=Decimal(0), max_value=Decimal(10), max_digits=8,
            decimal_places=4, example="0,25", initial=start.community_work.fte_per_place)
        self.fields[_SEP.join(("community_work", "cost_per_fte"))] = _euros(
            label=_("Opbouwwerk: kosten per fte (€ per jaar)"), initial=start.community_work.cost_per_fte)
        self.style_widgets()

    def grid(self) -> list[dict[str, Any]]:
        """Rows of per-column fields for the template's table."""
        rows = []
        for key in ("meeting_centres", "neighbourhood_houses"):
            rows.append({"key": key, "label": ROW_LABELS[key],
                         "fields": [self[_SEP.join(("counts", c, key))] for c in self.plan.columns]})
        for block in FIXED_BLOCKS:
            rows.append({"key": block, "label": ROW_LABELS[block],
                         "fields": [self[_SEP.join(("blocks", block, c))] for c in self.plan.columns]})
        rows.append({"key": "existing_coverage", "label": ROW_LABELS["existing_coverage"],
                     "fields": [self[_SEP.join(("existing_coverage", c))] for c in self.plan.columns]})
        return rows

    def unit_fields(self) -> list[forms.BoundField]:
        return [self[_SEP.join(("unit_amounts", n))] for n in UNIT_FIELDS] + [
            self[_SEP.join(("community_work", "fte_per_place"))], self[_SEP.join(("community_work", "cost_per_fte"))]]

    def scenario_data(self) -> dict[str, Any]:
        """All values as scenario data (same keys as a scenario file)."""
        data: dict[str, Any] = {"name": self.cleaned_data["name"], "description": self.cleaned_data["description"]}
        for name, value in self.cleaned_data.items():
            if _SEP not in name or value is None:
                continue
            *path, leaf = name.split(_SEP)
            node = data
            for part in path:
                node = node.setdefault(part, {})
            node[leaf] = str(value) if isinstance(value, Decimal) else value
        return data


class ScenarioCompareForm(forms.Form):
    scenarios = forms.ModelMultipleChoiceField(label=_("Scenario's"), queryset=Scenario.objects.none(),
                                               widget=forms.CheckboxSelectMultiple, required=False)

    def __init__(self, *args: Any, queryset: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["scenarios"].queryset = queryset  # type: ignore[attr-defined]


class ProjectForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=200)
    area = forms.CharField(label=_("Gebied (buurt, wijk of plek)"), max_length=200, required=False)
    place = forms.ModelChoiceField(label=_("Plek in het register"), required=False,
                                   queryset=MeetingPlace.objects.order_by("name"))
    description = forms.CharField(label=_("Omschrijving"), required=False, max_length=5000,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    amount_min = _euros(label=_("Investering vanaf (€, incl. btw)"), required=False,
                           help_text=_("Leeg laten zolang het bedrag niet bekend is: dan blijft het een PM-post."))
    amount_max = _euros(label=_("Investering tot en met (€, incl. btw)"), required=False,
                           help_text=_("Voor één bedrag: vul hetzelfde bedrag in bij 'vanaf' en 'tot en met'."))
    wider_need_min = _euros(label=_("Extra nodig voor het hele plan vanaf (€)"), required=False)
    wider_need_max = _euros(label=_("Extra nodig voor het hele plan tot en met (€)"), required=False)
    method = forms.ChoiceField(label=_("Methode kapitaallasten"), choices=CapitalMethod.choices)
    term_years = forms.IntegerField(label=_("Looptijd (jaren)"), min_value=1, max_value=100)
    interest_percent = _decimal(
        label=_("Rente (% per jaar)"), min_value=Decimal(0), max_value=Decimal("99.9999"), max_digits=7,
        decimal_places=4, symbols=("%",), example="2,5")
    vat_recoverable = forms.BooleanField(label=_("De btw kan worden teruggevorderd"), required=False)
    start_year = forms.IntegerField(label=_("Eerste jaar kapitaallasten"), min_value=2000, max_value=2100,
                                    required=False, help_text=_("Leeg laten zolang de planning niet bekend is."))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("amount_min"), data.get("amount_max")
        if low is not None and high is None:
            self.add_error("amount_max", errors.AMOUNT_MAX_MISSING)
        if low is not None and high is not None and low > high:
            self.add_error("amount_min", errors.AMOUNT_RANGE)
        if high is not None and low is None:
            data["amount_min"] = high
        need_low, need_high = data.get("wider_need_min"), data.get("wider_need_max")
        if need_low is not None and need_high is not None and need_low > need_high:
            self.add_error("wider_need_min", errors.AMOUNT_RANGE)
        return data

    @classmethod
    def initial_for(cls, project: InvestmentProject | None, defaults: dict[str, Any]) -> dict[str, Any]:
        if project is None:
            return {"method": defaults["method"], "term_years": defaults["term_years"],
                    "interest_percent": _percent_text(defaults["interest_rate"])}
        values = {name: getattr(project, name) for name in (
            "name", "area", "place", "description", "amount_min", "amount_max", "wider_need_min", "wider_need_max",
            "method", "term_years", "vat_recoverable", "start_year")}
        values["interest_percent"] = _percent_text(project.interest_rate)
        return values

    def values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["interest_rate"] = (data.pop("interest_percent") / 100).quantize(Decimal("0.000001"))
        return data


def _percent_text(rate: Decimal) -> str:
    percent = (rate * 100).normalize()
    text = f"{percent:f}"
    return text.replace(".", ",")


class PhaseForm(StyledFormMixin, forms.Form):
    prefix = "phase"
    phase = forms.ChoiceField(label=_("Nieuwe fase"), choices=ProjectPhase.choices)
    effective_date = forms.DateField(label=_("Datum"), widget=DATE)
    note = forms.CharField(label=_("Toelichting"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))


class ParticipationForm(StyledFormMixin, forms.Form):
    prefix = "participation"
    date = forms.DateField(label=_("Datum"), widget=DATE)
    who = forms.CharField(label=_("Wie namen deel"), max_length=300)
    outcome = forms.CharField(label=_("Uitkomst"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))


class RelatedPlanForm(StyledFormMixin, forms.Form):
    prefix = "related"
    kind = forms.ChoiceField(label=_("Soort plan"), choices=RelatedPlanKind.choices)
    description = forms.CharField(label=_("Verwijzing"), max_length=500,
                                  help_text=_("Bijvoorbeeld: IHP 2024–2040, koppelkans met de nieuwe gymzaal."))


class UncertaintyForm(StyledFormMixin, forms.Form):
    """Ranges per column and the investment band; starts at the plan's defaults."""

    investment_min = _euros(label=_("Investeringen vanaf (€)"))
    investment_max = _euros(label=_("Investeringen tot en met (€)"))
    charges_start_year = forms.TypedChoiceField(label=_("Kapitaallasten vanaf jaar"), coerce=int)
    draws = forms.IntegerField(label=_("Aantal trekkingen"), min_value=1, max_value=MAX_DRAWS)
    seed = forms.IntegerField(label=_("Startgetal van de trekkingen"), min_value=0, max_value=2**31 - 1,
                              help_text=_("Hetzelfde startgetal geeft dezelfde uitkomst."))

    def __init__(self, *args: Any, plan: PolicyPlan, start: UncertaintyInput, **kwargs: Any) -> None:
        self.plan = plan
        super().__init__(*args, **kwargs)
        self.fields["charges_start_year"].choices = [(y, str(y)) for y in plan.years]  # type: ignore[attr-defined]
        initial = {"investment_min": start.investment_min, "investment_max": start.investment_max,
                   "charges_start_year": start.charges_start_year, "draws": start.draws, "seed": start.seed}
        for name, value in initial.items():
            self.fields[name].initial = value
        for column in plan.columns:
            label = column_label(column)
            for kind, ranges, text in (("oc", start.meeting_centres, _("Ontmoetingscentra")),
                                       ("hh", start.neighbourhood_houses, _("Huizen van de Wijk"))):
                for end, end_label in (("low", _("minimaal")), ("high", _("maximaal"))):
                    self.fields[f"{kind}_{end}_{column}"] = forms.IntegerField(
                        label=f"{text} {label} {end_label}", min_value=0, max_value=MAX_COUNT,
                        initial=getattr(ranges[column], end))
        self.style_widgets()

    def rows(self) -> list[dict[str, Any]]:
        return [{"column": c, "label": column_label(c),
                 "fields": [self[f"{kind}_{end}_{c}"] for kind in ("oc", "hh") for end in ("low", "high")]}
                for c in self.plan.columns]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for column in self.plan.columns:
            for kind in ("oc", "hh"):
                low, high = data.get(f"{kind}_low_{column}"), data.get(f"{kind}_high_{column}")
                if low is not None and high is not None and low > high:
                    self.add_error(f"{kind}_high_{column}", errors.RANGE_REVERSED)
        low, high = data.get("investment_min"), data.get("investment_max")
        if low is not None and high is not None and low > high:
            self.add_error("investment_max", errors.RANGE_REVERSED)
        return data

    def to_input(self) -> UncertaintyInput:
        d = self.cleaned_data
        return UncertaintyInput(
            meeting_centres={c: CountRange(d[f"oc_low_{c}"], d[f"oc_high_{c}"]) for c in self.plan.columns},
            neighbourhood_houses={c: CountRange(d[f"hh_low_{c}"], d[f"hh_high_{c}"]) for c in self.plan.columns},
            investment_min=d["investment_min"],
            investment_max=d["investment_max"],
            charges_start_year=d["charges_start_year"],
            draws=d["draws"],
            seed=d["seed"],
        )


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Begrotingsjaar"), coerce=int)

    def __init__(self, *args: Any, years: tuple[int, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(y, str(y)) for y in years]  # type: ignore[attr-defined]
        self.fields["year"].widget.attrs["class"] = "utrecht-select utrecht-select--html-select"

