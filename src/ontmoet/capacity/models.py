"""Records of the support structure: community work by Trajekt (B3) and board support (B5), seed §6.

Every write goes through ``capacity.services`` (one transaction, one audit event). Boards and their members are the
register's (``places``); the vacancies of a board and the working group of board delegates live here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ontmoet.core.validators import LONG_TEXT_MAX, plain_line, plain_text
from ontmoet.places.types import BoardRole

LONG_TEXT: list[Callable[[Any], None]] = [plain_text, MaxLengthValidator(LONG_TEXT_MAX)]
SHORT_TEXT: list[Callable[[Any], None]] = [plain_text, MaxLengthValidator(2000)]


class CommunityWorkRequest(models.Model):
    """A place's request for extra community work in a year (seed §5: "enkel indien de ontmoetingscentra
    behoefte hebben aan deze extra ondersteuning")."""

    place = models.ForeignKey("places.MeetingPlace", verbose_name=_("plek"), on_delete=models.PROTECT,
                              related_name="community_work_requests")
    year = models.PositiveSmallIntegerField(_("jaar"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    fte = models.DecimalField(_("gevraagd (fte)"), max_digits=4, decimal_places=2,
                              validators=[MinValueValidator(0), MaxValueValidator(10)])
    purpose = models.TextField(_("doel"), validators=SHORT_TEXT)
    requested_on = models.DateField(_("gevraagd op"))
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("gevraagd door"), null=True,
                                     blank=True, on_delete=models.SET_NULL, related_name="+")
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        ordering = ["-year", "requested_on", "id"]
        constraints = [models.UniqueConstraint(fields=["place", "year"], name="capacity_one_request_per_year")]
        verbose_name = _("aanvraag opbouwwerk")
        verbose_name_plural = _("aanvragen opbouwwerk")

    def __str__(self) -> str:
        return f"{self.place} {self.year}"


class CommunityWorkAllocation(models.Model):
    """The fte a place gets in a year, as decided; the cost is booked as a commitment on B3."""

    request = models.OneToOneField(CommunityWorkRequest, on_delete=models.PROTECT, related_name="allocation")
    place = models.ForeignKey("places.MeetingPlace", verbose_name=_("plek"), on_delete=models.PROTECT,
                              related_name="community_work_allocations")
    year = models.PositiveSmallIntegerField(_("jaar"))
    allocated_fte = models.DecimalField(_("toegekend (fte)"), max_digits=4, decimal_places=2)
    vulnerability_index = models.DecimalField(_("kwetsbaarheidsindex"), max_digits=5, decimal_places=3, null=True,
                                              blank=True)
    rank = models.PositiveSmallIntegerField(_("volgorde"), null=True, blank=True)
    override_reason = models.TextField(_("reden van afwijking"), blank=True, validators=SHORT_TEXT)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("besloten door"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(_("besloten op"), auto_now=True)

    class Meta:
        ordering = ["-year", "rank", "id"]
        constraints = [models.UniqueConstraint(fields=["place", "year"], name="capacity_one_allocation_per_year")]
        verbose_name = _("toekenning opbouwwerk")
        verbose_name_plural = _("toekenningen opbouwwerk")

    def __str__(self) -> str:
        return f"{self.place} {self.year}: {self.allocated_fte} fte"


class CommunityWorkHours(models.Model):
    """Hours a community worker spent at a place in a month (their own hours only)."""

    worker = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("opbouwwerker"), on_delete=models.PROTECT,
                               related_name="community_work_hours")
    place = models.ForeignKey("places.MeetingPlace", verbose_name=_("plek"), on_delete=models.PROTECT,
                              related_name="community_work_hours")
    month = models.DateField(_("maand"))  # the first day of the month
    hours = models.DecimalField(_("uren"), max_digits=6, decimal_places=2,
                                validators=[MinValueValidator(0), MaxValueValidator(744)])  # 31 × 24
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        ordering = ["-month", "place__name", "id"]
        constraints = [models.UniqueConstraint(fields=["worker", "place", "month"], name="capacity_hours_once")]
        verbose_name = _("uren opbouwwerk")
        verbose_name_plural = _("uren opbouwwerk")

    def __str__(self) -> str:
        return f"{self.place} {self.month:%Y-%m}: {self.hours}"


class SupportKind(models.TextChoices):
    FINANCIAL = "financial", _("Financieel")
    ADMINISTRATIVE = "administrative", _("Administratief")
    MANAGEMENT = "management", _("Beheer en exploitatie")
    RECRUITING = "recruiting", _("Werven van bestuursleden")
    LEGAL = "legal", _("Juridisch")
    OTHER = "other", _("Anders")


class SupportStatus(models.TextChoices):
    NEW = "new", _("Nieuw")
    TAKEN_UP = "taken_up", _("Opgepakt")
    DONE = "done", _("Afgerond")
    CLOSED = "closed", _("Gesloten")


class SupportProvider(models.TextChoices):
    MUNICIPALITY = "municipality", _("Gemeente Maastricht")
    TRAJEKT = "trajekt", _("Trajekt")
    PARTNER = "partner", _("Partner")


class BoardSupportRequest(models.Model):
    """A board's request for support (bestuursondersteuning, seed §6 B5): new → taken up → done or closed."""

    place = models.ForeignKey("places.MeetingPlace", verbose_name=_("plek"), on_delete=models.PROTECT,
                              related_name="board_support_requests")
    kind = models.CharField(_("soort ondersteuning"), max_length=20, choices=SupportKind.choices)
    description = models.TextField(_("omschrijving"), validators=SHORT_TEXT)
    status = models.CharField(_("status"), max_length=10, choices=SupportStatus.choices, default=SupportStatus.NEW)
    requested_on = models.DateField(_("gevraagd op"))
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("gevraagd door"), null=True,
                                     blank=True, on_delete=models.SET_NULL, related_name="+")
    provider = models.CharField(_("opgepakt door"), max_length=20, choices=SupportProvider.choices, blank=True)
    contact_person = models.CharField(_("contactpersoon"), max_length=150, blank=True, validators=[plain_line])
    taken_up_on = models.DateField(_("opgepakt op"), null=True, blank=True)
    closed_on = models.DateField(_("afgesloten op"), null=True, blank=True)
    outcome = models.TextField(_("uitkomst"), blank=True, validators=SHORT_TEXT)
    cost = models.DecimalField(_("kosten betaalde ondersteuning (€)"), max_digits=10, decimal_places=2, null=True,
                               blank=True, validators=[MinValueValidator(0)])
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        ordering = ["-requested_on", "-id"]
        verbose_name = _("vraag om bestuursondersteuning")
        verbose_name_plural = _("vragen om bestuursondersteuning")

    def __str__(self) -> str:
        return f"{self.place}: {self.get_kind_display()} ({self.requested_on})"

    @property
    def is_open(self) -> bool:
        return self.status in (SupportStatus.NEW, SupportStatus.TAKEN_UP)


