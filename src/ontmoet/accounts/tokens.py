"""API token keys: random, prefixed so that a leaked key is recognisable (``ont_``), stored only as SHA-256.

A key carries 256 bits of randomness, so a fast hash is enough (nothing to guess from it, unlike a password);
a lookup by hash is one indexed read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.utils import timezone

from ontmoet.accounts.models import ApiToken

KEY_PREFIX = "ont_"
LAST_USE_EVERY = dt.timedelta(minutes=1)


def new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def usable_token(key: str) -> ApiToken | None:
    """The token with this key if it may be used now (not revoked, not expired, its account active); its last
    use is recorded (at most once a minute, so a busy client does not write on every request)."""
    token = ApiToken.objects.select_related("user").filter(key_hash=hash_key(key)).first()
    now = timezone.now()
    if token is None or not token.usable(now) or not token.user.is_active:
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USE_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token
