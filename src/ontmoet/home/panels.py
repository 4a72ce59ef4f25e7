"""The start page's own panel: the latest changes in the audit trail (registered in ``HomeConfig.ready``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from ontmoet.home.selectors import recent_changes


def recent_changes_panel(request: HttpRequest) -> dict[str, Any] | None:
    return {"changes": recent_changes()}
