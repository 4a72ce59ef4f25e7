"""The audit trail: one event per state change, written by the service that made the change."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """Who did what to which object, when, with the changed fields before and after.

    Rows are only ever inserted (by :func:`ontmoet.core.audit.audit_record`, inside the service's
    transaction); nothing deletes them. The one update is the AVG erasure, which replaces ``actor_name`` and the
    account's ``object_repr`` by the person's pseudonym (``ontmoet.datacare.services``, ADR 0702).
    """

    at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    actor_name = models.CharField(_("naam van de handelende"), max_length=150)
    action = models.CharField(_("handeling"), max_length=80, db_index=True)
    object_type = models.CharField(_("soort object"), max_length=80)
    object_id = models.CharField(_("object-id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=255)
    changes = models.JSONField(_("wijzigingen"), default=dict, blank=True)
    reason = models.TextField(_("reden"), blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id", "-at"])]
        verbose_name = _("auditgebeurtenis")
        verbose_name_plural = _("auditgebeurtenissen")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.object_repr}"


class SerialLock(models.Model):
    """A named lock row for SQLite (``ontmoet.core.locks.serialise``); PostgreSQL uses advisory locks instead."""

    name = models.CharField(max_length=100, unique=True)
    generation = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return self.name


class DataVersion(models.Model):
    """One counter that rises after every committed state change (``ontmoet.core.versions``): a cached page
    part stored under the number it was computed at is never shown once anything has changed."""

    key = models.CharField(max_length=40, primary_key=True)
    number = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.key}={self.number}"
