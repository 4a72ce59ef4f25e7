"""Messages of the financial framework, as constants that tests assert on (Dutch msgids, translatable).

The pure budget model raises errors and warnings with a code and a dotted key; this module words them."""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ontmoet.domain.budget import BudgetWarning, ScenarioError, UncertaintyError
from ontmoet.domain.budget import model as budget_model
from ontmoet.domain.budget import scenario as scenario_codes

SCENARIO_MESSAGES: dict[str, Promise] = {
    scenario_codes.UNKNOWN_KEY: _("Onbekende sleutel '%(key)s'. Toegestaan op deze plek: %(allowed)s."),
    scenario_codes.EXPECTED_TABLE: _("'%(key)s' moet een tabel zijn (een groep sleutels met waarden)."),
    scenario_codes.EXPECTED_WHOLE: _("'%(key)s' moet een geheel getal zijn (hele euro's of een aantal)."),
    scenario_codes.EXPECTED_NUMBER: _("'%(key)s' moet een getal zijn, bijvoorbeeld 0.25."),
    scenario_codes.EXPECTED_TEXT: _("'%(key)s' moet tekst zijn."),
    scenario_codes.OUT_OF_RANGE: _("'%(key)s' moet liggen tussen %(minimum)s en %(maximum)s."),
    scenario_codes.BAD_CHOICE: _("'%(key)s' moet een van deze waarden zijn: %(choices)s."),
    scenario_codes.TOO_PRECISE: _("'%(key)s' heeft te veel decimalen (hoogstens %(places)s)."),
    scenario_codes.NOT_TOML: _("Het scenariobestand is geen geldige TOML: %(value)s"),
}
WARNING_MESSAGES: dict[str, Promise] = {
    budget_model.WARNING_MEETING_CENTRES_ABOVE_CAP: _(
        "%(column)s: %(value)s Ontmoetingscentra, boven het maximum van %(limit)s uit het beleidsplan."),
    budget_model.WARNING_NEIGHBOURHOOD_HOUSES_ABOVE_CAP: _(
        "%(column)s: %(value)s Huizen van de Wijk, boven het maximum van %(limit)s uit het beleidsplan."),
    budget_model.WARNING_FTE_ABOVE_MAX: _(
        "%(column)s: %(value)s fte opbouwwerk, boven het maximum van %(limit)s fte uit het beleidsplan."),
}

SCENARIO_NAME_REQUIRED = _("Geef het scenario een naam.")
SCENARIO_NAME_TAKEN = _("Er is al een scenario met deze naam.")
SCENARIO_STALE = _("Dit scenario past niet meer bij het beleidsplan: %(problem)s")
AMOUNT_RANGE = _("Het bedrag 'vanaf' mag niet hoger zijn dan het bedrag 'tot en met'.")
AMOUNT_MAX_MISSING = _("Vul ook het bedrag 'tot en met' in (gelijk aan 'vanaf' voor één bedrag).")
INTEREST_RANGE = _("De rente ligt tussen 0 en 100 procent.")
LEDGER_DUPLICATE = _("Deze boeking (bron en kenmerk) is al vastgelegd met een ander bedrag.")
LEDGER_AMOUNT = _("Het bedrag moet een getal in euro's zijn.")
LEDGER_BLOCK = _("Onbekende bouwsteen '%(block)s'.")
LEDGER_YEAR = _("Het begrotingsjaar %(year)s ligt buiten 2000–2100.")
LEDGER_SOURCE = _("Geef de bron van de boeking (bijvoorbeeld 'subsidies').")
UNKNOWN_FORMAT = _("Onbekend formaat '%(format)s'. Kies uit: %(choices)s.")
UNCERTAINTY_RANGE = _("'%(key)s' klopt niet: %(problem)s.")
UNKNOWN_SCENARIO = _("Scenario %(id)s bestaat niet.")
RANGE_REVERSED = _("De ondergrens mag niet hoger zijn dan de bovengrens.")


def scenario_error_message(error: ScenarioError) -> str:
    """The Dutch sentence for a scenario error (the key stays as written in the file)."""
    template = SCENARIO_MESSAGES.get(error.code, _("'%(key)s' is ongeldig."))
    params: dict[str, Any] = {"key": error.key, "value": error.value, **error.params}
    return str(template) % params


def warning_message(warning: BudgetWarning) -> str:
    column = gettext("Structureel") if warning.column == "structural" else warning.column
    return str(WARNING_MESSAGES[warning.code]) % {
        "column": column, "value": _plain_number(warning.value), "limit": _plain_number(warning.limit)}


def uncertainty_error_message(error: UncertaintyError) -> str:
    return str(UNCERTAINTY_RANGE) % {"key": error.key, "problem": error.problem}


def _plain_number(value: object) -> str:
    text = str(value)
    return text.replace(".", ",") if "." in text else text
