"""Sessions that end (BIO2, ASVS V3.3): when the browser closes (a session cookie, settings) and after a period
without requests — shorter for staff, who can decide and see personal data, than for board members.

The last request's time is kept in the session and written at most once a minute, so an active user's
requests do not each write the session row.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from ontmoet.accounts.roles import STAFF_ROLES

LAST_SEEN = "ontmoet_last_seen"
WRITE_EVERY_SECONDS = 60


def idle_limit_seconds(role: str) -> int:
    return int(settings.SESSION_IDLE_SECONDS_STAFF if role in STAFF_ROLES else settings.SESSION_IDLE_SECONDS_BOARD)


class IdleSessionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            now = int(time.time())
            last = request.session.get(LAST_SEEN)
            if isinstance(last, int) and now - last > idle_limit_seconds(getattr(user, "role", "")):
                logout(request)
                if request.path_info.startswith("/api/"):
                    return self.get_response(request)  # the API answers 401 for an anonymous session itself
                messages.info(request, _("U was een tijd niet actief en bent uitgelogd. Log opnieuw in."))
                return redirect_to_login(request.get_full_path())
            if not isinstance(last, int) or now - last >= WRITE_EVERY_SECONDS:
                request.session[LAST_SEEN] = now
        return self.get_response(request)
