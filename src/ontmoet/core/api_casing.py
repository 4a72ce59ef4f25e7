"""One casing across the API: camelCase names in bodies and query keys (NL API Design Rules
/core/query-keys-camel-case), while the domain, the plan and scenario files keep their snake_case names.

The API maps at its edge, with these functions, and nowhere else (in core, because the apps' API modules use them).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_SNAKE_HUMP = re.compile(r"_([a-z0-9])")
_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])([A-Z])")


def camel(name: str) -> str:
    """``fte_per_place`` → ``ftePerPlace``; a name without underscores (``B2``, ``2027``) stays as it is."""
    return _SNAKE_HUMP.sub(lambda m: m.group(1).upper(), name)


def snake(name: str) -> str:
    """``ftePerPlace`` → ``fte_per_place``; only a capital after a small letter or digit starts a new word."""
    return _CAMEL_HUMP.sub(lambda m: "_" + m.group(1).lower(), name)


def camel_path(dotted: str) -> str:
    """A dotted key path of the domain (``community_work.fte_per_place``) as the API names it."""
    return ".".join(camel(part) for part in dotted.split("."))


def camel_keys(data: Any) -> Any:
    """The same data with every mapping key in camelCase (values are left alone)."""
    if isinstance(data, Mapping):
        return {camel(str(key)): camel_keys(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [camel_keys(value) for value in data]
    return data
