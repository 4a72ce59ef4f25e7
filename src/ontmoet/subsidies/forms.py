"""Forms of the subsidy pages: a new application, a document, and the fields of the steps."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ontmoet.core.forms import EuroField, StyledFormMixin
from ontmoet.core.validators import plain_line, plain_text
from ontmoet.subsidies.models import AdviceChoice, Scheme


class ApplicationForm(StyledFormMixin, forms.Form):
    scheme = forms.ModelChoiceField(label=_("Regeling"), queryset=Scheme.objects.none())
    place = forms.ChoiceField(label=_("Plek"))
    year = forms.TypedChoiceField(label=_("Jaar"), coerce=int)
    amount_requested = EuroField(label=_("Gevraagd bedrag (€)"), required=False, max_digits=10, example="12.500",
                                 help_text=_("Leeg laten bij een vast bedrag per soort plek."))
    description = forms.CharField(label=_("Toelichting"), required=False, validators=[plain_text],
                                  widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args: Any, places: list[tuple[int, str]], years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["scheme"].queryset = Scheme.objects.order_by("block", "name")  # type: ignore[attr-defined]
        self.fields["place"].choices = [(str(pk), name) for pk, name in places]  # type: ignore[attr-defined]
        self.fields["year"].choices = [(y, str(y)) for y in years]  # type: ignore[attr-defined]


class DocumentForm(StyledFormMixin, forms.Form):
    kind = forms.CharField(label=_("Soort stuk"), max_length=100, validators=[plain_line],
                           help_text=_("Bijvoorbeeld begroting, jaarrekening of offerte."))
    file = forms.FileField(label=_("Bestand"), help_text=_("PDF, Excel (xlsx) of een afbeelding (PNG, JPEG)."))


class StepForm(StyledFormMixin, forms.Form):
    """Every field a step may need; the step's own form on the page shows only its own."""

    note = forms.CharField(label=_("Toelichting"), required=False, validators=[plain_text], widget=forms.Textarea(
        attrs={"rows": 3}))
    advice = forms.ChoiceField(label=_("Advies"), choices=AdviceChoice.choices, required=False)
    decision = forms.ChoiceField(label=_("Besluit"), choices=AdviceChoice.choices, required=False)
    amount = EuroField(label=_("Bedrag (€)"), required=False, max_digits=10, example="12.500")
    weeks = forms.IntegerField(label=_("Aantal weken"), required=False, min_value=1, max_value=8)
    founded = forms.BooleanField(label=_("Het bezwaar is gegrond"), required=False)
