"""Forms of the activity pages: one form for a single activity or a weekly series (issue 11: under a minute)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ontmoet.activities.models import MAX_PARTICIPANTS
from ontmoet.activities.types import Category, Initiator
from ontmoet.core.forms import StyledFormMixin
from ontmoet.places.models import MeetingPlace

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")

REPEAT_CHOICES = [("once", _("Eén keer")), ("weekly", _("Elke week")), ("fortnightly", _("Om de week"))]
SCOPE_CHOICES = [("one", _("Alleen deze datum")), ("all", _("Alle datums van de reeks"))]


class ActivityForm(StyledFormMixin, forms.Form):
    place = forms.ModelChoiceField(label=_("Plek"), queryset=MeetingPlace.objects.none(), empty_label=None)
    title = forms.CharField(label=_("Titel"), max_length=200)
    date = forms.DateField(label=_("Datum"), widget=_DATE,
                           help_text=_("Bij een reeks: de eerste datum."))
    start_time = forms.TimeField(label=_("Begintijd"), required=False, widget=_TIME)
    end_time = forms.TimeField(label=_("Eindtijd"), required=False, widget=_TIME)
    category = forms.ChoiceField(label=_("Categorie"), choices=Category.choices, initial=Category.MEETING)
    initiated_by = forms.ChoiceField(label=_("Wie nam het initiatief?"), choices=Initiator.choices,
                                     initial=Initiator.RESIDENTS)
    organised_by = forms.ChoiceField(label=_("Wie organiseert het?"), choices=Initiator.choices,
                                     initial=Initiator.RESIDENTS)
    participants = forms.IntegerField(label=_("Aantal deelnemers (schatting)"), min_value=0,
                                      max_value=MAX_PARTICIPANTS, initial=10)
    target_group = forms.CharField(label=_("Doelgroep"), max_length=200, required=False,
                                   help_text=_("Bijvoorbeeld: ouderen, gezinnen, iedereen."))
    is_public = forms.BooleanField(label=_("Openbaar (staat in de activiteitenzoeker)"), required=False,
                                   initial=True)
    repeat = forms.ChoiceField(label=_("Herhalen"), choices=REPEAT_CHOICES, initial="once")
    until = forms.DateField(label=_("Herhalen tot en met"), required=False, widget=_DATE,
                            help_text=_("Alleen bij een reeks."))

    def __init__(self, *args: Any, places: Any, series_fields: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        place_field = self.fields["place"]
        assert isinstance(place_field, forms.ModelChoiceField)
        place_field.queryset = places
        if not series_fields:
            del self.fields["repeat"], self.fields["until"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("repeat", "once") != "once" and not data.get("until"):
            self.add_error("until", _("Vul in tot wanneer de activiteit herhaald wordt."))
        return data

    def values(self) -> dict[str, Any]:
        """The activity's facts (without place and repetition)."""
        data = self.cleaned_data
        return {name: data[name] for name in ("title", "date", "start_time", "end_time", "category",
                                              "initiated_by", "organised_by", "participants", "target_group",
                                              "is_public")}


class ActivityEditForm(ActivityForm):
    scope = forms.ChoiceField(label=_("Wijzigen voor"), choices=SCOPE_CHOICES, initial="one")
