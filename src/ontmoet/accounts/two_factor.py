"""Two-factor authentication (BIO2, ASVS V2.7/V2.8): a TOTP code from an authenticator app after the password,
required for every staff role and chosen freely by a board member (docs/decisions/0032).

- The devices are django-otp's: a confirmed ``TOTPDevice`` (the app's secret) and a ``StaticDevice`` holding the
  ten recovery codes, each usable once. ``django_otp.middleware.OTPMiddleware`` reads from the session which
  device verified it (``request.user.is_verified()``).
- :class:`TwoFactorMiddleware` stops a session that must pass the second step, and has not, before every page
  (public ones too, since the start page is one; only login, logout, the language and the steps themselves open)
  and every API call made with the session: pages redirect to the enrolment (no device yet) or the
  verification step, the API answers 403 problem+json. A request with a Bearer (or Token) ``Authorization`` header
  is left to the API's token authentication, which never falls back to the session.
- Enrolling, a recovery code used and a wrong code are audited. A wrong code counts as a failed login in the login
  throttle (``login_guard``), so five wrong codes lock the account for the lockout time, like five wrong
  passwords. Like recording a login attempt, these are not service doors: every role has a second factor of
  its own, so a door's role check would say nothing; each runs in one transaction with its audit event.
- An administrator removes a user's devices with ``accounts.services.two_factor_reset`` (a door, also run by
  ``ontmoet reset_2fa``); the user enrols again at the next login.
"""

from __future__ import annotations

import base64
import binascii
import secrets
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

import qrcode
import qrcode.image.svg
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ontmoet.accounts.login_guard import record_code_failure
from ontmoet.accounts.models import User
from ontmoet.accounts.roles import TWO_FACTOR_REQUIRED
from ontmoet.core.audit import audit_record

#: How many recovery codes an enrolment gives.
RECOVERY_CODES = 10
#: Where the secret of an enrolment in progress waits (the server-side session) until a code confirms it.
PENDING_KEY = "accounts:otp_pending_key"
#: Where new recovery codes wait for the one page that shows them.
NEW_CODES_KEY = "accounts:otp_new_codes"
DEVICE_NAME = "Authenticator-app"
RECOVERY_NAME = "Herstelcodes"
TOTP_STEP, TOTP_DIGITS, TOTP_TOLERANCE = 30, 6, 1
#: The Authorization schemes of the API's token authentication (ontmoet.api.authentication): with one, a request
#: is authenticated by its token or refused with 401, so the session is not used.
TOKEN_SCHEMES = ("bearer", "token")


def required_for(user: Any) -> bool:
    """Staff always; a board member once they enrolled."""
    return bool(getattr(user, "is_authenticated", False)) and (
        user.role in TWO_FACTOR_REQUIRED or has_device(user))


def has_device(user: Any) -> bool:
    return bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


def recovery_codes_left(user: Any) -> int:
    return int(StaticToken.objects.filter(device__user=user, device__confirmed=True).count())


def new_key() -> str:
    """A new TOTP secret: 160 random bits as hex, django-otp's storage format."""
    return secrets.token_hex(20)


def secret_text(key: str) -> str:
    """The secret as authenticator apps ask for it when typed in: base32, in groups of four."""
    text = base64.b32encode(binascii.unhexlify(key)).decode("ascii").rstrip("=")
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


def config_url(user: User, key: str) -> str:
    """The ``otpauth://`` address the QR code holds (issuer ``OTP_TOTP_ISSUER``, account name the username)."""
    url: str = TOTPDevice(user=user, key=key, step=TOTP_STEP, digits=TOTP_DIGITS).config_url
    return url


