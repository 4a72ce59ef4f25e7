"""A GET against a server the tests started on loopback: status, headers and body, error statuses included."""

from __future__ import annotations

import urllib.error
import urllib.request


def http_get(port: int, path: str, *, timeout: float = 10, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()
