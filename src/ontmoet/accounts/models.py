"""Accounts: a user has exactly one role (domain.md §1); board members are linked to their places."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from ontmoet.accounts.roles import STAFF_ROLES, Role


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
