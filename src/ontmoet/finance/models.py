"""The financial framework's records: saved scenarios, investment projects (the PM items) and the ledger of
commitments and realisations. Every write goes through ``finance.services`` (one transaction, one audit event)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ontmoet.core.blocks import BlockChoices


class Scenario(models.Model):
    """A named set of overrides of the plan's parameters (same keys as a scenario file)."""

    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("toelichting"), blank=True)
    plan_id = models.CharField(_("beleidsplan"), max_length=100)
    overrides = models.JSONField(_("afwijkingen van het plan"), default=dict, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("gemaakt door"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        ordering = ["name", "id"]
        constraints = [models.UniqueConstraint(fields=["plan_id", "name"], name="finance_scenario_unique_name")]
        verbose_name = _("scenario")
        verbose_name_plural = _("scenario's")

    def __str__(self) -> str:
        return self.name


class CapitalMethod(models.TextChoices):
    LINEAR = "linear", _("Lineair")
    ANNUITY = "annuity", _("Annuïtair")


class ProjectPhase(models.TextChoices):
    EXPLORATION = "exploration", _("Verkenning")
    PLAN = "plan", _("Planvorming")
    COUNCIL_DECISION = "council_decision", _("Raadsbesluit")
    EXECUTION = "execution", _("Uitvoering")
    DONE = "done", _("Afgerond")


class RelatedPlanKind(models.TextChoices):
    """Plans an investment is tied to (seed §6 Participatie: IHP, duurzaamheid, Omgevingsvisie)."""

    IHP = "ihp", _("Integraal Huisvestingsplan Onderwijs (IHP)")
    SUSTAINABILITY = "sustainability", _("Duurzaamheid")
    OMGEVINGSVISIE = "omgevingsvisie", _("Omgevingsvisie 2040")
    MJIP = "mjip", _("Meerjareninvesteringsplan (MJIP)")
    VEERKRACHTIGE_WIJKEN = "veerkrachtige_wijken", _("Veerkrachtige Wijken")
    OTHER = "other", _("Ander plan")


class InvestmentProject(models.Model):
    """An investment at a place or in an area: a PM item of seed §5 until its amount and start year are known."""

    key = models.SlugField(_("sleutel"), max_length=80, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    area = models.CharField(_("gebied"), max_length=200, blank=True)
    place = models.ForeignKey("places.MeetingPlace", verbose_name=_("plek"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="investment_projects")
    description = models.TextField(_("omschrijving"), blank=True)
    amount_min = models.BigIntegerField(_("investering vanaf (€, incl. btw)"), null=True, blank=True)
    amount_max = models.BigIntegerField(_("investering tot en met (€, incl. btw)"), null=True, blank=True)
    wider_need_min = models.BigIntegerField(_("extra nodig voor het hele plan vanaf (€)"), null=True, blank=True)
    wider_need_max = models.BigIntegerField(_("extra nodig voor het hele plan tot en met (€)"), null=True, blank=True)
    method = models.CharField(_("methode kapitaallasten"), max_length=10, choices=CapitalMethod.choices)
    term_years = models.PositiveSmallIntegerField(_("looptijd (jaren)"))
    interest_rate = models.DecimalField(_("rente (fractie per jaar)"), max_digits=7, decimal_places=6)
    vat_recoverable = models.BooleanField(_("btw terug te vorderen"), default=False)
    start_year = models.PositiveSmallIntegerField(_("eerste jaar kapitaallasten"), null=True, blank=True)
    phase = models.CharField(_("fase"), max_length=20, choices=ProjectPhase.choices, default=ProjectPhase.EXPLORATION)
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_min__isnull=True)
                | Q(amount_max__isnull=False, amount_min__lte=models.F("amount_max")),
                name="finance_project_amount_range",
            ),
            models.CheckConstraint(condition=Q(amount_min__gte=0) | Q(amount_min__isnull=True),
                                   name="finance_project_amount_not_negative"),
        ]
        verbose_name = _("investeringsproject")
        verbose_name_plural = _("investeringsprojecten")

    def __str__(self) -> str:
        return self.name

    @property
    def is_pending(self) -> bool:
        """Still a PM item: no amount yet."""
        return self.amount_max is None


class ProjectPhaseChange(models.Model):
    """The dated history of a project's phase (exploration → plan → council decision → execution → done)."""

    project = models.ForeignKey(InvestmentProject, on_delete=models.CASCADE, related_name="phase_history")
    phase = models.CharField(_("fase"), max_length=20, choices=ProjectPhase.choices)
    effective_date = models.DateField(_("datum"))
    note = models.TextField(_("toelichting"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["effective_date", "id"]
        verbose_name = _("fasewijziging")
        verbose_name_plural = _("fasewijzigingen")

    def __str__(self) -> str:
        return f"{self.project}: {self.get_phase_display()} ({self.effective_date:%d-%m-%Y})"


class ParticipationMoment(models.Model):
    """A moment of participation: when, who took part, what came out (domain.md §8, e.g. Stadsronde 12-11-2025)."""

    project = models.ForeignKey(InvestmentProject, on_delete=models.CASCADE, related_name="participation")
    date = models.DateField(_("datum"))
    who = models.CharField(_("wie"), max_length=300)
    outcome = models.TextField(_("uitkomst"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("participatiemoment")
        verbose_name_plural = _("participatiemomenten")

    def __str__(self) -> str:
        return f"{self.date:%d-%m-%Y} {self.who}"


class RelatedPlan(models.Model):
    """A link, as text, to a plan the investment is tied to (integral execution, seed §3.1 and §6)."""

    project = models.ForeignKey(InvestmentProject, on_delete=models.CASCADE, related_name="related_plans")
    kind = models.CharField(_("soort plan"), max_length=30, choices=RelatedPlanKind.choices)
    description = models.CharField(_("verwijzing"), max_length=500)

    class Meta:
        ordering = ["kind", "id"]
        verbose_name = _("samenhangend plan")
        verbose_name_plural = _("samenhangende plannen")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.description}"


class EntryKind(models.TextChoices):
    COMMITMENT = "commitment", _("Verplichting")
    REALISATION = "realisation", _("Realisatie")


class LedgerEntry(models.Model):
    """A commitment (a granted subsidy, a community-work allocation) or a realisation (a settlement, a payment)
    on a building block and a year. Rows are only inserted; a correction is a new entry (negative allowed)."""

    kind = models.CharField(_("soort"), max_length=12, choices=EntryKind.choices)
    block = models.CharField(_("bouwsteen"), max_length=2, choices=BlockChoices.choices)
    year = models.PositiveSmallIntegerField(_("begrotingsjaar"))
    amount = models.DecimalField(_("bedrag (€)"), max_digits=14, decimal_places=2)
    entry_date = models.DateField(_("boekdatum"))
    source = models.CharField(_("bron"), max_length=50)
    reference = models.CharField(_("kenmerk"), max_length=100, blank=True)
    description = models.CharField(_("omschrijving"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        ordering = ["year", "block", "entry_date", "id"]
        indexes = [models.Index(fields=["year", "block", "kind"])]
        constraints = [
            # The same source document is booked once per kind: callers may retry safely.
            models.UniqueConstraint(fields=["source", "reference", "kind"], condition=~Q(reference=""),
                                    name="finance_ledger_unique_reference"),
        ]
        verbose_name = _("boeking")
        verbose_name_plural = _("boekingen")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.block} {self.year}: {self.amount}"
