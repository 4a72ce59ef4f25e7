"""Neighbourhood statistics (the input of "ongelijk investeren") and stored assessments.

Statistics are imported, never typed over (domain.md §7): each row keeps its source and whether it is demo
data. Demo rows are shown as such everywhere and never presented as real figures.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ontmoet.places.models import MeetingPlace, Neighbourhood
from ontmoet.places.types import PlaceType


class NeighbourhoodStatistic(models.Model):
    """The figures of one CBS buurt in one year. Indicator keys match the plan's vulnerability weights."""

    neighbourhood = models.ForeignKey(Neighbourhood, verbose_name=_("buurt"), on_delete=models.PROTECT,
                                      related_name="statistics")
    year = models.PositiveSmallIntegerField(_("jaar"))
    source = models.CharField(_("bron"), max_length=500)
    is_demo = models.BooleanField(_("demo"), default=False,
                                  help_text=_("Fictieve cijfers uit de demonstratiegegevens, geen echte cijfers."))
    residents = models.PositiveIntegerField(_("inwoners"), null=True, blank=True)
    #: ``{indicator key: percentage as text}``, e.g. ``{"loneliness_pct": "12.5"}``; a missing key is unknown.
    indicators = models.JSONField(_("indicatoren"), default=dict, blank=True)
    imported_at = models.DateTimeField(_("ingelezen op"), auto_now=True)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ingelezen door"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-year", "neighbourhood__code"]
        constraints = [models.UniqueConstraint(fields=["neighbourhood", "year"], name="one_statistic_per_buurt_year")]
        verbose_name = _("buurtcijfer")
        verbose_name_plural = _("buurtcijfers")

    def __str__(self) -> str:
        return f"{self.neighbourhood} {self.year}"

    def indicator(self, key: str) -> Decimal | None:
        raw = self.indicators.get(key)
        if raw in (None, ""):
            return None
        try:
            return Decimal(str(raw))
        except InvalidOperation:
            return None


class NeighbourhoodStatisticImport(models.Model):
    """One import of a statistics file: the object the audit trail points at."""

    file_name = models.CharField(_("bestand"), max_length=255)
    rows = models.PositiveIntegerField(_("regels"))
    created = models.PositiveIntegerField(_("nieuw"))
    updated = models.PositiveIntegerField(_("bijgewerkt"))
    is_demo = models.BooleanField(_("demo"), default=False)
    imported_at = models.DateTimeField(_("ingelezen op"), auto_now_add=True)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ingelezen door"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-imported_at", "-id"]
        verbose_name = _("import van buurtcijfers")
        verbose_name_plural = _("imports van buurtcijfers")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.imported_at:%Y-%m-%d %H:%M})" if self.imported_at else self.file_name


class Advice(models.TextChoices):
    POSITIVE = "positive", _("Positief")
    CONDITIONAL = "conditional", _("Positief onder voorwaarden")
    NEGATIVE = "negative", _("Negatief")


class AssessmentRecord(models.Model):
    """A stored run of the afwegingskader (e.g. for a subsidy application): enough to show and cite it later.

    ``findings`` is the JSON answer of the framework (rule, outcome, explanation in Dutch and English, facts
    with units) and ``inputs`` the facts of the request, so a decision letter can quote both.
    """

    purpose = models.CharField(_("aanleiding"), max_length=40, default="application")
    reference = models.CharField(_("kenmerk"), max_length=100, blank=True,
                                 help_text=_("Bijvoorbeeld het kenmerk van de aanvraag."))
    place = models.ForeignKey(MeetingPlace, verbose_name=_("plek"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="assessments")
    subject_type = models.CharField(_("type"), max_length=32, choices=PlaceType.choices)
    latitude = models.DecimalField(_("breedtegraad"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("lengtegraad"), max_digits=9, decimal_places=6, null=True, blank=True)
    neighbourhood = models.ForeignKey(Neighbourhood, verbose_name=_("buurt"), null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="+")
    advice = models.CharField(_("advies"), max_length=20, choices=Advice.choices)
    score = models.DecimalField(_("score"), max_digits=4, decimal_places=1)
    plan_id = models.CharField(_("beleidsplan"), max_length=50)
    plan_version = models.CharField(_("versie beleidsplan"), max_length=50)
    findings = models.JSONField(_("bevindingen"), default=list)
    inputs = models.JSONField(_("invoer"), default=dict, blank=True)
    created_at = models.DateTimeField(_("beoordeeld op"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("beoordeeld door"), null=True,
                                   blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")

    def __str__(self) -> str:
        return f"{self.get_subject_type_display()} – {self.get_advice_display()} ({self.score})"
