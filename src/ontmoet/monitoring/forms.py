"""Form of the monitoring: locking ("vaststellen") a year's figures."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ontmoet.core.forms import StyledFormMixin


class LockForm(StyledFormMixin, forms.Form):
    year = forms.IntegerField(label=_("Jaar"), min_value=2014, max_value=2100)
    reason = forms.CharField(label=_("Toelichting"), required=False, max_length=2000, widget=forms.Textarea(
        attrs={"rows": 3}), help_text=_("Verplicht als de cijfers van dit jaar al eerder zijn vastgesteld."))
