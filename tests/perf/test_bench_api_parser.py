"""Benchmark of the API's JSON parser (make bench): what the depth and text checks cost next to json.loads.

Prints milliseconds per body and the ratio to plain ``json.loads`` for an ordinary body near the upload limit,
and how fast a body nested a million deep is refused; never asserts on wall-clock time.
"""

from __future__ import annotations

import io
import json
import random
import statistics
import time

import pytest

from ontmoet.api.parsers import MAX_DEPTH, StrictJSONParser, nesting_depth

pytestmark = pytest.mark.perf

RUNS = 5


def _ordinary_body(size: int, seed: int = 2026) -> bytes:
    """Scenario-like objects with text that contains brackets and escapes, until ``size`` bytes."""
    rng = random.Random(seed)
    items, length = [], 0
    while length < size:
        item = {"name": f"Plek {rng.randint(1, 10**6)} [{rng.choice('ab')}]", "counts": {"2027": {
            "meetingCentres": rng.randint(0, 20)}}, "notes": ["\"quoted\" {x}", "\\ back"], "ftePerPlace": 0.25}
        items.append(item)
        length += len(json.dumps(item)) + 2
    return json.dumps(items).encode()


def _ms(action) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def test_bench_the_strict_parser_against_json_loads(settings):
    body = _ordinary_body(settings.DATA_UPLOAD_MAX_MEMORY_SIZE - 1024)
    parser = StrictJSONParser()
    plain = _ms(lambda: json.loads(body))
    strict = _ms(lambda: parser.parse(io.BytesIO(body), parser_context={"encoding": "utf-8"}))
    depth = _ms(lambda: nesting_depth(body, limit=MAX_DEPTH))
    deep = b"[" * 1_000_000 + b"]" * 1_000_000
    refused = _ms(lambda: nesting_depth(deep, limit=MAX_DEPTH))
    print(f"\nAPI JSON parser, body of {len(body):,} bytes (median of {RUNS}):")
    print(f"  json.loads            {plain:8.1f} ms")
    print(f"  StrictJSONParser      {strict:8.1f} ms   ratio {strict / plain:.2f}")
    print(f"    of which the depth  {depth:8.1f} ms")
    print(f"  refusing 10^6 levels  {refused:8.1f} ms   (2 MB)")
    assert nesting_depth(deep, limit=MAX_DEPTH) > MAX_DEPTH
