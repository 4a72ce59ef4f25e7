"""The floor of the server benchmark: a WSGI app that answers 10 KB at once, served by the same gunicorn setup.

Whatever the server, the connection handling and the load generator cost shows up here; a page's figures
are read against it (tests/perf/test_bench_server.py).
"""

from collections.abc import Callable, Iterable

BODY = b"x" * 10_240


def application(environ: dict[str, object], start_response: Callable[..., object]) -> Iterable[bytes]:
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(BODY)))])
    return [BODY]
