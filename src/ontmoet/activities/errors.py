"""Messages of the activities app (Dutch msgids; English in locale/en)."""

from django.utils.translation import gettext_lazy as _

END_BEFORE_START = _("De eindtijd ligt voor de begintijd.")
UNTIL_BEFORE_FIRST = _("De einddatum van de reeks ligt voor de eerste datum.")
SERIES_TOO_LONG = _("Een reeks heeft hoogstens %(max)s keer; kies een eerdere einddatum of maak twee reeksen.")
NOT_IN_SERIES = _("Deze activiteit hoort niet bij een reeks.")
UNKNOWN_PLACE = _("onbekende plek '%(value)s' (gebruik het nummer van de plek)")
UNKNOWN_CHOICE = _("onbekende waarde '%(value)s'; kies uit: %(choices)s")
BAD_DATE = _("geen datum '%(value)s' (JJJJ-MM-DD of DD-MM-JJJJ)")
BAD_TIME = _("geen tijd '%(value)s' (UU:MM)")
BAD_NUMBER = _("geen heel getal '%(value)s'")
REQUIRED = _("verplicht")
