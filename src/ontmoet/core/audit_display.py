"""The audit trail as people read it: action labels, field labels and values in the interface language.

Events store codes (``place_change_type``, ``legal_name``, ``True``, ``community_house``) so that they stay
true whatever the interface says later. This module turns them into words when the page is shown (issue 7,
A6): the action's label from the registry (each app registers its own actions, so core knows no app), the field's
label from the model's verbose name, the value from the field's choices and type (Ja/Nee, type names, dates
as "1 maart 2026", amounts as "€ 62.000"). An action or key nobody registered is shown as it was stored,
never hidden.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ontmoet.core.models import AuditEvent
from ontmoet.core.registry import AuditAction, AuditField, audit_action
from ontmoet.domain.money import format_euro
from ontmoet.domain.numbers import format_number

EMPTY = "–"


@dataclass(frozen=True)
class ChangeLine:
    """One changed field: its label and the values before and after, as words."""

    key: str
    label: str
    before: str
    after: str
    #: The event brought the object or fact into being (nothing before): the page shows only the new value.
    new: bool = False


@dataclass(frozen=True)
class ReadableEvent:
    event: AuditEvent
    action: str
    changes: list[ChangeLine]


@dataclass(frozen=True)
class _Spec:
    label: str
    kind: str
    choices: Mapping[str, Any] | None


def readable_events(events: Iterable[AuditEvent]) -> list[ReadableEvent]:
    """The events with their action, fields and values in the active language."""
    return [readable_event(event) for event in events]


def readable_event(event: AuditEvent) -> ReadableEvent:
    action = audit_action(event.action)
    changes = event.changes if isinstance(event.changes, dict) else {}
    pairs = {key: (change.get("before"), change.get("after")) if isinstance(change, dict) else (None, change)
             for key, change in changes.items()}
    new = all(before is None for before, _after in pairs.values())
    lines = []
    for key, (before, after) in pairs.items():
        spec = _spec(action, event.object_type, key)
        lines.append(ChangeLine(key=key, label=spec.label, before=display_value(before, spec),
                                after=display_value(after, spec), new=new))
    return ReadableEvent(event=event, action=str(action.label) if action else event.action, changes=lines)


def _model_field(label: str, name: str) -> models.Field[Any, Any] | None:
    try:
        model = apps.get_model(label)
        found = model._meta.get_field(name)
    except (LookupError, ValueError, FieldDoesNotExist):
        return None
    return found if isinstance(found, models.Field) else None


def _spec(action: AuditAction | None, object_type: str, key: str) -> _Spec:
    extra: AuditField | None = action.fields.get(key) if action else None
    model_field = None
    for model_label in (*(action.models if action else ()), object_type):
        model_field = _model_field(model_label, key)
        if model_field is not None:
            break
    label: Any = extra.label if extra and extra.label is not None else None
    if label is None and model_field is not None:
        label = model_field.verbose_name
    text = key if label is None else str(label)[:1].upper() + str(label)[1:]
    kind = extra.kind if extra and extra.kind else _kind_of(model_field)
    choices = extra.choices if extra and extra.choices is not None else None
    if choices is None and model_field is not None and model_field.choices:
        choices = {str(code): name for code, name in model_field.flatchoices}
    return _Spec(label=text, kind=kind, choices=choices)


def _kind_of(model_field: models.Field[Any, Any] | None) -> str:
    if isinstance(model_field, models.BooleanField):
        return "bool"
    if isinstance(model_field, models.DateTimeField):
        return "datetime"
    if isinstance(model_field, models.DateField):
        return "date"
    if isinstance(model_field, models.DecimalField):
        return "decimal"
    return "text"


def display_value(value: Any, spec: _Spec) -> str:
    """One stored value as words: choices by their label, yes/no, dates in the interface language."""
    if isinstance(value, list | tuple):
        return ", ".join(display_value(v, spec) for v in value) or EMPTY
    if isinstance(value, dict):
        return "; ".join(f"{k}: {display_value(v, _Spec(k, '', None))}" for k, v in value.items()) or EMPTY
    if value is None or value == "":
        return _("Onbekend") if spec.kind == "bool" and value is None else EMPTY
    if spec.choices is not None and str(value) in spec.choices:
        return str(spec.choices[str(value)])
    if isinstance(value, bool) or spec.kind == "bool":
        return _("Ja") if value in (True, "True", "true") else _("Nee")
    try:
        return _typed(value, spec.kind)
    except (ValueError, TypeError, InvalidOperation):
        return str(value)  # stored before its field had this type: shown as it was stored


def _typed(value: Any, kind: str) -> str:
    if kind == "date":
        return formats.date_format(dt.date.fromisoformat(str(value)[:10]), "j F Y")
    if kind == "datetime":
        moment = dt.datetime.fromisoformat(str(value))
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        return formats.date_format(moment, "j F Y H:i")
    if kind == "euro":
        return format_euro(Decimal(str(value)))
    if kind == "percent":
        return f"{format_number((Decimal(str(value)) * 100).normalize(), grouping=False)}%"
    if kind == "decimal":
        number = Decimal(str(value))
        whole = number == number.to_integral_value()
        return format_number(number.quantize(Decimal(1)) if whole else number.normalize(), grouping=False)
    return str(value)
