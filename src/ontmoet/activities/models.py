"""Activities registered by the places (issue 11, point 1; domain.md §7).

A weekly activity is an :class:`ActivitySeries` whose occurrences are stored as :class:`Activity` rows, so that
a board can edit one occurrence or all, and cancel one (``cancelled``) without losing the others; the monitoring
counts each occurrence that was held.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ontmoet.accounts.permissions import restrict_to_acted_for
from ontmoet.activities.types import Category, Initiator
from ontmoet.core.validators import plain_line
from ontmoet.places.models import MeetingPlace

#: Estimated participants of one activity: a number a volunteer can estimate, with a ceiling against typos.
MAX_PARTICIPANTS = 10_000

__all__ = ["MAX_PARTICIPANTS", "Activity", "ActivitySeries", "Category", "Initiator"]


class ActivityQuerySet(models.QuerySet["Activity"]):
    def visible_to(self, user: object) -> ActivityQuerySet:
        """The activities of the places ``user`` acts for (ownership rule, ADR 0011)."""
        return restrict_to_acted_for(self, user, place_field="place")

    def held(self) -> ActivityQuerySet:
        return self.filter(cancelled=False)


class _ActivityFacts(models.Model):
    """The facts a series and each of its occurrences share."""

    place = models.ForeignKey(MeetingPlace, verbose_name=_("plek"), on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("titel"), max_length=200, validators=[plain_line])
    category = models.CharField(_("categorie"), max_length=20, choices=Category.choices, default=Category.OTHER)
    start_time = models.TimeField(_("begintijd"), null=True, blank=True)
    end_time = models.TimeField(_("eindtijd"), null=True, blank=True)
    initiated_by = models.CharField(_("geïnitieerd door"), max_length=20, choices=Initiator.choices)
    organised_by = models.CharField(_("georganiseerd door"), max_length=20, choices=Initiator.choices)
    participants = models.PositiveIntegerField(
        _("deelnemers (geschat)"), default=0, validators=[MinValueValidator(0), MaxValueValidator(MAX_PARTICIPANTS)])
    target_group = models.CharField(_("doelgroep"), max_length=200, blank=True, validators=[plain_line])
    is_public = models.BooleanField(_("openbaar"), default=True,
                                    help_text=_("Openbare activiteiten staan in de activiteitenzoeker."))

    class Meta:
        abstract = True


class ActivitySeries(_ActivityFacts):
    """A weekly activity: from ``first_date`` every ``interval_weeks`` weeks until ``until``."""

    place = models.ForeignKey(MeetingPlace, verbose_name=_("plek"), on_delete=models.CASCADE,
                              related_name="activity_series")
    first_date = models.DateField(_("eerste datum"))
    until = models.DateField(_("tot en met"))
    interval_weeks = models.PositiveSmallIntegerField(
        _("om de hoeveel weken"), default=1, validators=[MinValueValidator(1), MaxValueValidator(52)])
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    changed_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        ordering = ["place", "first_date", "start_time", "id"]
        verbose_name = _("reeks activiteiten")
        verbose_name_plural = _("reeksen activiteiten")

    def __str__(self) -> str:
        return f"{self.title} ({self.place})"


class Activity(_ActivityFacts):
    """One activity on one date (an occurrence of a series, or on its own)."""

    place = models.ForeignKey(MeetingPlace, verbose_name=_("plek"), on_delete=models.CASCADE,
                              related_name="activities")
    series = models.ForeignKey(ActivitySeries, verbose_name=_("reeks"), on_delete=models.SET_NULL, null=True,
                               blank=True, related_name="occurrences")
    date = models.DateField(_("datum"))
    cancelled = models.BooleanField(_("vervallen"), default=False)
    changed_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["date", "start_time", "id"]
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        indexes = [
            # The monitoring counts the activities of a year per place; the finder lists a place's coming ones.
            models.Index(fields=["date", "place"], name="activity_date_place"),
            models.Index(fields=["place", "date"], name="activity_place_date"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%d-%m-%Y})"


#: The columns of a tally: one per (initiated by, organised by), so that a share for any set of groups is a sum.
TALLY_PAIRS = tuple((i.value, o.value) for i in Initiator for o in Initiator)


def tally_column(initiated_by: str, organised_by: str) -> str:
    return f"n_{initiated_by}_{organised_by}"


class ActivityTally(models.Model):
    """The held activities of one place in one month, counted per (initiated by, organised by), with their
    participants: what the monitoring sums instead of reading every activity (issue 11, point 7).

    Kept exact by the services of this app: every write recounts the months it touched from the activities
    themselves (``ontmoet.activities.tallies``). A place's type is not in it: the monitoring applies the type
    on each day, reading the activities themselves only for a month in which the type changed."""

    place = models.ForeignKey(MeetingPlace, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()  # the first day of the month
    held = models.PositiveIntegerField(default=0)
    participants = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["month", "place"], name="activity_tally_month_place")]

    def __str__(self) -> str:
        return f"{self.place_id} {self.month:%Y-%m}: {self.held}"


for _initiated, _organised in TALLY_PAIRS:
    ActivityTally.add_to_class(tally_column(_initiated, _organised), models.PositiveIntegerField(default=0))
