"""The building blocks in the interface: their names in Dutch (and English through the catalogue), and the
choices for model fields. The blocks themselves are defined once, in ``ontmoet.policy.schema.BuildingBlock``."""

from __future__ import annotations

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ontmoet.policy.schema import BuildingBlock

#: The full names, as the seed's table prints them (seed §5).
BLOCK_LABELS: dict[BuildingBlock, Promise] = {
    BuildingBlock.EXPLOITATION: _("Bouwsteen 1: Exploitatiesubsidie"),
    BuildingBlock.MODERNISATION: _("Bouwsteen 2: Aantrekkelijk en functioneel maken van ontmoetingsplekken"),
    BuildingBlock.COMMUNITY_WORK: _("Bouwsteen 3: Extra inzet welzijnswerk"),
    BuildingBlock.SMALL_SCALE: _("Bouwsteen 4: Kleinschalige ontmoetingsplekken"),
    BuildingBlock.BOARD_SUPPORT: _("Bouwsteen 5: Ondersteuning van de besturen"),
}
#: Short names for legends and narrow tables.
BLOCK_SHORT: dict[BuildingBlock, Promise] = {
    BuildingBlock.EXPLOITATION: _("B1 Exploitatiesubsidie"),
    BuildingBlock.MODERNISATION: _("B2 Aantrekkelijk en functioneel"),
    BuildingBlock.COMMUNITY_WORK: _("B3 Extra inzet welzijnswerk"),
    BuildingBlock.SMALL_SCALE: _("B4 Kleinschalige plekken"),
    BuildingBlock.BOARD_SUPPORT: _("B5 Ondersteuning besturen"),
}

class BlockChoices(models.TextChoices):
    """Choices of a model field that holds a block; the values are those of ``BuildingBlock`` (a test checks)."""

    B1 = BuildingBlock.EXPLOITATION.value, BLOCK_LABELS[BuildingBlock.EXPLOITATION]
    B2 = BuildingBlock.MODERNISATION.value, BLOCK_LABELS[BuildingBlock.MODERNISATION]
    B3 = BuildingBlock.COMMUNITY_WORK.value, BLOCK_LABELS[BuildingBlock.COMMUNITY_WORK]
    B4 = BuildingBlock.SMALL_SCALE.value, BLOCK_LABELS[BuildingBlock.SMALL_SCALE]
    B5 = BuildingBlock.BOARD_SUPPORT.value, BLOCK_LABELS[BuildingBlock.BOARD_SUPPORT]
