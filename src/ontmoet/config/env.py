"""Reading the environment: every variable parsed once, a wrong value stops the start with the variable named.

``SECURE_HSTS_SECONDS=abc`` must not end in a bare ``ValueError`` traceback: an operator reads one line that
names the variable, the value and what is expected (Django's deployment checklist; BIO2 asks for settings that
can be checked). README.md ("Configuration") lists every variable; tests/integration/test_settings.py keeps
the two in step.
"""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

TRUE = frozenset({"1", "true", "yes", "on"})
FALSE = frozenset({"0", "false", "no", "off", ""})
#: Django's own check (security.W009) asks for at least 50 characters and 5 different ones.
SECRET_KEY_MIN_LENGTH = 50
SECRET_KEY_MIN_UNIQUE = 5


def env_text(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_flag(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a yes/no value: use 1 or 0 (true/false, yes/no, on/off).")


def env_int(name: str, default: int, *, minimum: int = 0, maximum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    text = raw.strip()
    # str.isdigit accepts "²" and other digits int() refuses; ASCII digits only.
    if not (text.isascii() and text.lstrip("-").isdigit()):
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.")
    value = int(text)
    if value < minimum or (maximum is not None and value > maximum):
        bounds = f"at least {minimum}" if maximum is None else f"between {minimum} and {maximum}"
        raise ImproperlyConfigured(f"{name}={raw!r} is out of range: it must be {bounds}.")
    return value


def env_clock(name: str, default: str) -> tuple[int, int]:
    """A local time of day, ``HH:MM`` (24 hours), as (hour, minute)."""
    raw = os.environ.get(name)
    text = default if raw is None or not raw.strip() else raw.strip()
    parts = text.split(":")
    if (len(parts) == 2 and all(p.isascii() and p.isdigit() and len(p) == 2 for p in parts)
            and int(parts[0]) < 24 and int(parts[1]) < 60):
        return int(parts[0]), int(parts[1])
    raise ImproperlyConfigured(f"{name}={raw!r} is not a time of day: use HH:MM, e.g. 07:00.")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def secret_key(*, debug: bool) -> str:
    """The key that signs sessions and CSRF tokens: required, and in production strong enough to resist guessing."""
    key = os.environ.get("SECRET_KEY", "")
    if not key:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Run 'make demo' (it creates var/secret_key) or export SECRET_KEY.")
    weak = (len(key) < SECRET_KEY_MIN_LENGTH or len(set(key)) < SECRET_KEY_MIN_UNIQUE
            or key.startswith("django-insecure"))
    if weak and not debug:
        raise ImproperlyConfigured(
            f"SECRET_KEY is too weak for production: use at least {SECRET_KEY_MIN_LENGTH} random characters, "
            "e.g. python -c \"import secrets; print(secrets.token_urlsafe(50))\".")
    return key
