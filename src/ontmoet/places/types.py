"""Place types (glossary) with their Dutch labels, and the labels accepted on import."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ontmoet.domain.register import PlaceKind


class PlaceType(models.TextChoices):
    COMMUNITY_HOUSE = PlaceKind.COMMUNITY_HOUSE.value, _("Gemeenschapshuis")
    MEETING_CENTRE = PlaceKind.MEETING_CENTRE.value, _("Ontmoetingscentrum")
    NEIGHBOURHOOD_HOUSE = PlaceKind.NEIGHBOURHOOD_HOUSE.value, _("Huis van de Wijk")
    LIVING_ROOM = PlaceKind.LIVING_ROOM.value, _("Huiskamer")
    SOCIAL_RESTAURANT = PlaceKind.SOCIAL_RESTAURANT.value, _("Sociaal restaurant")
    OTHER_SMALL_SCALE = PlaceKind.OTHER_SMALL_SCALE.value, _("Andere kleinschalige plek")


class TypeEntryKind(models.TextChoices):
    RECORD = "record", _("Vastgelegd")
    CORRECTION = "correction", _("Correctie")
    RETRACTION = "retraction", _("Ingetrokken")


class OwnerKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Gemeente Maastricht")
    OTHER = "other", _("Andere eigenaar")


class BoardRole(models.TextChoices):
    CHAIR = "chair", _("Voorzitter")
    SECRETARY = "secretary", _("Secretaris")
    TREASURER = "treasurer", _("Penningmeester")
    MEMBER = "member", _("Lid")


class EnergyLabel(models.TextChoices):
    A4 = "A++++", "A++++"
    A3 = "A+++", "A+++"
    A2 = "A++", "A++"
    A1 = "A+", "A+"
    A = "A", "A"
    B = "B", "B"
    C = "C", "C"
    D = "D", "D"
    E = "E", "E"
    F = "F", "F"
    G = "G", "G"
