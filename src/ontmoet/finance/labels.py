"""Dutch labels of the framework's rows and columns, as the seed prints them (seed §5)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ontmoet.core.blocks import BLOCK_LABELS
from ontmoet.core.blocks import BLOCK_SHORT as _SHORT
from ontmoet.policy.schema import STRUCTURAL

ROW_LABELS: dict[str, Promise] = {
    "meeting_centres": _("Aantal Ontmoetingscentra"),
    "neighbourhood_houses": _("Aantal Huizen van de Wijk"),
    **{block.value: label for block, label in BLOCK_LABELS.items()},
    "subtotal": _("Subtotaal indicatie jaarlijkse kosten"),
    "existing_coverage": _("Indicatie van reeds bestaande jaarlijkse dekking in huidige begroting"),
    "net_need": _("Indicatie van benodigd per jaar exploitatiekosten"),
    "capital_charges": _("Indicatie van benodigd per jaar kapitaallasten"),
}
#: Short names of the blocks for legends and narrow tables, by row key.
BLOCK_SHORT: dict[str, Promise] = {block.value: label for block, label in _SHORT.items()}
STRUCTURAL_LABEL = _("Structureel")
INVESTMENTS_LABEL = _("Investeringen")


def column_label(column: str) -> str:
    return str(STRUCTURAL_LABEL) if column == STRUCTURAL else column


def row_label(key: str) -> str:
    return str(ROW_LABELS[key])
