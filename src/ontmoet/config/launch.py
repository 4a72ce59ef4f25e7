"""Start the production server (gunicorn with ``ontmoet.config.gunicorn``) and say so once it answers.

    python -m ontmoet.config.launch [--host 127.0.0.1] [--port 8000] [--check-port] [--worker]

``make demo`` runs this. It prints "Ontmoet draait op http://HOST:PORT/" only when the port answers an HTTP
request, and a port that is already taken is one clear line (exit 1), not gunicorn's retries. Ctrl+C or
SIGTERM stop gunicorn gracefully. ``tests/perf`` starts the same server through :func:`start`. With ``--worker``
the background-job worker (``ontmoet db_worker``, ADR 0307) runs beside it and stops with it.

This process does not load Django: gunicorn's master does, and warms it before forking (``config/warmup.py``).
"""

from __future__ import annotations

import argparse
import http.client
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

CONFIG = "python:ontmoet.config.gunicorn"
APP = "ontmoet.config.wsgi:application"
PROBE_PATH = "/accounts/login"
START_TIMEOUT_S = 90.0
WORKER_INTERVAL_S = 30

PORT_TAKEN = ("Poort {port} op {host} is al in gebruik: stop het programma dat hem gebruikt, "
              "of kies een andere poort (make demo PORT=8001).")
STARTED = "Ontmoet draait op http://{host}:{port}/ (stoppen met Ctrl+C)"
DID_NOT_START = "Ontmoet is niet gestart: de server stopte met code {code} (zie de melding hierboven)."
NO_ANSWER = "Ontmoet is niet gestart: de server antwoordde niet binnen {seconds:.0f} seconden."


class ServerError(RuntimeError):
    """The server could not be started; the message is one line for the user."""


def port_is_free(host: str, port: int) -> bool:
    """Whether a server could listen on host:port now (a port in TIME_WAIT counts as free, as for gunicorn)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        return False
    family, kind, proto, _name, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError:
            return False
    return True


def free_port(host: str = "127.0.0.1") -> int:
    """A port on ``host`` that no one listens on (for tests and the benchmark)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def _answers(host: str, port: int) -> bool:
    target = "127.0.0.1" if host in {"0.0.0.0", ""} else ("::1" if host == "::" else host)
    connection = http.client.HTTPConnection(target, port, timeout=5)
    try:
        connection.request("GET", PROBE_PATH)
        connection.getresponse().read()
    except (OSError, http.client.HTTPException):
        return False
    finally:
        connection.close()
    return True


@dataclass
class Server:
    """A running gunicorn master; :meth:`stop` ends it and its workers."""

    process: subprocess.Popen[bytes]
    host: str
    port: int

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def stop(self, timeout: float = 30.0) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # graceful: finish running requests, then stop
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
        return self.process.wait()


def start(host: str, port: int, *, env: Mapping[str, str] | None = None, extra_args: list[str] | None = None,
          app: str = APP, timeout: float = START_TIMEOUT_S, stdout: Any = None, stderr: Any = None) -> Server:
    """Start gunicorn and return once the port answers; :class:`ServerError` with a one-line reason if not.

    ``app`` is another WSGI application served with the same settings (the benchmark's bare app).
    """
    if not port_is_free(host, port):
        raise ServerError(PORT_TAKEN.format(host=host, port=port))
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    command = [sys.executable, "-m", "gunicorn", "--config", CONFIG, "--bind", bind, *(extra_args or []), app]
    process = subprocess.Popen(command, env=dict(env) if env is not None else None, stdout=stdout, stderr=stderr)
    server = Server(process=process, host=host, port=port)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            code = process.poll()
            if code is not None:
                raise ServerError(DID_NOT_START.format(code=code))
            if _answers(host, port):
                return server
            time.sleep(0.2)
        raise ServerError(NO_ANSWER.format(seconds=timeout))
    except BaseException:  # interrupted or failed while starting: leave no server behind
        server.stop()
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ontmoet.config.launch", description=__doc__.split("\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--check-port", action="store_true", help="only check that the port is free")
    parser.add_argument("--worker", action="store_true", help="also run the background-job worker")
    args = parser.parse_args(argv)
    if args.check_port:
        if port_is_free(args.host, args.port):
            return 0
        print(PORT_TAKEN.format(host=args.host, port=args.port), file=sys.stderr)
        return 1
    # Ctrl+C reaches gunicorn too (same process group); SIGTERM to this process is passed on.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    try:
        server = start(args.host, args.port)
    except ServerError as error:
        print(error, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    # The queue is polled every WORKER_INTERVAL_S seconds: the daily jobs need no quicker answer.
    worker = subprocess.Popen([sys.executable, "-m", "ontmoet.manage", "db_worker", "--interval",
                               str(WORKER_INTERVAL_S)]) if args.worker else None
    print(STARTED.format(host=args.host, port=args.port), flush=True)
    try:
        return server.process.wait()
    except (KeyboardInterrupt, SystemExit):
        return server.stop()
    finally:
        if worker is not None:
            worker.terminate()
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()


if __name__ == "__main__":
    sys.exit(main())
