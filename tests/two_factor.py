"""Two-factor authentication in the tests: a logged-in member of staff has passed the second step, as in use.

- ``Client.force_login`` is wrapped (tests/conftest.py) so that a user who must pass the second step gets a
  confirmed TOTP device and a session verified by it; :func:`force_login_unverified` is the plain login, for the
  tests of the second step itself.
- :func:`current_code` computes the code an authenticator app would show for the user's device now, never one
  the device has already accepted (a code works once).
- :func:`login_over_http` logs in on a server the tests started (password, then the code of a known secret).
"""

from __future__ import annotations

import binascii
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ontmoet.accounts import two_factor

_plain_force_login = Client.force_login


def verified_device(user: Any) -> TOTPDevice:
    """The user's confirmed TOTP device, created with a random secret when there is none: test set-up, so
    without the enrolment's audit event and recovery codes (tests of the trail must see only what they do)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=two_factor.DEVICE_NAME, key=two_factor.new_key(), step=two_factor.TOTP_STEP,
            digits=two_factor.TOTP_DIGITS, tolerance=two_factor.TOTP_TOLERANCE, confirmed=True)
    return device


def force_login_verified(self: Client, user: Any, backend: str | None = None) -> None:
    _plain_force_login(self, user, backend)
    if getattr(user, "role", None) in two_factor.TWO_FACTOR_REQUIRED or two_factor.has_device(user):
        session = self.session
        session[DEVICE_ID_SESSION_KEY] = verified_device(user).persistent_id
        session.save()


def force_login_unverified(client: Client, user: Any) -> None:
    """Log in with the password step only (the session has not passed the second step)."""
    _plain_force_login(client, user)


def code_at(key: str, step: int) -> str:
    totp = TOTP(binascii.unhexlify(key), two_factor.TOTP_STEP, 0, two_factor.TOTP_DIGITS)
    totp.time = step * two_factor.TOTP_STEP
    return f"{totp.token():06d}"


def current_code(user: Any) -> str:
    """A code the user's device accepts now: of this time step, or of the next one when this step's code was
    used already (the device allows one step of clock difference); waits for the next step if both were used."""
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    now = int(time.time()) // two_factor.TOTP_STEP
    step = max(now, device.last_t + 1)
    if step > now + two_factor.TOTP_TOLERANCE:
        time.sleep((now + 1) * two_factor.TOTP_STEP - time.time() + 0.1)
        return current_code(user)
    return code_at(device.key, step)


CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def login_over_http(opener: urllib.request.OpenerDirector, base: str, username: str, password: str,
                    key: str) -> Any:
    """Log in on a running server through its pages: the password, then a TOTP code of ``key`` when the server
    asks for one (trying the next time step when this one's code was used). Returns the last response."""
    login = f"{base}/accounts/login"
    token = CSRF.search(opener.open(login, timeout=10).read().decode()).group(1)  # type: ignore[union-attr]
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username, "password": password})
    response = opener.open(urllib.request.Request(login, data=data.encode(), headers={"Referer": login}),
                           timeout=10)
    for attempt in range(3):
        if "/accounts/tweestapsverificatie" not in response.url:
            return response
        page = response.read().decode()
        step = int(time.time()) // two_factor.TOTP_STEP + attempt
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": CSRF.search(page).group(1),  # type: ignore[union-attr]
                                       "code": code_at(key, step)})
        try:
            response = opener.open(urllib.request.Request(response.url, data=data.encode(),
                                                          headers={"Referer": response.url}), timeout=10)
        except urllib.error.HTTPError as refused:  # 400: that code was used already
            response = refused
    return response
