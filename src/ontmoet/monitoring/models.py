"""Monitoring data (issue 11): imported survey results per buurt and year, and the locked figures of a year."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ontmoet.places.models import Neighbourhood

PCT = [MinValueValidator(0), MaxValueValidator(100)]


class SurveyResult(models.Model):
    """One buurt's survey figures in one year (buurtpeiling / Gezondheidsmonitor), imported, never typed over."""

    year = models.PositiveSmallIntegerField(_("jaar"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    neighbourhood = models.ForeignKey(Neighbourhood, verbose_name=_("buurt"), on_delete=models.PROTECT,
                                      related_name="+")
    respondents = models.PositiveIntegerField(_("respondenten"))
    enough_contacts_pct = models.DecimalField(_("voldoende contacten (%)"), max_digits=5, decimal_places=2,
                                              null=True, blank=True, validators=PCT)
    visited_meeting_place_pct = models.DecimalField(_("bezocht ontmoetingsplek (%)"), max_digits=5,
                                                    decimal_places=2, null=True, blank=True, validators=PCT)
    lonely_pct = models.DecimalField(_("eenzaam (%)"), max_digits=5, decimal_places=2, null=True, blank=True,
                                     validators=PCT)
    source = models.CharField(_("bron"), max_length=200, blank=True)
    imported_at = models.DateTimeField(_("geïmporteerd op"), auto_now=True)

    class Meta:
        ordering = ["year", "neighbourhood__code"]
        verbose_name = _("peilingsresultaat")
        verbose_name_plural = _("peilingsresultaten")
        constraints = [models.UniqueConstraint(fields=["year", "neighbourhood"], name="survey_year_buurt")]

    def __str__(self) -> str:
        return f"{self.year} {self.neighbourhood_id}"


class IndicatorLock(models.Model):
    """The figures of a year as a data analyst fixed them ("vastgesteld"). Locking again is a new version; the
    council report and later views read the latest version."""

    year = models.PositiveSmallIntegerField(_("jaar"))
    version = models.PositiveSmallIntegerField(_("versie"))
    figures = models.JSONField(_("cijfers"))
    reason = models.TextField(_("toelichting"), blank=True)
    locked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="+")
    locked_at = models.DateTimeField(_("vastgesteld op"), auto_now_add=True)

    class Meta:
        ordering = ["year", "-version"]
        verbose_name = _("vastgestelde cijfers")
        verbose_name_plural = _("vastgestelde cijfers")
        constraints = [models.UniqueConstraint(fields=["year", "version"], name="indicator_lock_year_version")]

    def __str__(self) -> str:
        return f"{self.year} v{self.version}"