class BoardVacancy(models.Model):
    """An open seat on a place's board (the members themselves are the register's)."""

    place = models.ForeignKey("places.MeetingPlace", verbose_name=_("plek"), on_delete=models.PROTECT,
                              related_name="board_vacancies")
    role = models.CharField(_("functie"), max_length=20, choices=BoardRole.choices, default=BoardRole.MEMBER)
    description = models.CharField(_("toelichting"), max_length=300, blank=True, validators=[plain_line])
    opened_on = models.DateField(_("open sinds"))
    filled_on = models.DateField(_("vervuld op"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        ordering = ["place__name", "opened_on", "id"]
        verbose_name = _("vacature in het bestuur")
        verbose_name_plural = _("vacatures in besturen")

    def __str__(self) -> str:
        return f"{self.place}: {self.get_role_display()}"


class WorkingGroupMember(models.Model):
    """A board delegate in the working group that feeds the support structure (seed §6 B5)."""

    place = models.ForeignKey("places.MeetingPlace", verbose_name=_("plek"), on_delete=models.PROTECT,
                              related_name="working_group_members")
    name = models.CharField(_("naam"), max_length=150, validators=[plain_line])
    since = models.DateField(_("lid sinds"))
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("lid van de werkgroep")
        verbose_name_plural = _("leden van de werkgroep")

    def __str__(self) -> str:
        return f"{self.name} ({self.place})"


class WorkingGroupMeeting(models.Model):
    date = models.DateField(_("datum"))
    agenda = models.TextField(_("agenda"), validators=LONG_TEXT)
    decisions = models.TextField(_("besluiten"), blank=True, validators=LONG_TEXT)
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("bijeenkomst van de werkgroep")
        verbose_name_plural = _("bijeenkomsten van de werkgroep")

    def __str__(self) -> str:
        return f"{self.date:%d-%m-%Y}"
