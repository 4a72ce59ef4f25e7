"""Messages of the afwegingskader as constants that tests assert on (Dutch msgids, translatable)."""

from django.utils.translation import gettext_lazy as _

from ontmoet.core.messages import COORDINATES_PAIR as COORDINATES_PAIR
from ontmoet.core.messages import LATITUDE_RANGE as LATITUDE_RANGE
from ontmoet.core.messages import LONGITUDE_RANGE as LONGITUDE_RANGE
from ontmoet.core.messages import OUTSIDE_MAASTRICHT as OUTSIDE_MAASTRICHT

# Statistics import (file level).
FILE_EMPTY = _("Het bestand is leeg of heeft geen kopregel.")
FILE_NOT_UTF8 = _("Het bestand is geen tekstbestand in UTF-8.")
COLUMN_UNKNOWN = _("Onbekende kolom '%(column)s'. Toegestaan: %(allowed)s.")
COLUMN_MISSING = _("Verplichte kolom '%(column)s' ontbreekt.")
COLUMN_DUPLICATE = _("Kolom '%(column)s' staat er twee keer in.")
NO_INDICATOR_COLUMN = _("Het bestand heeft geen enkele indicatorkolom (%(allowed)s).")
NO_ROWS = _("Het bestand bevat geen regels met cijfers.")

# Statistics import (row level).
BUURT_UNKNOWN = _("Onbekende buurtcode '%(value)s': geen buurt van Maastricht.")
YEAR_INVALID = _("Jaar '%(value)s' is geen jaartal tussen %(min)s en %(max)s.")
SOURCE_REQUIRED = _("Vul de bron van de cijfers in.")
RESIDENTS_INVALID = _("Inwoners '%(value)s' is geen geheel getal van 0 of meer.")
PERCENTAGE_INVALID = _("'%(value)s' is geen percentage tussen 0 en 100.")
DEMO_INVALID = _("'%(value)s' is geen ja/nee-waarde (ja, nee, true, false, 1, 0).")
ROW_DUPLICATE = _("Buurt %(code)s staat voor %(year)s al op regel %(row)s.")
ROW_LENGTH = _("De regel heeft %(found)s velden; de kopregel heeft er %(expected)s.")

# Assessment input (what-if page, API, CLI).
LOCATION_REQUIRED = _("Kies een punt op de kaart, vul breedte- en lengtegraad in, of kies een buurt.")
NEIGHBOURHOOD_UNKNOWN = _("Onbekende buurt '%(value)s'.")
PLACE_UNKNOWN = _("Onbekende plek %(value)s.")
TYPE_UNKNOWN = _("Onbekend type '%(value)s'.")
