"""What each capability contributes to the whole: its menu entry, its demo loader, its start-page panel, its
indicator sources and how the audit trail names its actions.

The lower layers (core, accounts) never import an app. Instead every app registers its parts here from its
``AppConfig.ready()``; the navigation, ``ontmoet load_demo`` and the start page read the registry. A new app
adds itself without editing core.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils.functional import Promise


@dataclass(frozen=True)
class MenuEntry:
    """One item of the main menu, shown to the roles named (role codes); ``description`` says on the start
    page's tile what it is for."""

    label: str | Promise
    url_name: str
    roles: frozenset[str]
    order: int
    description: str | Promise = ""


@dataclass(frozen=True)
class DemoLoader:
    """A capability's demo data; loaders run by ``order`` (accounts first, then the register, ...)."""

    name: str
    load: Callable[[], object]
    order: int


@dataclass(frozen=True)
class StartPanel:
    """A panel on the start page: ``context(request)`` returns the template context, or None to hide it."""

    template: str
    context: Callable[[HttpRequest], dict[str, Any] | None]
    roles: frozenset[str]
    order: int


@dataclass(frozen=True)
class IndicatorReading:
    """One year's reading of an indicator from a capability's own records.

    ``value`` is a share as a fraction between 0 and 1, a count, or 1/0 for a yes/no effort; ``achieved`` says
    for a yes/no effort whether it was made; ``detail`` is one sentence for the dashboard (in Dutch, translated)."""

    value: Decimal | None
    achieved: bool | None = None
    detail: str | Promise = ""


@dataclass(frozen=True)
class IndicatorSource:
    """Where a plan indicator (``[monitoring.<key>]``) reads its value: ``read(year)`` returns the reading, or
    None when the capability holds no data for that year (the indicator then says so, never a made-up value).
    Monitoring reads these without importing the subsidy, capacity or board-support apps."""

    key: str
    read: Callable[[int], IndicatorReading | None]


@dataclass(frozen=True)
class AuditField:
    """How the audit trail shows one key of an action's changes that is no field of the action's models, or
    that it shows otherwise than the model field would.

    ``label``: None takes the model field's verbose name. ``kind``: how a value reads ("text", "bool",
    "date", "datetime", "decimal", "euro", "percent" for a fraction, "list"); empty takes it from the model
    field. ``choices``: code → label (a type code becomes "Ontmoetingscentrum")."""

    label: str | Promise | None = None
    kind: str = ""
    choices: Mapping[str, str | Promise] | None = None


@dataclass(frozen=True)
class AuditAction:
    """What the audit trail calls an action code (``place_change_type`` → "Type gewijzigd").

    ``models`` ("app_label.ModelName") are the models whose fields the action's changes name, searched in
    order after ``fields``; their verbose names label the fields, their choices and field types show the values
    (issue 7, A6). The object's own model is always searched last."""

    code: str
    label: str | Promise
    models: tuple[str, ...] = ()
    fields: Mapping[str, AuditField] = field(default_factory=dict)


_MENU: dict[str, MenuEntry] = {}
_DEMO: dict[str, DemoLoader] = {}
_PANELS: dict[str, StartPanel] = {}
_INDICATORS: dict[str, IndicatorSource] = {}
_AUDIT_ACTIONS: dict[str, AuditAction] = {}


def register_menu_entry(entry: MenuEntry) -> None:
    _MENU[entry.url_name] = entry


def register_demo_loader(loader: DemoLoader) -> None:
    _DEMO[loader.name] = loader


def register_start_panel(panel: StartPanel) -> None:
    _PANELS[panel.template] = panel


def menu_entries() -> list[MenuEntry]:
    return sorted(_MENU.values(), key=lambda e: e.order)


def demo_loaders() -> list[DemoLoader]:
    return sorted(_DEMO.values(), key=lambda d: d.order)


def start_panels() -> list[StartPanel]:
    return sorted(_PANELS.values(), key=lambda p: p.order)


def register_indicator_source(source: IndicatorSource) -> None:
    _INDICATORS[source.key] = source


def indicator_source(key: str) -> IndicatorSource | None:
    return _INDICATORS.get(key)


def register_audit_actions(*actions: AuditAction) -> None:
    """Name a capability's audit actions (from its ``AppConfig.ready()``); the audit pages read them."""
    for action in actions:
        _AUDIT_ACTIONS[action.code] = action


def audit_action(code: str) -> AuditAction | None:
    return _AUDIT_ACTIONS.get(code)
