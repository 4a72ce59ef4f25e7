"""Spam checks of the public form without a third-party service: a trap field, a signed start time (a person
needs a few seconds to fill in the form; a replayed old form is refused) and at most two links."""

from __future__ import annotations

import hashlib
import hmac
import re

from django.conf import settings
from django.core import signing

SALT = "finder.initiative.started"
MIN_SECONDS = 3
MAX_SECONDS = 2 * 3600
_LINK = re.compile(r"https?://|www\.", re.IGNORECASE)


def start_token() -> str:
    return signing.TimestampSigner(salt=SALT).sign("form")


def looks_automatic(*, trap: str, token: str) -> bool:
    if trap.strip():
        return True
    signer = signing.TimestampSigner(salt=SALT)
    try:
        signer.unsign(token, max_age=MAX_SECONDS)
    except signing.BadSignature:
        return True
    try:
        signer.unsign(token, max_age=MIN_SECONDS)
    except signing.SignatureExpired:
        return False  # older than the minimum: a person's pace
    return True


def too_many_links(text: str) -> bool:
    return len(_LINK.findall(text)) > 2


def sender_key(address: str) -> str:
    """A keyed hash of the network address: equal addresses count together, the address itself is not kept."""
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()
