"""gunicorn settings for serving Ontmoet as in production (``make demo``, ``make bench``, a server).

    gunicorn -c python:ontmoet.config.gunicorn ontmoet.config.wsgi:application

Options on gunicorn's command line (``--bind``, ``--workers``, ``--access-logfile -``) or in
``GUNICORN_CMD_ARGS`` override these. Why these values: docs/decisions/0009-production-server-for-the-demo.md.
"""

from __future__ import annotations

import os
from typing import Any

from ontmoet.config.env import env_int, env_text

wsgi_app = "ontmoet.config.wsgi:application"
bind = ["127.0.0.1:8000"]

# Requests are CPU-bound Python (templates, ORM, serializers): one process per core keeps both cores busy
# without two processes taking turns on one. WEB_CONCURRENCY is the usual way for a host to say otherwise.
workers = env_int("WEB_CONCURRENCY", os.cpu_count() or 2, minimum=1)
worker_class = "sync"
# Waiting connections queue in the kernel's backlog until a worker is free.
backlog = 2048
# An export or a PDF may take seconds; a worker stuck for longer is restarted.
timeout = 60
graceful_timeout = 20

# Load Django once in the master and warm it (imports, URL map, templates, catalogues) before forking, so
# that no worker's first request pays for it and the workers share that memory.
preload_app = True

# No control socket: two servers on one machine (the demo and a benchmark) would claim the same one.
control_socket_disable = True

errorlog = "-"
loglevel = env_text("LOG_LEVEL", "info").lower()
accesslog = None  # `--access-logfile -` to log every request


def when_ready(server: Any) -> None:
    """Runs in the master after the app is loaded and the port is bound, before the workers are forked."""
    from django.apps import apps

    if not apps.ready:  # another WSGI app under the same settings (the benchmark's bare app)
        return
    from ontmoet.config.warmup import warm_up

    elapsed = warm_up()
    server.log.info("Ontmoet warmed up in %.2f s before forking the workers", elapsed)
