"""A resident's idea for an activity at a place ("help organise something here"): it reaches the place's board
on their start page and is deleted after ``RETENTION_DAYS`` (AVG art. 5(1)(e): no longer than needed)."""

from __future__ import annotations

from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ontmoet.core.validators import plain_line, plain_text
from ontmoet.places.models import MeetingPlace

#: How long an idea is kept: long enough for a volunteer board that meets monthly to answer it.
RETENTION_DAYS = 90
IDEA_MAX = 2000


class InitiativeRequest(models.Model):
    place = models.ForeignKey(MeetingPlace, verbose_name=_("plek"), on_delete=models.CASCADE,
                              related_name="initiative_requests")
    name = models.CharField(_("naam"), max_length=100, validators=[plain_line])
    contact = models.CharField(_("e-mail of telefoon"), max_length=200, validators=[plain_line])
    idea = models.TextField(_("idee"), validators=[plain_text, MaxLengthValidator(IDEA_MAX)])
    #: A keyed hash of the sender's network address, only to count submissions (the address is not kept).
    sender = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(_("ontvangen"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("idee van een bewoner")
        verbose_name_plural = _("ideeën van bewoners")

    def __str__(self) -> str:
        # No personal data: this text is what the audit trail keeps.
        return f"Idee voor {self.place}"
