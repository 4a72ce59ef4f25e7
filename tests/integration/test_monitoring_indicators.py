"""Each indicator computed on factory data, against a value derived here by hand (issue 11, acceptance 1)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from ontmoet.accounts.roles import Role
from ontmoet.activities import services as activity_services
from ontmoet.activities.models import TALLY_PAIRS, Activity, ActivityTally, tally_column
from ontmoet.core.registry import _INDICATORS, IndicatorReading, IndicatorSource, register_indicator_source
from ontmoet.monitoring import services
from ontmoet.monitoring.indicators import compute_indicators
from ontmoet.monitoring.selectors import indicators_for_year, indicators_json, place_rows
from ontmoet.places.models import PlaceTypeChange
from tests.factories import PlaceFactory, UserFactory
from tests.factories_activities import ActivityFactory

pytestmark = pytest.mark.django_db

SURVEY = ("year,neighbourhood_code,respondents,enough_contacts_pct,visited_meeting_place_pct,lonely_pct\n"
          "2026,BU09350207,100,80,40,10\n2026,BU09350203,300,90,44,12\n"
          "2024,BU09350207,200,82,38,11\n")


def by_key(year: int) -> dict[str, object]:
    return {r.key: r for r in compute_indicators(year)}


def _activity(place, day, initiated="board", organised="board", **kw):
    return ActivityFactory(place=place, date=day, initiated_by=initiated, organised_by=organised, **kw)


def _recount_all():
    from ontmoet.activities.tallies import recount_range

    recount_range(None, dt.date(2020, 1, 1), dt.date(2030, 12, 31))


def test_resident_share_counts_only_days_the_place_was_a_meeting_centre():
    changed = PlaceFactory(type="community_house", since=dt.date(2018, 1, 1))
    PlaceTypeChange.objects.create(place=changed, from_type="community_house", to_type="meeting_centre",
                                   effective_date=dt.date(2026, 3, 15), reason="keuze bestuur")
    always = PlaceFactory(type="meeting_centre", since=dt.date(2020, 1, 1))
    never = PlaceFactory(type="community_house", since=dt.date(2018, 1, 1))
    _activity(changed, dt.date(2026, 3, 14), "residents", "residents")  # day before the change: not counted
    _activity(changed, dt.date(2026, 3, 15), "residents", "board")  # the day of the change: counted, resident
    _activity(changed, dt.date(2026, 3, 20), "board", "board")  # same month, after: counted
    _activity(changed, dt.date(2026, 5, 2), "professional", "residents")  # organised by residents: counts
    _activity(always, dt.date(2026, 1, 10), "residents", "residents")
    _activity(always, dt.date(2026, 2, 10), "organisation", "organisation")
    _activity(always, dt.date(2026, 2, 11), "residents", "residents", cancelled=True)  # cancelled: not held
    _activity(never, dt.date(2026, 6, 1), "residents", "residents")  # never an OC
    _activity(always, dt.date(2025, 6, 1), "board", "board")  # 2025: 0 of 1
    _recount_all()
    # 2026, at OCs on the day: changed 15-3 (res), 20-3, 2-5 (res); always 10-1 (res), 10-2 → 3 of 5.
    result = by_key(2026)["resident_initiated_activities"]
    assert result.value == D(3) / D(5)
    assert result.detail == "3/5"
    assert result.series == [(2025, D(0)), (2026, D("0.6"))]
    assert result.target == D("0.20") and result.status == "achieved"
    per_place = {r.place_id: (r.share_part, r.share_whole, r.activities) for r in place_rows(2026)}
    assert per_place[changed.pk] == (2, 3, 4) and per_place[always.pk] == (1, 2, 2)
    assert per_place[never.pk] == (0, 0, 1)


def test_which_groups_count_is_a_plan_parameter(settings):
    import dataclasses

    from tests.plans import SEED_PLAN

    place = PlaceFactory(type="meeting_centre", since=dt.date(2020, 1, 1))
    _activity(place, dt.date(2026, 1, 5), "residents", "residents")
    _activity(place, dt.date(2026, 1, 6), "board", "board")
    _activity(place, dt.date(2026, 1, 7), "professional", "professional")
    _recount_all()
    indicator = SEED_PLAN.monitoring["resident_initiated_activities"]
    assert indicator.counts is not None and indicator.counts.is_default
    wider = dataclasses.replace(indicator, counts=dataclasses.replace(indicator.counts,
                                                                      values=("residents", "board")))
    settings.POLICY_PLAN = dataclasses.replace(SEED_PLAN, monitoring={**SEED_PLAN.monitoring,
                                                                      "resident_initiated_activities": wider})
    assert by_key(2026)["resident_initiated_activities"].value == D(2) / D(3)


def test_survey_import_weights_by_respondents_and_the_plans_baseline_stays_measured():
    services.survey_import(content=SURVEY.encode(), filename="peiling.csv", source="Buurtpeiling", by=None)
    result = by_key(2026)["enough_contacts"]
    # 2026: (100 × 80 + 300 × 90) / 400 = 87.5 %; earlier: the plan's 86, 83, 80 and 2024's 82.
    assert result.value == D("0.875") and result.measured_year == 2026
    assert result.series == [(2014, D("0.86")), (2018, D("0.83")), (2022, D("0.80")), (2024, D("0.82")),
                             (2026, D("0.875"))]
    assert result.status == "achieved"
    visited = by_key(2026)["visited_meeting_place"]
    assert visited.series == [(2024, D("0.38")), (2026, D("0.43"))]  # (100 × 40 + 300 × 44) / 400 = 43 %
    assert visited.status == "achieved"  # rises by 2.5 points a year, above the 0.5 margin
    # 2022 alone: the plan's baseline, no survey.
    assert by_key(2022)["enough_contacts"].value == D("0.80")


def test_a_survey_file_with_one_bad_row_imports_nothing():
    bad = SURVEY + "2026,BU00000000,10,101,x,\n"
    report = services.survey_import(content=bad.encode(), filename="p.csv", source="x", by=None)
    assert {(p.row, p.column) for p in report.problems} == {
        (5, "neighbourhood_code"), (5, "enough_contacts_pct"), (5, "visited_meeting_place_pct")}
    from ontmoet.monitoring.models import SurveyResult

    assert not SurveyResult.objects.exists()


def test_effort_indicators_say_no_data_until_a_source_is_registered():
    saved = dict(_INDICATORS)
    try:
        _INDICATORS.pop("scheme_meeting_centres_published", None)
        result = by_key(2026)["scheme_meeting_centres_published"]
        assert (result.value, result.status, result.rule) == (None, None, "no_data")
        register_indicator_source(IndicatorSource("scheme_meeting_centres_published", lambda year: (
            IndicatorReading(D(1), achieved=True, detail="gepubliceerd 1-3-2026") if year >= 2026
            else IndicatorReading(D(0), achieved=False))))
        assert by_key(2026)["scheme_meeting_centres_published"].status == "achieved"
        assert by_key(2025)["scheme_meeting_centres_published"].status == "on_track"
        # A reading that is a share (the board support part registers one): shown as a share, done when > 0.
        register_indicator_source(IndicatorSource("board_support_on_demand", lambda year: IndicatorReading(
            D("0.8"), detail="binnen de termijn")))
        support = by_key(2026)["board_support_on_demand"]
        assert (support.value, support.status, support.unit) == (D("0.8"), "achieved", "%")
    finally:
        _INDICATORS.clear()
        _INDICATORS.update(saved)


def test_locked_figures_are_used_until_a_new_audited_version():
    place = PlaceFactory(type="meeting_centre", since=dt.date(2020, 1, 1))
    analyst = UserFactory(username="analist", role=Role.DATA_ANALYST)
    activity_services.activity_create(place=place, by=None, values={
        "title": "Koffie", "date": dt.date(2026, 2, 2), "initiated_by": "residents", "organised_by": "residents",
        "participants": 5})
    services.indicators_lock(year=2026, by=analyst)
    activity_services.activity_create(place=place, by=None, values={
        "title": "Bestuur", "date": dt.date(2026, 2, 3), "initiated_by": "board", "organised_by": "board",
        "participants": 5})
    locked = {r.key: r for r in indicators_for_year(2026)}["resident_initiated_activities"]
    assert locked.locked and locked.value == D(1)
    assert {r.key: r for r in indicators_for_year(2026, live=True)}["resident_initiated_activities"].value == D("0.5")
    with pytest.raises(ValidationError):
        services.indicators_lock(year=2026, by=analyst)
    second = services.indicators_lock(year=2026, by=analyst, reason="activiteit nagekomen")
    assert second.version == 2
    data = indicators_json(2026)
    item = next(i for i in data["indicators"] if i["key"] == "resident_initiated_activities")
    assert (item["value"], item["target"], item["targetYear"], item["status"], item["locked"]) == (
        0.5, 0.2, 2030, "achieved", True)


def test_tallies_stay_exact_after_every_kind_of_write():
    place = PlaceFactory(type="meeting_centre", since=dt.date(2020, 1, 1))
    user = UserFactory(username="b", role=Role.BOARD_MEMBER)
    place.board_accounts.add(user)
    series = activity_services.series_create(place=place, by=user, values={
        "title": "Soep", "first_date": dt.date(2026, 1, 26), "until": dt.date(2026, 3, 2),
        "initiated_by": "residents", "organised_by": "board", "participants": 7})
    one, two, *_ = series.occurrences.order_by("date")
    activity_services.activity_update(activity=one, values={"date": dt.date(2026, 4, 1)}, by=user)
    activity_services.activity_cancel(activity=two, by=user)
    activity_services.series_update(series=series, values={"until": dt.date(2026, 2, 16)}, by=user)
    activity_services.activity_delete(activity=series.occurrences.order_by("date").last(), by=user)
    # An import adds to the tallies of months that have some already (February) and makes new ones (May).
    content = ("place,date,title,initiated_by,organised_by,participants\n"
               f"{place.pk},2026-02-10,Quiz,residents,residents,12\n{place.pk},2026-02-11,Quiz,board,board,3\n"
               f"{place.pk},2026-05-01,Markt,residents,board,40\n").encode()
    imported = activity_services.activities_import(content=content, filename="a.csv", by=user)
    assert imported.problems == [] and imported.written == 3
    activity_services.activity_cancel(activity=Activity.objects.get(title="Markt"), by=user)
    expected: dict[tuple[int, dt.date], dict[str, int]] = {}
    for a in Activity.objects.filter(cancelled=False):
        row = expected.setdefault((a.place_id, a.date.replace(day=1)), {"held": 0, "participants": 0})
        row["held"] += 1
        row["participants"] += a.participants
        column = tally_column(a.initiated_by, a.organised_by)
        row[column] = row.get(column, 0) + 1
    found = {}
    for t in ActivityTally.objects.all():
        row = {"held": t.held, "participants": t.participants}
        row.update({tally_column(i, o): getattr(t, tally_column(i, o)) for i, o in TALLY_PAIRS
                    if getattr(t, tally_column(i, o))})
        found[(t.place_id, t.month)] = row
    assert found == expected and found
