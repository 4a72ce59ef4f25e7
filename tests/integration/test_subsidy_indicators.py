"""The monitoring's effort indicators read the schemes' publication dates: the B1 scheme for meeting centres and
neighbourhood houses, and the B2 modernisation scheme (``[monitoring.scheme_*_published]``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from ontmoet.core.registry import indicator_source
from ontmoet.monitoring.indicators import compute_indicators
from tests import factories_subsidies as fs

pytestmark = pytest.mark.django_db

B1, B2 = "scheme_meeting_centres_published", "scheme_modernisation_published"


def _result(key: str, year: int):  # type: ignore[no-untyped-def]
    return {r.key: r for r in compute_indicators(year)}[key]


def test_both_keys_have_a_registered_source():
    assert indicator_source(B1) is not None and indicator_source(B2) is not None


def test_no_scheme_published_reads_as_no_data():
    fs.scheme(block="B1")  # exists, not published
    assert indicator_source(B1).read(2026) is None  # type: ignore[union-attr]
    assert indicator_source(B2).read(2026) is None  # type: ignore[union-attr]
    result = _result(B1, 2026)
    assert (result.value, result.status, result.rule) == (None, None, "no_data")


def test_the_b1_scheme_published_in_2026_achieves_the_effort():
    scheme = fs.scheme(block="B1")
    scheme.published_on = dt.date(2026, 1, 6)
    scheme.save()
    reading = indicator_source(B1).read(2026)  # type: ignore[union-attr]
    assert reading is not None and (reading.value, reading.achieved) == (D(1), True)
    assert _result(B1, 2026).status == "achieved"
    assert indicator_source(B2).read(2026) is None  # type: ignore[union-attr]  # only B1 was published


def test_a_chapter_of_the_ogh_in_b1_is_not_the_b1_scheme():
    chapter = fs.scheme(block="B1")
    chapter.chapter, chapter.published_on = "huurkosten", dt.date(2026, 1, 6)
    chapter.save()
    assert indicator_source(B1).read(2026) is None  # type: ignore[union-attr]


def test_the_b2_scheme_published_only_in_2027_is_not_achieved_in_2026():
    scheme = fs.scheme(block="B2")
    scheme.published_on = dt.date(2027, 2, 1)
    scheme.save()
    reading = indicator_source(B2).read(2026)  # type: ignore[union-attr]
    assert reading is not None and (reading.value, reading.achieved) == (D(0), False)
    assert indicator_source(B2).read(2027).achieved is True  # type: ignore[union-attr]
