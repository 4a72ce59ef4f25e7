"""Error messages of the register, as constants that tests assert on (Dutch, translatable)."""

from django.utils.translation import gettext_lazy as _

from ontmoet.core.messages import COORDINATES_PAIR as COORDINATES_PAIR
from ontmoet.core.messages import OUTSIDE_MAASTRICHT as OUTSIDE_MAASTRICHT

CAP_EXCEEDED = _(
    "Deze wijziging brengt het aantal %(kind)s op %(count)s op %(day)s, boven het maximum van %(cap)s "
    "uit het beleidsplan. Bevestig de overschrijding bewust en geef een reden."
)
OVERRIDE_NEEDS_REASON = _("Geef een reden voor het bewust overschrijden van het maximum.")
SAME_TYPE = _("De plek heeft op die datum dit type al.")
NEIGHBOURHOOD_CONTRADICTS = _(
    "De gekozen buurt %(chosen)s past niet bij de coördinaten: die liggen in %(found)s. Met coördinaten volgt "
    "de buurt uit het punt; laat de buurt leeg of verbeter de coördinaten."
)
TYPE_DATE_BEYOND_HORIZON = _(
    "De ingangsdatum ligt na %(horizon)s, het einde van het beleidsplan. Leg een typewijziging vast binnen de "
    "looptijd van het plan."
)
TYPE_DATE_BEFORE_FIRST = _(
    "De ingangsdatum ligt vóór de eerste vastlegging van deze plek (%(first)s). Verbeter die eerste vastlegging "
    "als die niet klopt."
)
TYPE_ENTRY_NOT_IN_FORCE = _("Deze regel van de typegeschiedenis is al gecorrigeerd of ingetrokken.")
CORRECTION_NEEDS_REASON = _("Geef een reden voor de correctie.")
CORRECTION_CHANGES_NOTHING = _("De correctie verandert niets: kies een ander type of een andere datum.")
RETRACTION_NEEDS_REASON = _("Geef een reden voor het intrekken.")
RETRACT_ONLY_FUTURE = _(
    "Alleen een wijziging die nog moet ingaan kan worden ingetrokken; deze ging in op %(date)s. Corrigeer hem "
    "als hij niet klopt."
)
RETRACT_NOT_FIRST = _("De eerste vastlegging van een plek kan niet worden ingetrokken; corrigeer hem.")
FIELDS_NOT_ALLOWED = _("U mag deze velden niet wijzigen: %(fields)s.")
