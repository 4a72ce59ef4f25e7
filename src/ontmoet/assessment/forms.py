"""Forms of the afwegingskader: the what-if question and the statistics upload."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ontmoet.assessment import errors
from ontmoet.assessment.evaluation import AssessmentRequest
from ontmoet.core.forms import StyledFormMixin, coordinate_field
from ontmoet.domain.assessment import ModernisationRequest
from ontmoet.places.models import Neighbourhood
from ontmoet.places.types import OwnerKind, PlaceType


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


class WhatIfForm(StyledFormMixin, forms.Form):
    """"A new huiskamer here: what does the framework say?" Works as a plain GET form without JavaScript."""

    type = forms.ChoiceField(label=_("Type plek"), choices=PlaceType.choices, initial=PlaceType.LIVING_ROOM)
    latitude = coordinate_field("latitude", label=_("Breedtegraad (WGS84)"), example="50,8488",
                                help_text=_("Bijvoorbeeld 50,8488. Een klik op de kaart vult dit voor u in."))
    longitude = coordinate_field("longitude", label=_("Lengtegraad (WGS84)"), example="5,6887",
                                 help_text=_("Bijvoorbeeld 5,6887."))
    neighbourhood = forms.ModelChoiceField(
        label=_("Of kies een buurt"), queryset=Neighbourhood.objects.order_by("name"), to_field_name="code",
        required=False, empty_label=_("— gebruik de coördinaten —"),
        help_text=_("Kiest u een buurt, dan gebruiken we het labelpunt van die buurt in plaats van de coördinaten."))
    weighty_reason = forms.CharField(
        label=_("Zwaarwegende reden om de plek niet in een Ontmoetingscentrum of Huis van de Wijk onder te brengen"),
        required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    building_owner = forms.ChoiceField(label=_("Eigenaar van het pand"), required=False,
                                       choices=[("", _("Onbekend")), *OwnerKind.choices])
    run_by = forms.ChoiceField(
        label=_("Wie draagt de plek?"), required=False,
        choices=[("", _("Onbekend")), ("board", _("Een bestuur of de inwoners")), ("municipality", _("De gemeente"))])
    modernisation = forms.BooleanField(label=_("Het gaat om een aanvraag voor modernisering"), required=False)
    sustainability_measures = forms.CharField(
        label=_("Duurzaamheidsmaatregelen (één per regel)"), required=False, max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}))
    accessibility_measures = forms.CharField(
        label=_("Maatregelen voor toegankelijkheid (één per regel)"), required=False, max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}))
    justification = forms.CharField(
        label=_("Toelichting als een soort maatregel ontbreekt"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}))
    involvement = forms.CharField(
        label=_("Hoe is de buurt betrokken?"), required=False, max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Laat leeg als dat nog niet bekend is; de regel is dan niet van toepassing."))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("neighbourhood"):
            return data
        lat, lon = data.get("latitude"), data.get("longitude")
        if "latitude" in self.errors or "longitude" in self.errors:
            return data
        if lat is None and lon is None:
            raise forms.ValidationError(errors.LOCATION_REQUIRED)
        if lat is None:
            self.add_error("latitude", errors.COORDINATES_PAIR)
        elif lon is None:
            self.add_error("longitude", errors.COORDINATES_PAIR)
        return data

    def to_request(self) -> AssessmentRequest:
        data = self.cleaned_data
        neighbourhood = data.get("neighbourhood")
        modernisation = None
        if data.get("modernisation"):
            modernisation = ModernisationRequest(
                sustainability_measures=_lines(data.get("sustainability_measures", "")),
                accessibility_measures=_lines(data.get("accessibility_measures", "")),
                justification=data.get("justification", ""))
        run_by = data.get("run_by") or ""
        return AssessmentRequest(
            type=data["type"],
            latitude=None if neighbourhood else data.get("latitude"),
            longitude=None if neighbourhood else data.get("longitude"),
            neighbourhood_code=neighbourhood.code if neighbourhood else None,
            weighty_reason=data.get("weighty_reason", ""),
            building_owner=data.get("building_owner") or None,
            place_run_by_municipality={"board": False, "municipality": True}.get(run_by),
            modernisation=modernisation,
            involvement=(data.get("involvement") or "").strip() or None,
        )


class StatisticsImportForm(StyledFormMixin, forms.Form):
    file = forms.FileField(label=_("CSV-bestand met buurtcijfers"),
                           help_text=_("Kolommen: buurtcode, year, source, residents en de indicatoren."))
    dry_run = forms.BooleanField(label=_("Alleen controleren, niets opslaan"), required=False)
