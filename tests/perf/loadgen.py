"""Load for the server benchmark: wrk (Debian's package) when installed, else a small generator of our own.

Both keep ``connections`` requests in flight for ``seconds`` and report the median, p95 and requests per
second; only 2xx/3xx answers count as successes. The bare-app floor in the benchmark shows whether the
generator, not the server, is the limit.
"""

from __future__ import annotations

import http.client
import multiprocessing
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %.0f %.0f\\n", summary.requests,
    e.status + e.connect + e.read + e.write + e.timeout, summary.duration,
    latency:percentile(50), latency:percentile(95)))
end
"""


@dataclass(frozen=True)
class Load:
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p95_ms: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds


def generator_name() -> str:
    return "wrk" if shutil.which("wrk") else "built-in (processes × threads)"


def run(url: str, *, headers: dict[str, str], connections: int = 16, seconds: float = 10.0) -> Load:
    return _wrk(url, headers, connections, seconds) if shutil.which("wrk") else _own(url, headers, connections,
                                                                                    seconds)


def _wrk(url: str, headers: dict[str, str], connections: int, seconds: float) -> Load:
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "report.lua"
        script.write_text(WRK_SCRIPT)
        command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds:.0f}s", "--timeout", "10s", "-s", str(script)]
        for name, value in headers.items():
            command += ["-H", f"{name}: {value}"]
        output = subprocess.run([*command, url], capture_output=True, text=True, timeout=seconds + 60,
                                check=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    requests, errors, duration_us, p50_us, p95_us = (float(v) for v in line.split()[1:])
    return Load(requests=int(requests), errors=int(errors), seconds=duration_us / 1e6, p50_ms=p50_us / 1000,
                p95_ms=p95_us / 1000)


def _worker(args: tuple[str, dict[str, str], int, float]) -> tuple[list[float], int]:
    url, headers, threads, seconds = args
    parts = urllib.parse.urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    deadline = time.monotonic() + seconds
    samples: list[float] = []
    errors = [0]
    lock = threading.Lock()

    def loop() -> None:
        own: list[float] = []
        failed = 0
        while time.monotonic() < deadline:
            start = time.perf_counter()
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                ok = response.status < 400
            except OSError:
                ok = False
            finally:
                connection.close()
            own.append((time.perf_counter() - start) * 1000) if ok else None
            failed += 0 if ok else 1
        with lock:
            samples.extend(own)
            errors[0] += failed

    pool = [threading.Thread(target=loop) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return samples, errors[0]


def _own(url: str, headers: dict[str, str], connections: int, seconds: float) -> Load:
    processes = 2
    started = time.monotonic()
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        parts = pool.map(_worker, [(url, headers, connections // processes, seconds)] * processes)
    elapsed = time.monotonic() - started
    samples = sorted(s for part, _errors in parts for s in part)
    errors = sum(e for _part, e in parts)
    if not samples:
        return Load(requests=0, errors=errors, seconds=elapsed, p50_ms=float("nan"), p95_ms=float("nan"))
    return Load(requests=len(samples), errors=errors, seconds=seconds,
                p50_ms=statistics.median(samples), p95_ms=samples[max(0, int(0.95 * len(samples)) - 1)])
