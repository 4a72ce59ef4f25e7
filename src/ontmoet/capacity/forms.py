"""Forms of community work and board support: parse what is typed; the services decide."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontmoet.capacity.models import SupportKind, SupportProvider, SupportStatus
from ontmoet.core.forms import DutchNumberField, StyledFormMixin
from ontmoet.places.models import MeetingPlace
from ontmoet.places.types import BoardRole

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class YearForm(StyledFormMixin, forms.Form):
    year = forms.TypedChoiceField(label=_("Jaar"), coerce=int)

    def __init__(self, *args: Any, years: tuple[int, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(y, str(y)) for y in years]  # type: ignore[attr-defined]


class _PlaceForm(StyledFormMixin, forms.Form):
    """A form about one place: the choice is limited to the places the user acts for."""

    place = forms.ModelChoiceField(label=_("Plek"), queryset=MeetingPlace.objects.none())

    def __init__(self, *args: Any, places: QuerySet[MeetingPlace], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = places.order_by("name")  # type: ignore[attr-defined]
        self.style_widgets()


class CommunityWorkRequestForm(_PlaceForm):
    year = forms.TypedChoiceField(label=_("Jaar"), coerce=int)
    fte = DutchNumberField(label=_("Gevraagd (fte)"), example="0,25", grouping=False, max_digits=4,
                           decimal_places=2, min_value=Decimal("0.01"), max_value=Decimal(10),
                           help_text=_("Hoogstens ¼ fte per plek wordt toegekend (beleidsplan §5)."))
    purpose = forms.CharField(label=_("Doel"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
                              help_text=_("Bijvoorbeeld: met de buurt werken, bewoners van alle leeftijden bereiken "
                                          "die de plek nog niet bezoeken."))

    def __init__(self, *args: Any, years: tuple[int, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(y, str(y)) for y in years]  # type: ignore[attr-defined]
        self.style_widgets()


class HoursForm(_PlaceForm):
    month = forms.RegexField(label=_("Maand"), regex=r"^\d{4}-(0[1-9]|1[0-2])$",
                             widget=forms.TextInput(attrs={"type": "month", "placeholder": "2026-03"}),
                             help_text=_("JJJJ-MM, bijvoorbeeld 2026-03."),
                             error_messages={"invalid": _("Geef de maand als JJJJ-MM.")})
    hours = DutchNumberField(label=_("Uren"), example="12,5", grouping=False, max_digits=6, decimal_places=2,
                             min_value=Decimal(0), max_value=Decimal(744))


class SupportRequestForm(_PlaceForm):
    kind = forms.ChoiceField(label=_("Waarmee wilt u hulp?"), choices=SupportKind.choices)
    description = forms.CharField(label=_("Korte omschrijving"), max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 4}))


class TakeUpForm(StyledFormMixin, forms.Form):
    provider = forms.ChoiceField(label=_("Opgepakt door"), choices=SupportProvider.choices)
    contact_person = forms.CharField(label=_("Contactpersoon"), max_length=150)
    taken_up_on = forms.DateField(label=_("Opgepakt op"), widget=DATE, initial=timezone.localdate)


class CloseForm(StyledFormMixin, forms.Form):
    result = forms.ChoiceField(label=_("Resultaat"), choices=[
        (SupportStatus.DONE, _("Afgerond: het bestuur is geholpen")),
        (SupportStatus.CLOSED, _("Gesloten: niet (verder) geholpen"))])
    outcome = forms.CharField(label=_("Uitkomst"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    cost = DutchNumberField(label=_("Kosten van betaalde ondersteuning (€)"), example="750", required=False,
                            max_digits=10, decimal_places=2, min_value=Decimal(0),
                            help_text=_("Wordt geboekt als verplichting op bouwsteen 5."))
    closed_on = forms.DateField(label=_("Afgesloten op"), widget=DATE, initial=timezone.localdate)


class SupportFilterForm(StyledFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("Alle")), *SupportStatus.choices])
    kind = forms.ChoiceField(label=_("Soort"), required=False, choices=[("", _("Alle")), *SupportKind.choices])


class VacancyForm(_PlaceForm):
    role = forms.ChoiceField(label=_("Functie"), choices=BoardRole.choices)
    description = forms.CharField(label=_("Toelichting"), max_length=300, required=False)


class WorkingGroupMemberForm(_PlaceForm):
    name = forms.CharField(label=_("Naam van de afgevaardigde"), max_length=150)
    since = forms.DateField(label=_("Lid sinds"), widget=DATE, initial=timezone.localdate)


class MeetingForm(StyledFormMixin, forms.Form):
    date = forms.DateField(label=_("Datum"), widget=DATE, initial=timezone.localdate)
    agenda = forms.CharField(label=_("Agenda"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))
    decisions = forms.CharField(label=_("Besluiten"), max_length=5000, required=False,
                                widget=forms.Textarea(attrs={"rows": 4}))


def override_field_name(place_id: int) -> str:
    return f"fte_{place_id}"


class AllocationForm(StyledFormMixin, forms.Form):
    """One fte box and one reason per request: a value other than the proposal needs its reason."""

    def __init__(self, *args: Any, rows: list[tuple[int, str, Decimal]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        for place_id, name, proposed in rows:
            self.fields[override_field_name(place_id)] = DutchNumberField(
                label=_("Toekenning %(place)s (fte)") % {"place": name}, example="0,25", grouping=False,
                max_digits=4, decimal_places=2, min_value=Decimal(0), initial=proposed)
            self.fields[f"reason_{place_id}"] = forms.CharField(
                label=_("Reden van afwijking %(place)s") % {"place": name}, max_length=2000, required=False)
        self.style_widgets()

    def overrides(self, proposed: dict[int, Decimal]) -> dict[int, tuple[Decimal, str]]:
        result = {}
        for place_id, _name, _value in self.rows:
            value = self.cleaned_data.get(override_field_name(place_id))
            reason = self.cleaned_data.get(f"reason_{place_id}", "")
            if value is not None and (value != proposed.get(place_id) or reason):
                result[place_id] = (value, reason)
        return result

    def field_pairs(self) -> list[tuple[Any, Any]]:
        return [(self[override_field_name(pk)], self[f"reason_{pk}"]) for pk, _n, _v in self.rows]


def today() -> dt.date:
    return timezone.localdate()
