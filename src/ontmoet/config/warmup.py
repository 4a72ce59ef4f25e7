"""Do once, before the workers fork, what Django otherwise does lazily on a worker's first request.

A fresh worker would import every view module when it first resolves a URL, compile each template the first
time it renders it, load the translation catalogues, and set up DRF's classes: together about a second on
the first request of every worker. gunicorn's ``when_ready`` hook (``ontmoet.config.gunicorn``) calls
:func:`warm_up` in the master instead; the forked workers inherit the warm state.
"""

from __future__ import annotations

import io
import logging
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connections
from django.forms.renderers import get_default_renderer
from django.template import engines
from django.urls import get_resolver
from django.utils import translation

logger = logging.getLogger(__name__)

#: Requests through the whole stack (middleware, views, DRF) that need no login and write nothing.
WARM_PATHS = ("/accounts/login", "/api/v1/places", "/register/")


def warm_up() -> float:
    """Warm imports, URL map, templates, catalogues and the request path; returns the seconds it took."""
    start = time.perf_counter()
    for step in (_urls, _templates, _form_templates, _catalogues, _requests):
        try:
            step()
        except Exception:  # a cold start is slower, not wrong: serve anyway
            logger.exception("Warm-up step %s failed", step.__name__)
    # Connections opened here must not be shared by the forked workers.
    connections.close_all()
    return time.perf_counter() - start


def _urls() -> None:
    get_resolver().url_patterns  # noqa: B018 - importing every view module is the point


def _templates() -> None:
    """Compile the project's own templates into the cached loader (DEBUG off)."""
    package = Path(settings.PACKAGE_DIR)
    for engine in engines.all():
        for name in engine.template_dirs:
            folder = Path(name)
            if package not in folder.parents and folder != package:
                continue
            for path in sorted(folder.rglob("*.html")):
                engine.get_template(path.relative_to(folder).as_posix())


def _form_templates() -> None:
    """The widget templates of Django's form renderer (its own engine, its own cache)."""
    import django.forms

    renderer = get_default_renderer()
    folder = Path(django.forms.__file__).parent / "templates"
    for path in sorted((folder / "django" / "forms").rglob("*.html")):
        renderer.get_template(path.relative_to(folder).as_posix())


def _catalogues() -> None:
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Register")


def _requests() -> None:
    from ontmoet.config.wsgi import application

    host = (settings.ALLOWED_HOSTS or ["127.0.0.1"])[0].lstrip(".").replace("*", "") or "127.0.0.1"
    with _quiet("django.request"):
        for path in WARM_PATHS:
            environ = {
                "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "", "SERVER_NAME": host,
                "SERVER_PORT": "80", "HTTP_HOST": host, "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.url_scheme": "http",
                "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr,
            }
            for _chunk in application(environ, _start_response):
                pass


def _start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[[bytes], object]:
    return lambda data: None


@contextmanager
def _quiet(name: str) -> Iterator[None]:
    """The warm-up's own 401 and redirects are not worth a log line."""
    log = logging.getLogger(name)
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(level)