def qr_svg(url: str, label: str) -> SafeString:
    """The QR code of ``url`` as inline SVG, drawn here (no outside service) and without style attributes (CSP);
    its size and colours come from the stylesheet (``.ontmoet-qr``)."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    root = image.get_image()
    for attribute in ("width", "height"):
        root.attrib.pop(attribute, None)
    root.set("class", "ontmoet-qr")
    root.set("role", "img")
    root.set("aria-label", label)
    ET.register_namespace("", "http://www.w3.org/2000/svg")
    return mark_safe(ET.tostring(root, encoding="unicode"))  # generated here, no user input


def matched_step(key: str, code: str) -> int | None:
    """The time step whose TOTP code of ``key`` is ``code``, looking one step either side of now (for clocks
    that differ); None when it is no current code."""
    cleaned = normalise_code(code)
    if not (cleaned.isdigit() and len(cleaned) == TOTP_DIGITS):
        return None
    totp = TOTP(binascii.unhexlify(key), TOTP_STEP, 0, TOTP_DIGITS)
    totp.time = time.time()
    return int(totp.t()) if totp.verify(int(cleaned), TOTP_TOLERANCE) else None


def totp_code(key: str, *, at: float | None = None) -> str:
    """The TOTP code of ``key`` now (or at ``at``), as the app shows it: six digits."""
    totp = TOTP(binascii.unhexlify(key), TOTP_STEP, 0, TOTP_DIGITS)
    totp.time = time.time() if at is None else at
    return f"{totp.token():0{TOTP_DIGITS}d}"


def normalise_code(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


def enrol(*, user: User, key: str, by: User | None, step_used: int = -1) -> tuple[TOTPDevice, list[str]]:
    """Give ``user`` a confirmed TOTP device with ``key`` and ten new recovery codes (returned, to be shown
    once); an earlier device is replaced. ``step_used``: the time step whose code confirmed the enrolment, so
    that code cannot be used again. ``by=None`` is the demo loader."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        device = TOTPDevice.objects.create(
            user=user, name=DEVICE_NAME, key=key, step=TOTP_STEP, digits=TOTP_DIGITS, tolerance=TOTP_TOLERANCE,
            confirmed=True, last_t=step_used)
        recovery = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
        codes = _new_recovery_codes(recovery)
        audit_record(action="otp_enrol", obj=user, by=by, after={"recovery_codes": len(codes)})
    return device, codes


def renew_recovery_codes(*, user: User) -> list[str]:
    """Ten new recovery codes for an enrolled user; the old ones stop working."""
    with transaction.atomic():
        recovery, _created = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_NAME,
                                                               defaults={"confirmed": True})
        recovery.token_set.all().delete()
        codes = _new_recovery_codes(recovery)
        audit_record(action="otp_recovery_renew", obj=user, by=user, after={"recovery_codes": len(codes)})
    return codes


def _new_recovery_codes(device: StaticDevice) -> list[str]:
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def verify(request: HttpRequest, *, user: User, code: str, address: str | None) -> str | None:
    """Check a TOTP code or a recovery code; on success mark this session verified and say which kind it was
    (``"totp"`` or ``"recovery"``). A wrong code is recorded as a failed login (throttle and audit trail)."""
    cleaned = normalise_code(code)
    with transaction.atomic():
        device: TOTPDevice | StaticDevice | None = None
        kind = None
        if cleaned.isdigit() and len(cleaned) == TOTP_DIGITS:
            device = next((d for d in TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True)
                           if d.verify_token(cleaned)), None)
            kind = "totp"
        elif cleaned:
            device = next((d for d in StaticDevice.objects.select_for_update().filter(user=user, confirmed=True)
                           if d.verify_token(cleaned)), None)
            kind = "recovery"
            if device is not None:
                audit_record(action="otp_recovery_used", obj=user, by=user,
                             after={"recovery_codes_left": recovery_codes_left(user)})
    if device is None:
        record_code_failure(user=user, address=address)
        return None
    otp_login(request, device)
    return kind


def _problem(detail: str) -> JsonResponse:
    body = {"type": "about:blank", "title": _("Tweestapsverificatie nodig"), "status": 403, "detail": detail}
    return JsonResponse(body, status=403, content_type="application/problem+json",
                        json_dumps_params={"ensure_ascii": False})


def before_second_step(view: Callable[..., Any]) -> Callable[..., Any]:
    """Mark a page that opens before the second step (enrolment, verification, the recovery codes)."""
    view.before_second_step = True  # type: ignore[attr-defined]
    return view


class TwoFactorMiddleware:
    """Sends a session that must pass the second step, and has not, to that step before any page opens."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func: Callable[..., Any], view_args: Any,
                     view_kwargs: Any) -> HttpResponse | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or _verified(user):
            return None
        if getattr(view_func, "before_second_step", False):
            return None  # login, logout, the language, the steps themselves: public pages wait like the others
        if request.path_info.startswith("/api/"):
            scheme = request.META.get("HTTP_AUTHORIZATION", "").split(" ", 1)[0].lower()
            if scheme in TOKEN_SCHEMES:
                return None  # an API token: the API's token authentication decides, never the session
            if not required_for(user):
                return None
            return _problem(_("Deze sessie heeft de tweestapsverificatie nog niet doorlopen. Log in op de website "
                              "met uw code, of gebruik een API-token."))
        if not required_for(user):
            return None
        step = "accounts:two_factor_verify" if has_device(user) else "accounts:two_factor_setup"
        return redirect_to_login(request.get_full_path(), login_url=reverse(step))


def _verified(user: Any) -> bool:
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified()) if callable(is_verified) else False
