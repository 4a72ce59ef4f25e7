"""Forms of the login page and of the administrator's account pages (the rules themselves are in the services)."""

from __future__ import annotations

import math
from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ontmoet.accounts.login_guard import client_address, lock_of
from ontmoet.accounts.models import TokenScope
from ontmoet.accounts.roles import Role
from ontmoet.accounts.selectors import place_choices
from ontmoet.core.forms import StyledFormMixin

#: What the configured password validators require, as one sentence under the field (in the interface language).
PASSWORD_RULES = lazy(lambda: " ".join(password_validation.password_validators_help_texts()), str)()


def _refuse_while_locked(username: str, request: HttpRequest | None) -> None:
    until = lock_of(username=username, address=client_address(request))
    if until is not None:
        minutes = max(1, math.ceil((until - timezone.now()).total_seconds() / 60))
        raise ValidationError(
            ngettext("Te veel mislukte pogingen om in te loggen. Probeer het over %(n)d minuut opnieuw.",
                     "Te veel mislukte pogingen om in te loggen. Probeer het over %(n)d minuten opnieuw.",
                     minutes) % {"n": minutes}, code="locked")


class LoginForm(StyledFormMixin, AuthenticationForm):
    """The login, throttled (login_guard): while an account or address is locked, even the right password is
    refused, with the same message whether the account exists or not."""

    def clean(self) -> dict[str, Any]:
        username = self.data.get("username", "")
        if isinstance(username, str) and username.strip():
            _refuse_while_locked(username, self.request)
        return super().clean()


class TwoFactorCodeForm(StyledFormMixin, forms.Form):
    """The six-digit code of the authenticator app (enrolment), or also a recovery code (verification); refused
    while the account is locked by the login throttle, like the password."""

    code = forms.CharField(label=_("Code uit de app"), max_length=32, strip=True,
                           widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric",
                                                         "spellcheck": "false"}))

    def __init__(self, *args: Any, user: Any, request: HttpRequest, recovery: bool = False,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user, self.request = user, request
        if recovery:
            self.fields["code"].label = _("Code uit de app of herstelcode")
            self.fields["code"].help_text = _("Zes cijfers uit uw authenticator-app, of een van uw herstelcodes "
                                              "als u de app niet bij de hand hebt.")
            self.fields["code"].widget.attrs["inputmode"] = "text"
        else:
            self.fields["code"].help_text = _("De zes cijfers die de app nu toont.")

    def clean(self) -> dict[str, Any]:
        _refuse_while_locked(self.user.get_username(), self.request)
        return super().clean() or {}


class _RoleAndPlacesForm(StyledFormMixin, forms.Form):
    full_name = forms.CharField(label=_("Naam"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Rol"), choices=Role.choices)
    places: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Plekken (alleen voor een bestuurslid)"), queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Een bestuurslid handelt alleen voor de plekken die hier zijn aangevinkt."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["places"].queryset = place_choices()  # type: ignore[attr-defined]


class UserCreateForm(_RoleAndPlacesForm):
    username = forms.CharField(label=_("Gebruikersnaam"), max_length=150)
    password = forms.CharField(label=_("Wachtwoord"), strip=False, widget=forms.PasswordInput(render_value=True,
                               attrs={"autocomplete": "new-password"}),
                               help_text=PASSWORD_RULES)
    field_order = ["username", "full_name", "role", "places", "password"]


class UserEditForm(_RoleAndPlacesForm):
    pass


class PasswordResetForm(StyledFormMixin, forms.Form):
    password = forms.CharField(label=_("Nieuw wachtwoord"), strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                               help_text=PASSWORD_RULES)
    password_again = forms.CharField(label=_("Nieuw wachtwoord (nogmaals)"), strip=False,
                                     widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password") and data.get("password_again") and data["password"] != data["password_again"]:
            self.add_error("password_again", _("De twee wachtwoorden zijn niet gelijk."))
        return data


class PasswordChangeForm(PasswordResetForm):
    """One's own new password, after the current one."""

    current = forms.CharField(label=_("Huidig wachtwoord"), strip=False,
                              widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))
    field_order = ["current", "password", "password_again"]


class TokenIssueForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Naam van het token"), max_length=100, initial="API",
                           help_text=_("Waarvoor het token dient, bijvoorbeeld de koppeling die het gebruikt."))
    scope = forms.ChoiceField(label=_("Bereik"), choices=TokenScope.choices, initial=TokenScope.READ)
    days = forms.IntegerField(label=_("Geldig (dagen)"), min_value=1, max_value=365, initial=90)
