"""Forms of the register pages. Validation of the facts themselves lives in the services and models."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontmoet.core.forms import StyledFormMixin, coordinate_field
from ontmoet.places import errors
from ontmoet.places.fields import REGISTER_FIELDS, field_labels
from ontmoet.places.models import Board, BoardMember, Building, MeetingPlace
from ontmoet.places.selectors import ACCESSIBILITY_FACTS, PlaceFilters, area_choices
from ontmoet.places.types import PlaceType

ACCESSIBILITY_LABELS = {
    "step_free_entrance": _("Drempelvrije entree"),
    "accessible_toilet": _("Toegankelijk toilet"),
    "hearing_loop": _("Ringleiding"),
    "disabled_parking": _("Invalidenparkeerplaats"),
}
_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PlaceFilterForm(StyledFormMixin, forms.Form):
    search = forms.CharField(label=_("Zoek op naam of straat"), required=False, max_length=100)
    type = forms.ChoiceField(label=_("Type"), required=False, choices=[("", _("Alle typen")), *PlaceType.choices])
    district = forms.ChoiceField(label=_("Wijk"), required=False)
    neighbourhood = forms.ChoiceField(label=_("Buurt"), required=False)
    accessibility = forms.MultipleChoiceField(
        label=_("Toegankelijkheid"), required=False, widget=forms.CheckboxSelectMultiple,
        choices=list(ACCESSIBILITY_LABELS.items()))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        district, neighbourhood = self.fields["district"], self.fields["neighbourhood"]
        assert isinstance(district, forms.ChoiceField) and isinstance(neighbourhood, forms.ChoiceField)
        # With a wijk chosen, the buurt list holds only its buurten (A15); reference data, read once per process.
        chosen = str(self.data.get("district", "")) if self.is_bound else ""
        districts, buurten = area_choices(chosen)
        district.choices = [("", _("Alle wijken")), *districts]
        neighbourhood.choices = [("", _("Alle buurten")), *buurten]
        picked = str(self.data.get("neighbourhood", "")) if self.is_bound else ""
        other_wijk = {code for code, _n in area_choices()[1]} - {code for code, _n in buurten}
        if picked in other_wijk:
            # A buurt of another wijk (the wijk was changed after it): the wijk wins and the buurt list shows
            # "Alle buurten" again, as the user sees. A code that is no buurt at all stays an error.
            data = self.data.copy()  # type: ignore[attr-defined]  # a QueryDict or a dict: both copy
            data["neighbourhood"] = ""
            self.data = data
        self.fields["accessibility"].widget.attrs["class"] = "ontmoet-checkbox-list"

    def filters(self) -> PlaceFilters:
        """The filters to apply; invalid values are dropped (the form shows why)."""
        data = self.cleaned_data if self.is_valid() else {}
        return PlaceFilters(
            type=data.get("type", ""), district=data.get("district", ""),
            neighbourhood=data.get("neighbourhood", ""), search=data.get("search", ""),
            accessibility=tuple(f for f in data.get("accessibility", []) if f in ACCESSIBILITY_FACTS),
        )


class PlaceForm(StyledFormMixin, forms.ModelForm[MeetingPlace]):
    """The facts of a place; the fields shown depend on what the user may change (services.editable_fields)."""

    class Meta:
        model = MeetingPlace
        fields = [
            "name", "street", "house_number", "postcode", "city", "latitude", "longitude", "neighbourhood",
            "description", "opening_hours", "public_email", "public_phone", "website",
            "step_free_entrance", "accessible_toilet", "hearing_loop", "disabled_parking", "accessibility_notes",
            "source_title", "source_url",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "opening_hours": forms.Textarea(attrs={"rows": 3}),
                   "accessibility_notes": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"neighbourhood": _("Alleen voor een plek zonder coördinaten. Met coördinaten volgt de buurt "
                                         "uit het punt.")}

    # Text boxes that read Dutch decimals (50,8512 or 50.8512), each with its own example (A10).
    latitude = coordinate_field("latitude", label=_("Breedtegraad"), example="50,8512",
                                help_text=_("WGS84, zoals op een online kaart. Bijvoorbeeld 50,8512."))
    longitude = coordinate_field("longitude", label=_("Lengtegraad"), example="5,6909",
                                 help_text=_("Bijvoorbeeld 5,6909."))

    #: Fields of the form itself (not facts of the place) that are always kept.
    own_fields: tuple[str, ...] = ()

    def __init__(self, *args: Any, allowed: tuple[str, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.allowed = allowed
        for name in list(self.fields):
            if name not in allowed and name not in self.own_fields:
                del self.fields[name]
        for name in ACCESSIBILITY_FACTS:
            if name in self.fields:
                self.fields[name].widget = forms.NullBooleanSelect()
        self.style_widgets()

    def clean(self) -> dict[str, Any]:
        # A field the user may not change is refused by name, as the API does, never dropped silently.
        sent = [name for name in REGISTER_FIELDS if name in self.data and name not in self.allowed]
        if sent:
            raise forms.ValidationError(errors.FIELDS_NOT_ALLOWED % {"fields": ", ".join(field_labels(sent))})
        return super().clean() or {}

    def _post_clean(self) -> None:
        # The service validates the whole place (and derives the buurt); the form only parses input.
        pass


class PlaceCreateForm(PlaceForm):
    """A new place: its facts, and its type with the date from which it holds (the first type entry)."""

    own_fields = ("type", "since")
    type = forms.ChoiceField(label=_("Type"), choices=PlaceType.choices)
    since = forms.DateField(label=_("Type geldig vanaf"), widget=_DATE, initial=timezone.localdate,
                            help_text=_("Bijvoorbeeld de datum waarop de plek opende of gemeenschapshuis werd."))
    field_order = ["name", "type", "since"]


class TypeCorrectionForm(StyledFormMixin, forms.Form):
    """Correct one entry of the type history: the new entry supersedes it."""

    prefix = "correct"
    entry = forms.IntegerField(widget=forms.HiddenInput)
    to_type = forms.ChoiceField(label=_("Juiste type"), choices=PlaceType.choices)
    effective_date = forms.DateField(label=_("Juiste ingangsdatum"), widget=_DATE)
    reason = forms.CharField(label=_("Reden van de correctie"), widget=forms.Textarea(attrs={"rows": 2}),
                             max_length=2000)
    cap_override = forms.BooleanField(
        label=_("Ik overschrijd het maximum uit het beleidsplan bewust (wordt vastgelegd in de audit)"), required=False)


class TypeRetractionForm(StyledFormMixin, forms.Form):
    """Retract a type change that has not taken effect yet."""

    prefix = "retract"
    entry = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Reden van het intrekken"), widget=forms.Textarea(attrs={"rows": 2}),
                             max_length=2000)


class TypeChangeForm(StyledFormMixin, forms.Form):
    to_type = forms.ChoiceField(label=_("Nieuw type"), choices=PlaceType.choices)
    effective_date = forms.DateField(label=_("Ingangsdatum"), widget=_DATE)
    reason = forms.CharField(label=_("Reden"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000,
                             help_text=_("Bijvoorbeeld: besluit van het bestuur van 12 maart om "
                                         "Ontmoetingscentrum te worden."))
    cap_override = forms.BooleanField(
        label=_("Ik overschrijd het maximum uit het beleidsplan bewust (wordt vastgelegd in de audit)"), required=False)


class BuildingForm(StyledFormMixin, forms.ModelForm[Building]):
    prefix = "building"

    class Meta:
        model = Building
        fields = ["name", "owner_kind", "owner_name", "energy_label", "sustainability_measures"]
        widgets = {"sustainability_measures": forms.Textarea(attrs={"rows": 2})}


class BoardForm(StyledFormMixin, forms.ModelForm[Board]):
    prefix = "board"

    class Meta:
        model = Board
        fields = ["legal_name", "kvk_number", "based_in_maastricht", "board_condition_met",
                  "board_condition_checked_on", "kvk_matches", "kvk_checked_on"]
        widgets = {"based_in_maastricht": forms.NullBooleanSelect(), "board_condition_met": forms.NullBooleanSelect(),
                   "kvk_matches": forms.NullBooleanSelect(), "board_condition_checked_on": _DATE,
                   "kvk_checked_on": _DATE}

    def _post_clean(self) -> None:
        pass


class BoardMemberForm(StyledFormMixin, forms.ModelForm[BoardMember]):
    prefix = "member"

    class Meta:
        model = BoardMember
        fields = ["name", "role", "contact"]

    def _post_clean(self) -> None:
        pass


class ImportForm(StyledFormMixin, forms.Form):
    file = forms.FileField(label=_("Bestand (CSV of XLSX)"))
    dry_run = forms.BooleanField(label=_("Alleen controleren, niets opslaan"), required=False)
