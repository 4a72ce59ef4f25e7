"""Public pages and feeds under a crowd: validators (ETag, Last-Modified), 304 on revalidation and a short
shared cache of the rendered answer, all keyed on one version of the public data (ADR 0602).

The version (``selectors.public_version``, built on the data version of ADR 0030) is read from the database on
every request, so a change to a place or its activities shows on the very next request in every server process;
only the rendering (in the ``pages`` cache) and the time of the last change are saved per version.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.cache import cache, caches
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotModified
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import get_language

from ontmoet.finder.selectors import last_modified, public_version

#: How long a rendered answer may be kept (seconds). Short: the version check makes it safe, the time only
#: bounds memory; browsers and proxies must revalidate (``no-cache``) and get a 304 when nothing changed.
RENDER_SECONDS = 60
CACHE_CONTROL = "public, max-age=0, must-revalidate"

View = Callable[..., HttpResponseBase]


def _tag(request: HttpRequest, version: str, vary: str) -> str:
    key = f"{version}|{get_language()}|{request.get_full_path()}|{vary}"
    return '"' + hashlib.blake2s(key.encode(), digest_size=16).hexdigest() + '"'


def _not_modified(request: HttpRequest, etag: str, modified: Any) -> bool:
    sent = request.headers.get("If-None-Match")
    if sent is not None:
        return etag in [t.strip().removeprefix("W/") for t in sent.split(",")] or sent.strip() == "*"
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return bool(since and modified and int(modified.timestamp()) <= since)


def _last_modified(version: str) -> Any:
    """The time of the last change, computed once per version (two aggregate queries) and kept with it."""
    key = f"finder:modified:{version}"
    found = cache.get(key)
    if found is None:
        found = (last_modified(),)
        cache.set(key, found, RENDER_SECONDS)
    return found[0]


def cached_public(vary: Callable[[HttpRequest], str] | None = None) -> Callable[[View], View]:
    """For GET/HEAD of a public page or feed: 304 when the client's copy is current, else the saved rendering
    of this version, else the view's answer (saved when it is a 200). ``vary`` adds what else the answer depends
    on (the quarter hour for "open now")."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if request.method not in ("GET", "HEAD"):
                return view(request, *args, **kwargs)
            version = public_version()
            extra = vary(request) if vary else ""
            etag = _tag(request, version, extra)
            modified = _last_modified(version)
            if _not_modified(request, etag, modified):
                response: HttpResponseBase = HttpResponseNotModified()
            else:
                key = "finder:" + etag.strip('"')
                saved = caches["pages"].get(key)
                if saved is not None:
                    response = HttpResponse(saved[1], content_type=saved[0])
                else:
                    response = view(request, *args, **kwargs)
                    if response.status_code == 200 and isinstance(response, HttpResponse) and not response.streaming:
                        caches["pages"].set(key, (response["Content-Type"], response.content), RENDER_SECONDS)
            response["ETag"] = etag
            if modified is not None:
                response["Last-Modified"] = http_date(modified.timestamp())
            response["Cache-Control"] = CACHE_CONTROL
            response["Vary"] = "Cookie"  # the language cookie chooses the language
            return response

        return wrapped

    return decorator
