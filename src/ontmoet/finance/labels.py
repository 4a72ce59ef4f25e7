"""Dutch labels of the framework's rows and columns, as the seed prints them (seed §5)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ontmoet.policy.schema import STRUCTURAL

ROW_LABELS: dict[str, Promise] = {
    "meeting_centres": _("Aantal Ontmoetingscentra"),
    "neighbourhood_houses": _("Aantal Huizen van de Wijk"),
    "B1": _("Bouwsteen 1: Exploitatiesubsidie"),
    "B2": _("Bouwsteen 2: Aantrekkelijk en functioneel maken van ontmoetingsplekken"),
    "B3": _("Bouwsteen 3: Extra inzet welzijnswerk"),
    "B4": _("Bouwsteen 4: Kleinschalige ontmoetingsplekken"),
    "B5": _("Bouwsteen 5: Ondersteuning van de besturen"),
    "subtotal": _("Subtotaal indicatie jaarlijkse kosten"),
    "existing_coverage": _("Indicatie van reeds bestaande jaarlijkse dekking in huidige begroting"),
    "net_need": _("Indicatie van benodigd per jaar exploitatiekosten"),
    "capital_charges": _("Indicatie van benodigd per jaar kapitaallasten"),
}
#: Short names of the blocks for legends and narrow tables.
BLOCK_SHORT: dict[str, Promise] = {
    "B1": _("B1 Exploitatiesubsidie"),
    "B2": _("B2 Aantrekkelijk en functioneel"),
    "B3": _("B3 Extra inzet welzijnswerk"),
    "B4": _("B4 Kleinschalige plekken"),
    "B5": _("B5 Ondersteuning besturen"),
}
STRUCTURAL_LABEL = _("Structureel")
INVESTMENTS_LABEL = _("Investeringen")


def column_label(column: str) -> str:
    return str(STRUCTURAL_LABEL) if column == STRUCTURAL else column


def row_label(key: str) -> str:
    return str(ROW_LABELS[key])
