"""Error messages of the register, as constants that tests assert on (Dutch, translatable)."""

from django.utils.translation import gettext_lazy as _

CAP_EXCEEDED = _(
    "Deze wijziging brengt het aantal %(kind)s op %(count)s op %(day)s, boven het maximum van %(cap)s "
    "uit het beleidsplan. Bevestig de overschrijding bewust en geef een reden."
)
OVERRIDE_NEEDS_REASON = _("Geef een reden voor het bewust overschrijden van het maximum.")
SAME_TYPE = _("De plek heeft op die datum dit type al.")
OUTSIDE_MAASTRICHT = _("De coördinaten liggen niet in een buurt van Maastricht.")
COORDINATES_PAIR = _("Vul breedtegraad en lengtegraad allebei in, of allebei niet.")
