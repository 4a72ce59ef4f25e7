"""The JSON parser of every API body: bounded in size and depth, and only text that a database can store.

DRF's JSONParser hands a body nested 50,000 deep to ``json.load`` (a RecursionError, a 500), reads a body of any
size, and lets a NUL byte (PostgreSQL refuses it in text) or a lone surrogate such as ``"\\ud800"`` (which no
encoder can write back) through to the serializers. This parser refuses all of them with a 4xx problem first.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from itertools import accumulate
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ParseError, ValidationError
from rest_framework.parsers import JSONParser

from ontmoet.core.api_errors import RequestTooLarge, RuleBroken

#: No body of this API nests deeper than a handful of levels; 32 leaves room and keeps recursion shallow.
MAX_DEPTH = 32

TOO_DEEP = _("De JSON is dieper genest dan %(limit)s niveaus.")
NOT_UTF8 = _("De body is geen geldige UTF-8.")
NOT_JSON = _("De body is geen geldige JSON (regel %(line)s, kolom %(column)s).")
NOT_JSON_VALUE = _("De body is geen geldige JSON: een getal is te groot, of NaN of Infinity (geen JSON-getallen).")
NUL_IN_TEXT = _("Tekst mag geen NUL-teken (\\u0000) bevatten.")
SURROGATE_IN_TEXT = _("Tekst bevat een los surrogaatteken (zoals \\ud800); dat is geen geldig Unicode-teken.")
BAD_KEY = _("Een sleutel in dit object bevat een NUL-teken of een los surrogaatteken.")

# A JSON string with its escapes; what is left after removing them holds only structure, numbers and literals.
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_STEP = [0] * 256
_STEP[ord("[")] = _STEP[ord("{")] = 1
_STEP[ord("]")] = _STEP[ord("}")] = -1
_CHUNK = 65_536
# In JSON text a NUL or a surrogate can only come as an escape (a raw control character or an unpaired surrogate
# does not get through strict parsing and UTF-8); without one, the parsed data need not be walked.
_SUSPECT_ESCAPE = re.compile(r"\\u(?:0000|[dD][89abcdefABCDEF][0-9a-fA-F]{2})")


def nesting_depth(raw: bytes, *, limit: int | None = None) -> int:
    """How deep the arrays and objects of a JSON text nest (brackets inside strings do not count).

    Counted in chunks, so that a body nested a million deep is refused after its first brackets (with ``limit``,
    the count stops once it is passed); about 0.1 s for 2 MB of ordinary JSON, less than parsing it.
    """
    brackets = _JSON_STRING.sub(b"", raw).translate(None, _NOT_BRACKETS)
    depth = peak = 0
    for start in range(0, len(brackets), _CHUNK):
        levels = list(accumulate(map(_STEP.__getitem__, brackets[start:start + _CHUNK]), initial=depth))
        depth, peak = levels[-1], max(peak, *levels)
        if limit is not None and peak > limit:
            break
    return peak


def text_problem(text: str) -> str | None:
    """Why a string cannot be stored, or None when it can."""
    if "\x00" in text:
        return str(NUL_IN_TEXT)
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return str(SURROGATE_IN_TEXT)
    return None


def _text_problems(data: Any, path: str = "") -> dict[str, list[str]]:
    """Every string (key or value) that cannot be stored, by the path the problem details name it with."""
    problems: dict[str, list[str]] = {}
    if isinstance(data, str):
        problem = text_problem(data)
        if problem:
            problems[path or "body"] = [problem]
    elif isinstance(data, dict):
        for key, value in data.items():
            if text_problem(key):
                problems[path or "body"] = [str(BAD_KEY)]
                continue
            problems.update(_text_problems(value, f"{path}.{key}" if path else key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            problems.update(_text_problems(value, f"{path}[{index}]"))
    return problems


class StrictJSONParser(JSONParser):
    """JSON bodies up to ``DATA_UPLOAD_MAX_MEMORY_SIZE`` bytes, ``MAX_DEPTH`` levels, and storable text only."""

    def parse(self, stream: Any, media_type: str | None = None,
              parser_context: Mapping[str, Any] | None = None) -> Any:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 2_621_440
        raw = stream.read(limit + 1) if stream is not None else b""
        if len(raw) > limit:
            raise RequestTooLarge.over(limit)
        if nesting_depth(raw, limit=MAX_DEPTH) > MAX_DEPTH:
            raise ParseError(str(TOO_DEEP) % {"limit": MAX_DEPTH})
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise ParseError(str(NOT_UTF8)) from exc
        try:
            data = json.loads(text, parse_constant=_refuse_constant)
        except json.JSONDecodeError as exc:
            raise ParseError(str(NOT_JSON) % {"line": exc.lineno, "column": exc.colno}) from exc
        except (ValueError, RecursionError) as exc:  # an integer of more than 4,300 digits, NaN, Infinity
            raise ParseError(str(NOT_JSON_VALUE)) from exc
        problems = _text_problems(data) if _SUSPECT_ESCAPE.search(text) else {}
        if problems:
            # A NUL in a value is valid JSON and a string the document allows, but cannot be stored: a rule, 422
            # (ADR 0033). A NUL in a key names no field of the document: a 400.
            bad_key = any(str(BAD_KEY) in reasons for reasons in problems.values())
            raise ValidationError(problems) if bad_key else RuleBroken(problems)
        return data


def _refuse_constant(constant: str) -> Any:
    """NaN and Infinity are not JSON numbers (RFC 8259), as DRF's STRICT_JSON has it too."""
    raise ValueError(constant)
