"""Messages more than one capability shows, defined once (so the page, the API and every app use the same words)."""

from django.utils.translation import gettext_lazy as _

OUTSIDE_MAASTRICHT = _("De coördinaten liggen niet in een buurt van Maastricht. Kies een punt binnen de gemeente.")
COORDINATES_PAIR = _("Vul breedtegraad en lengtegraad allebei in.")
LATITUDE_RANGE = _("De breedtegraad ligt tussen -90 en 90.")
LONGITUDE_RANGE = _("De lengtegraad ligt tussen -180 en 180.")
