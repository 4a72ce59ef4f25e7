"""The finder's search form (GET: every search is an address residents can share)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ontmoet.core.forms import StyledFormMixin
from ontmoet.finder.selectors import FinderQuery, Origin
from ontmoet.places.forms import ACCESSIBILITY_LABELS
from ontmoet.places.types import PlaceType

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class FinderForm(StyledFormMixin, forms.Form):
    q = forms.CharField(label=_("Adres, postcode, buurt of wijk"), required=False, max_length=100,
                        help_text=_("Bijvoorbeeld Caberg, 6217 of Voorbeeldstraat."))
    type = forms.ChoiceField(label=_("Soort plek"), required=False,
                             choices=[("", _("Alle soorten")), *PlaceType.choices])
    accessibility = forms.MultipleChoiceField(
        label=_("Toegankelijkheid"), required=False, widget=forms.CheckboxSelectMultiple,
        choices=list(ACCESSIBILITY_LABELS.items()))
    open_now = forms.BooleanField(label=_("Nu open"), required=False)
    open_on = forms.DateField(label=_("Open op dag"), required=False, widget=_DATE)
    activities_this_week = forms.BooleanField(label=_("Met een activiteit deze week"), required=False)
    category = forms.CharField(label=_("Soort activiteit"), required=False, max_length=100,
                               help_text=_("Bijvoorbeeld koffie, bewegen of creatief."))
    for_whom = forms.CharField(label=_("Voor wie"), required=False, max_length=100,
                               help_text=_("Bijvoorbeeld ouderen, jongeren of iedereen."))
    # Filled by "Zoek bij mij in de buurt" (the browser's location, asked only after that click).
    lat = forms.FloatField(required=False, min_value=50.7, max_value=51.0, widget=forms.HiddenInput)
    lon = forms.FloatField(required=False, min_value=5.5, max_value=5.9, widget=forms.HiddenInput)
    buurt = forms.CharField(required=False, max_length=10, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["accessibility"].widget.attrs["class"] = "ontmoet-checkbox-list"
        for name in ("open_now", "activities_this_week"):
            self.fields[name].widget.attrs["class"] = "utrecht-checkbox utrecht-checkbox--html-input"

    def query(self) -> FinderQuery:
        """What to look for; a value that is not valid is left out (the form says why)."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        origin = None
        if data.get("lat") is not None and data.get("lon") is not None:
            origin = Origin(data["lat"], data["lon"], str(_("uw locatie")))
        return FinderQuery(text=data.get("q", ""), type=data.get("type", ""),
                           accessibility=tuple(data.get("accessibility", [])), open_now=bool(data.get("open_now")),
                           open_on=data.get("open_on"), origin=origin, neighbourhood=data.get("buurt", ""),
                           activities_this_week=bool(data.get("activities_this_week")),
                           category=data.get("category", ""), for_whom=data.get("for_whom", ""))


class InitiativeForm(StyledFormMixin, forms.Form):
    """"Help organise something here": short, with a trap field and a signed start time instead of a
    third-party spam service."""

    name = forms.CharField(label=_("Uw naam"), max_length=100)
    contact = forms.CharField(label=_("Uw e-mailadres of telefoonnummer"), max_length=200,
                              help_text=_("Het bestuur gebruikt dit alleen om u te antwoorden."))
    idea = forms.CharField(label=_("Uw idee"), max_length=2000, widget=forms.Textarea(attrs={"rows": 5}),
                           help_text=_("Wat wilt u doen, voor wie, en wanneer ongeveer?"))
    # Left empty by people; filled by many robots (it is hidden from view and from the keyboard).
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False,
                              widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))
    started = forms.CharField(widget=forms.HiddenInput)
