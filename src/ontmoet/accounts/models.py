"""Accounts: a user has exactly one role (domain.md §1); board members are linked to their places."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from ontmoet.accounts.roles import STAFF_ROLES, Role
from ontmoet.core.validators import plain_line


class User(AbstractUser):
    role = models.CharField(_("rol"), max_length=32, choices=Role.choices)

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def has_role(self, *roles: str) -> bool:
        return self.is_active and self.role in roles

    @property
    def is_staff_role(self) -> bool:
        """Municipal or Trajekt staff (everyone but a board member)."""
        return self.role in STAFF_ROLES


class LoginAttempt(models.Model):
    """One login attempt, kept to throttle guessing (ontmoet.accounts.login_guard) and for the security page.

    The username is stored as typed (normalised to lower case), also when no such account exists, so that
    guessing names is throttled like guessing passwords."""

    at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    username = models.CharField(_("gebruikersnaam"), max_length=150, db_index=True)
    address = models.GenericIPAddressField(_("adres"), null=True, blank=True, db_index=True)
    succeeded = models.BooleanField(_("gelukt"), default=False)

    class Meta:
        verbose_name = _("inlogpoging")
        verbose_name_plural = _("inlogpogingen")
        indexes = [models.Index(fields=["username", "at"]), models.Index(fields=["address", "at"])]

    def __str__(self) -> str:
        return f"{self.username}@{self.address}"


class TokenScope(models.TextChoices):
    READ = "read", _("alleen lezen")
    WRITE = "write", _("lezen en schrijven")


class ApiToken(models.Model):
    """An API token (ontmoet.accounts.tokens): only the SHA-256 of its key is stored, so a copy of the database
    gives no access; the key is shown once, when it is issued. A token has a name, a scope, an expiry, and
    its last use (written at most once a minute)."""

    user = models.ForeignKey(User, verbose_name=_("account"), on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("naam"), max_length=100, validators=[plain_line])
    prefix = models.CharField(_("begin van de sleutel"), max_length=12)
    key_hash = models.CharField(max_length=64, unique=True)
    scope = models.CharField(_("bereik"), max_length=8, choices=TokenScope.choices, default=TokenScope.WRITE)
    created_at = models.DateTimeField(_("uitgegeven op"), auto_now_add=True)
    expires_at = models.DateTimeField(_("verloopt op"))
    last_used_at = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("API-token")
        verbose_name_plural = _("API-tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def usable(self, now: dt.datetime) -> bool:
        return self.revoked_at is None and self.expires_at > now
