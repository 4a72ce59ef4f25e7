"""Messages of the subsidy services, in Dutch (English through the catalogue)."""

from django.utils.translation import gettext_lazy as _

SCHEME_YEAR_MISSING = _("Deze regeling heeft geen plafond voor %(year)s.")
SCHEME_KEY_TAKEN = _("Er is al een regeling met deze naam.")
PLACE_NOT_ELIGIBLE = _("Deze regeling is er niet voor dit soort plek.")
AMOUNT_REQUIRED = _("Vul een bedrag groter dan nul in.")
ONLY_DRAFT = _("Alleen een concept kan nog worden gewijzigd.")
ADVICE_CHOICE = _("Kies 'grant' (verlenen) of 'refuse' (afwijzen).")
MOTIVATION_REQUIRED = _("Geef een motivering.")
DECISION_CHOICE = _("Kies 'grant' (verlenen) of 'refuse' (afwijzen).")
POSTPONE_WEEKS = _("Verdaag met 1 tot en met 8 weken.")
NOT_PUBLISHED = _("Deze regeling is nog niet gepubliceerd.")
ALREADY_PUBLISHED = _("Deze regeling is al gepubliceerd.")
UPLOAD_TOO_LARGE = _("Het bestand is groter dan %(limit)s MB.")
UPLOAD_TYPE = _("Alleen PDF, Excel (xlsx) en afbeeldingen (PNG, JPEG) kunnen worden geüpload.")
UPLOAD_EMPTY = _("Het bestand is leeg.")
REPORT_REQUIRED = _("Voeg een inhoudelijk verslag toe.")
