"""The register of meeting places (seed §1–§2, domain.md §2).

A place's type is not a column: it is derived from its dated type history (see ``PlaceQuerySet.with_type``)
so that a board's choice, recorded ahead of its effective date, takes effect on that date by itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontmoet.accounts.permissions import restrict_to_acted_for
from ontmoet.core.validators import (
    LONG_TEXT_MAX,
    house_number_validator,
    kvk_validator,
    not_in_future,
    plain_line,
    plain_text,
    postcode_validator,
)
from ontmoet.places.opening_hours import HELP_TEXT as HOURS_HELP_TEXT
from ontmoet.places.opening_hours import opening_hours_validator
from ontmoet.places.types import BoardRole, EnergyLabel, OwnerKind, PlaceType, TypeEntryKind

LONG_TEXT: list[Callable[[Any], None]] = [plain_text, MaxLengthValidator(LONG_TEXT_MAX)]


class District(models.Model):
    """A CBS wijk (WK0935xx)."""

    code = models.CharField(_("wijkcode"), max_length=8, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    geometry = models.JSONField(_("contour"), help_text=_("GeoJSON-polygoon (WGS84)"))

    class Meta:
        ordering = ["code"]
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")

    def __str__(self) -> str:
        return self.name


class Neighbourhood(models.Model):
    """A CBS buurt (BU0935xxxx) with its generalised outline."""

    code = models.CharField(_("buurtcode"), max_length=10, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    district = models.ForeignKey(District, verbose_name=_("wijk"), on_delete=models.PROTECT,
                                 related_name="neighbourhoods")
    geometry = models.JSONField(_("contour"), help_text=_("GeoJSON-polygoon (WGS84)"))
    label_latitude = models.DecimalField(_("labelpunt breedtegraad"), max_digits=9, decimal_places=6)
    label_longitude = models.DecimalField(_("labelpunt lengtegraad"), max_digits=9, decimal_places=6)

    class Meta:
        ordering = ["name"]
        verbose_name = _("buurt")
        verbose_name_plural = _("buurten")

    def __str__(self) -> str:
        return self.name


class Building(models.Model):
    """The building a place is housed in. The municipality may own the building, never the place (§1.7)."""

    name = models.CharField(_("naam van het pand"), max_length=200, blank=True, validators=[plain_line])
    owner_kind = models.CharField(_("eigenaar"), max_length=20, choices=OwnerKind.choices, default=OwnerKind.OTHER)
    owner_name = models.CharField(_("naam eigenaar"), max_length=200, blank=True, validators=[plain_line])
    energy_label = models.CharField(_("energielabel"), max_length=5, choices=EnergyLabel.choices, blank=True)
    sustainability_measures = models.TextField(_("duurzaamheidsmaatregelen"), blank=True, validators=LONG_TEXT)

    class Meta:
        verbose_name = _("pand")
        verbose_name_plural = _("panden")

    def __str__(self) -> str:
        return self.name or _("Pand %(id)s") % {"id": self.pk}


class PlaceQuerySet(models.QuerySet["MeetingPlace"]):
    def with_type(self, on: dt.date | None = None) -> PlaceQuerySet:
        """Annotate ``type``: the type in force on ``on`` (today by default), from the type history."""
        day = on or timezone.localdate()
        latest = (
            PlaceTypeChange.objects.in_force().filter(place=OuterRef("pk"), effective_date__lte=day)
            .order_by("-effective_date", "-id")
            .values("to_type")[:1]
        )
        return self.annotate(type=Subquery(latest))

    def of_type(self, kinds: Iterable[str], on: dt.date | None = None) -> PlaceQuerySet:
        """The places whose type on ``on`` (today) is one of ``kinds``, with ``type`` annotated."""
        # ``type`` is the annotation of with_type(), which the type checker's Django plugin cannot see.
        return self.with_type(on).filter(**{"type__in": list(kinds)})

    def visible_to(self, user: object) -> PlaceQuerySet:
        """The places ``user`` acts for (the ownership rule of accounts.permissions)."""
        return restrict_to_acted_for(self, user)


class MeetingPlace(models.Model):
    """A social meeting place (sociale ontmoetingsplek)."""

    name = models.CharField(_("naam"), max_length=200, validators=[plain_line])
    is_demo = models.BooleanField(
        _("demo"), default=False, help_text=_("Fictieve plek uit de demonstratiegegevens."))
    description = models.TextField(_("omschrijving"), blank=True, validators=LONG_TEXT)
    street = models.CharField(_("straat"), max_length=200, blank=True, validators=[plain_line])
    house_number = models.CharField(_("huisnummer"), max_length=20, blank=True,
                                    validators=[house_number_validator],
                                    help_text=_("Nummer met eventueel letter of toevoeging, bijvoorbeeld 12a."))
    postcode = models.CharField(_("postcode"), max_length=7, blank=True, validators=[postcode_validator],
                                help_text=_("Bijvoorbeeld 6211 AB."))
    city = models.CharField(_("plaats"), max_length=100, default="Maastricht", validators=[plain_line])
    latitude = models.DecimalField(_("breedtegraad"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("lengtegraad"), max_digits=9, decimal_places=6, null=True, blank=True)
    neighbourhood = models.ForeignKey(Neighbourhood, verbose_name=_("buurt"), on_delete=models.PROTECT,
                                      null=True, blank=True, related_name="places")
    building = models.ForeignKey(Building, verbose_name=_("pand"), on_delete=models.SET_NULL, null=True,
                                 blank=True, related_name="places")
    # Accessibility facts (None = not known yet).
    step_free_entrance = models.BooleanField(_("drempelvrije entree"), null=True, blank=True)
    accessible_toilet = models.BooleanField(_("toegankelijk toilet"), null=True, blank=True)
    hearing_loop = models.BooleanField(_("ringleiding"), null=True, blank=True)
    disabled_parking = models.BooleanField(_("invalidenparkeerplaats"), null=True, blank=True)
    accessibility_notes = models.TextField(_("toelichting toegankelijkheid"), blank=True, validators=LONG_TEXT)
    # OSM opening_hours syntax, validated on every door so that "open now" can read it (ADR 0601).
    opening_hours = models.TextField(_("openingstijden"), blank=True, help_text=HOURS_HELP_TEXT,
                                     validators=[plain_text, MaxLengthValidator(2000), opening_hours_validator])
    public_email = models.EmailField(_("e-mail voor bezoekers"), blank=True)
    public_phone = models.CharField(_("telefoon voor bezoekers"), max_length=30, blank=True, validators=[plain_line])
    website = models.URLField(_("website"), blank=True)
    # The public source of a real place's facts (title and link). Notes on how facts were found stay in the
    # provenance file, never on the page.
    source_title = models.CharField(
        _("bron"), max_length=200, blank=True, validators=[plain_line],
        help_text=_("De openbare bron van de gegevens, bijvoorbeeld de website van de plek."))
    source_url = models.URLField(_("link naar de bron"), blank=True)
    board_accounts = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("accounts van het bestuur"),
                                            blank=True, related_name="board_places")
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("ontmoetingsplek")
        verbose_name_plural = _("ontmoetingsplekken")

    def __str__(self) -> str:
        return self.name

    @property
    def address(self) -> str:
        line = " ".join(p for p in (self.street, self.house_number) if p)
        town = " ".join(p for p in (self.postcode, self.city) if p)
        return ", ".join(p for p in (line, town) if p)


class TypeHistoryQuerySet(models.QuerySet["PlaceTypeChange"]):
    def in_force(self) -> TypeHistoryQuerySet:
        """Entries that count: not retracted, not corrected by a later entry (the history itself is append-only)."""
        return self.filter(superseded_by__isnull=True).exclude(kind=TypeEntryKind.RETRACTION)


class PlaceTypeChange(models.Model):
    """One dated entry in a place's type history (the first one is its type at registration).

    Entries are only ever added. A wrong entry is corrected by a new entry that ``supersedes`` it, and a
    future-dated one is retracted by a retraction entry; both carry a reason and an audit event.
    """

    place = models.ForeignKey(MeetingPlace, on_delete=models.CASCADE, related_name="type_history")
    kind = models.CharField(_("soort"), max_length=12, choices=TypeEntryKind.choices, default=TypeEntryKind.RECORD)
    supersedes = models.OneToOneField("self", verbose_name=_("vervangt"), on_delete=models.PROTECT, null=True,
                                      blank=True, related_name="superseded_by")
    from_type = models.CharField(_("van"), max_length=32, choices=PlaceType.choices, blank=True)
    to_type = models.CharField(_("naar"), max_length=32, choices=PlaceType.choices, blank=True)
    effective_date = models.DateField(_("ingangsdatum"))
    reason = models.TextField(_("reden"), blank=True)
    cap_override = models.BooleanField(_("plafond bewust overschreden"), default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+")
    recorded_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    objects = TypeHistoryQuerySet.as_manager()

    class Meta:
        ordering = ["effective_date", "id"]
        verbose_name = _("typewijziging")
        verbose_name_plural = _("typewijzigingen")

    def __str__(self) -> str:
        return f"{self.place}: {self.get_to_type_display()} ({self.effective_date})"


class Board(models.Model):
    """The volunteer board running a place, with the Ogh conditions stored as checks (no home addresses)."""

    place = models.OneToOneField(MeetingPlace, on_delete=models.CASCADE, related_name="board")
    legal_name = models.CharField(_("rechtspersoon"), max_length=200, blank=True, validators=[plain_line])
    kvk_number = models.CharField(_("KvK-nummer"), max_length=8, blank=True, validators=[kvk_validator],
                                  help_text=_("8 cijfers."))
    based_in_maastricht = models.BooleanField(_("gevestigd in Maastricht"), null=True, blank=True)
    # The Ogh's board condition has two parts: the number of members, which the register derives from the
    # members listed (against the plan's minimum), and what only a check can tell (no first-degree family ties,
    # not all at one address), stored as checked yes/no with its date — never the members' addresses.
    board_condition_met = models.BooleanField(
        _("geen familie of één adres (gecontroleerd)"), null=True, blank=True,
        help_text=_("Geen eerstegraads familie en niet allen op één adres. Het aantal bestuursleden telt het "
                    "register zelf."))
    board_condition_checked_on = models.DateField(_("gecontroleerd op"), null=True, blank=True,
                                                  validators=[not_in_future])
    kvk_matches = models.BooleanField(_("bestuur komt overeen met KvK"), null=True, blank=True)
    kvk_checked_on = models.DateField(_("KvK gecontroleerd op"), null=True, blank=True, validators=[not_in_future])

    class Meta:
        verbose_name = _("bestuur")
        verbose_name_plural = _("besturen")

    def __str__(self) -> str:
        return self.legal_name or str(self.place)


class BoardMember(models.Model):
    """A board member: name, role and a contact only (data minimisation, AVG art. 5)."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("naam"), max_length=150, validators=[plain_line])
    role = models.CharField(_("functie"), max_length=20, choices=BoardRole.choices, default=BoardRole.MEMBER)
    contact = models.CharField(_("contact (e-mail of telefoon)"), max_length=200, blank=True, validators=[plain_line])

    class Meta:
        ordering = ["role", "name"]
        verbose_name = _("bestuurslid")
        verbose_name_plural = _("bestuursleden")

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"
