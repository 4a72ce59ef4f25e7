"""Choices of the activities app with their Dutch labels (the codes are the domain's)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ontmoet.domain.activities import Initiator as InitiatorKind


class Initiator(models.TextChoices):
    """Who initiated or organised an activity: one of four (issue 11, point 1)."""

    RESIDENTS = InitiatorKind.RESIDENTS.value, _("Bewoners")
    BOARD = InitiatorKind.BOARD.value, _("Bestuur")
    PROFESSIONAL = InitiatorKind.PROFESSIONAL.value, _("Professional")
    ORGANISATION = InitiatorKind.ORGANISATION.value, _("Organisatie")


class Category(models.TextChoices):
    MEETING = "meeting", _("Ontmoeting")
    MEAL = "meal", _("Maaltijd")
    COURSE = "course", _("Cursus of workshop")
    CULTURE = "culture", _("Cultuur")
    SPORT = "sport", _("Sport en bewegen")
    INFORMATION = "information", _("Informatie en advies")
    CHILDREN = "children", _("Kinderen en jongeren")
    OTHER = "other", _("Overig")
