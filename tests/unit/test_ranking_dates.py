"""Ranking dates of a scheme-year (Awb 4:26): which date a round is held for, worked out from the calendar."""

import datetime as dt

from ontmoet.domain.subsidies.ranking_dates import RankingMoment, moment_on


def test_no_dates_means_rank_what_is_advised():
    assert moment_on(2026, [], dt.date(2026, 1, 2)) == RankingMoment(None, None, too_early=False)


def test_before_the_first_date_there_is_no_round():
    assert moment_on(2026, ["05-01"], dt.date(2026, 4, 30)) == RankingMoment(None, dt.date(2026, 5, 1), True)


def test_on_and_after_a_date_the_round_is_held_for_the_latest_passed():
    assert moment_on(2026, ["05-01"], dt.date(2026, 5, 1)) == RankingMoment(dt.date(2026, 5, 1), None, False)
    two = ["11-01", "05-01"]  # order in the plan does not matter
    assert moment_on(2026, two, dt.date(2026, 7, 15)) == RankingMoment(dt.date(2026, 5, 1), dt.date(2026, 11, 1),
                                                                      False)
    assert moment_on(2026, two, dt.date(2026, 12, 31)) == RankingMoment(dt.date(2026, 11, 1), None, False)
