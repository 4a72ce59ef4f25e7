"""Messages of community work and board support, as constants that tests assert on (Dutch msgids)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

NOT_ELIGIBLE = _("Alleen een plek die op 1 januari %(year)s een Ontmoetingscentrum of Huis van de Wijk is, kan "
                 "extra opbouwwerk vragen (beleidsplan §5, bouwsteen 3). %(place)s is dat niet.")
YEAR_OUTSIDE_PLAN = _("Het beleidsplan kent geen budget voor opbouwwerk in %(year)s; kies een jaar van %(first)s "
                      "tot en met %(last)s.")
ALREADY_ASKED = _("Voor deze plek is er al een aanvraag voor %(year)s.")
FTE_POSITIVE = _("Vraag meer dan 0 fte.")
FTE_TOO_PRECISE = _("Geef de fte in hoogstens twee decimalen.")
HOURS_INVALID = _("Geef de uren als een getal van 0 tot en met 744 (hoogstens twee decimalen).")
MONTH_INVALID = _("Geef de maand als JJJJ-MM.")
MONTH_IN_FUTURE = _("Uren worden geschreven over een maand die begonnen is.")
NOT_TAKEN_UP_YET = _("Een vraag wordt eerst opgepakt voordat ze wordt afgesloten.")
ALREADY_TAKEN_UP = _("Deze vraag is al opgepakt.")
ALREADY_CLOSED = _("Deze vraag is al afgesloten.")
CONTACT_REQUIRED = _("Noem de persoon die de vraag oppakt.")
OUTCOME_REQUIRED = _("Beschrijf de uitkomst.")
DATE_BEFORE_REQUEST = _("Deze datum ligt voor de datum van de vraag.")
DATE_IN_FUTURE = _("Deze datum ligt in de toekomst.")
COST_NOT_ALLOWED = _("Alleen een beleidsmedewerker of beheerder legt kosten van betaalde ondersteuning vast.")
VACANCY_FILLED = _("Deze vacature is al vervuld.")

OVERRIDE_MESSAGES: dict[str, Promise] = {
    "reason_required": _("Geef een reden voor de afwijking van het voorstel."),
    "not_eligible": _("Deze plek is op 1 januari geen Ontmoetingscentrum of Huis van de Wijk."),
    "invalid_fte": _("Geef de fte als een getal van 0 of meer, met hoogstens twee decimalen."),
    "above_request_or_place_cap": _("Hoogstens %(limit)s fte: wat gevraagd is en het maximum per plek."),
    "no_request": _("Deze plek heeft voor dit jaar niets gevraagd."),
    "above_year_cap": _("Samen meer dan het maximum van %(limit)s fte voor dit jaar."),
}
