"""Messages of the access rules, defined once (pages, API and services show the same words)."""

from django.utils.translation import gettext_lazy as _

ROLE_NOT_ALLOWED = _("U hebt geen rol die deze handeling mag uitvoeren.")
PERSON_REQUIRED = _("Deze handeling moet door een ingelogde medewerker worden gedaan.")
NOT_FOUND = _("Niet gevonden.")
TOKEN_READ_ONLY = _("Dit API-token mag alleen lezen.")
