"""Legal terms under the Awb and the Algemene termijnenwet (issue 9, point 3; ADR 0301).

Every expected date below was worked out by hand from a calendar, with the reasoning next to it; none was produced
by running the code. Weekday anchors used throughout: 1 January 2026 is a Thursday, so in 2026 the months start on
Jan Thu, Feb Sun, Mar Sun, Apr Wed, May Fri, Jun Mon, Jul Wed, Aug Sat, Sep Tue, Oct Thu, Nov Sun, Dec Tue; 2025 is
not a leap year, so 1 January 2025 is a Wednesday and 1 January 2027 a Friday.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ontmoet.domain.terms import (
    LegalTerm,
    TermError,
    TermKind,
    add_months,
    decision_deadline,
    easter_sunday,
    holiday_name,
    holidays_in,
    is_atw_holiday,
    kings_day,
    legal_term,
    objection_deadline,
    objection_decision_deadline,
    supplement_deadline,
    suspended_days,
    suspension_end,
)

D = dt.date


def codes(term: LegalTerm) -> list[str]:
    return [reason.code for reason in term.reasons]


def moved_over(term: LegalTerm) -> list[tuple[str, dt.date]]:
    """The closed days art. 1 stepped over, in order."""
    return [(r.code, r.date) for r in term.reasons if r.code in ("weekend", "holiday")]


# --- Easter and the holidays of art. 3 ---------------------------------------------------------------------------


@pytest.mark.parametrize(("year", "easter"), [
    (2008, D(2008, 3, 23)),  # the early Easter of 2008 (Sunday 23 March)
    (2016, D(2016, 3, 27)),  # 2016: Hemelvaartsdag fell on 5 May, i.e. Easter 27 March (+39 days = 5 May)
    (2024, D(2024, 3, 31)),
    (2025, D(2025, 4, 20)),
    (2026, D(2026, 4, 5)),  # Goede Vrijdag 3 April 2026, tweede Paasdag 6 April (published calendars)
    (2027, D(2027, 3, 28)),
    (2028, D(2028, 4, 16)),  # Hemelvaartsdag 25 May 2028 = 16 April + 39
    (2038, D(2038, 4, 25)),  # the latest possible date, reached in 2038
])
def test_easter_sunday(year, easter):
    assert easter_sunday(year) == easter
    assert easter.weekday() == 6


def test_the_holidays_of_2026():
    # Atw art. 3 for 2026 from the anchors: Nieuwjaarsdag Thu 1 Jan; decree day Fri 2 Jan; Easter 5 April gives
    # Goede Vrijdag Fri 3 Apr, tweede Paasdag Mon 6 Apr, Hemelvaartsdag Thu 14 May (5 Apr + 39: 25 days to 30 Apr,
    # 14 into May), tweede Pinksterdag Mon 25 May (+50); Koningsdag Mon 27 Apr (Wed 1 Apr + 26 days); 5 May (Tue);
    # decree day Fri 15 May (the Friday after Hemelvaartsdag); Christmas Fri 25 and Sat 26 Dec.
    assert [day for day, _ in holidays_in(2026)] == [
        D(2026, 1, 1), D(2026, 1, 2), D(2026, 4, 3), D(2026, 4, 6), D(2026, 4, 27), D(2026, 5, 5), D(2026, 5, 14),
        D(2026, 5, 15), D(2026, 5, 25), D(2026, 12, 25), D(2026, 12, 26),
    ]
    assert holiday_name(D(2026, 4, 3)) == "Goede Vrijdag"
    assert holiday_name(D(2026, 5, 15)) == "met een feestdag gelijkgestelde dag"
    assert holiday_name(D(2026, 4, 5)) is None  # Easter Sunday is a Sunday, not an Atw holiday
    assert holiday_name(D(2026, 5, 24)) is None  # nor is Whit Sunday
    assert not is_atw_holiday(D(2026, 2, 16))  # carnival Monday in Maastricht is a working day for the Atw


@pytest.mark.parametrize("year", [2026, 2027, 2028, 2029, 2031])
def test_5_may_is_a_holiday_every_year_not_only_in_a_lustrum_year(year):
    # Atw art. 3 lid 1 names "de vijfde mei" without condition; none of these years is a multiple of five.
    assert is_atw_holiday(D(year, 5, 5))
    assert holiday_name(D(year, 5, 5)) == "Bevrijdingsdag"


def test_5_may_and_hemelvaartsdag_on_one_day():
    # 2016: Easter 27 March + 39 days = 5 May (4 days to 31 March, 30 in April, 5 in May).
    assert holiday_name(D(2016, 5, 5)) == "Bevrijdingsdag en Hemelvaartsdag"


def test_koningsdag_on_a_sunday_is_celebrated_on_saturday_26_april():
    # 27 April 2025: Tue 1 April 2025 (Jan 1 Wed + 31 + 28 + 31 days = +90 = +6 weekdays) + 26 days = Sunday.
    # 27 April 2031: 2026 Mon, 2027 Tue, 2028 Thu (leap day), 2029 Fri, 2030 Sat, 2031 Sunday.
    assert kings_day(2025) == (D(2025, 4, 26), "Koningsdag")
    assert kings_day(2031) == (D(2031, 4, 26), "Koningsdag")
    assert holiday_name(D(2025, 4, 26)) == "Koningsdag"
    assert holiday_name(D(2025, 4, 27)) is None  # just a Sunday
    assert kings_day(2026) == (D(2026, 4, 27), "Koningsdag")  # a Monday: no shift
    # Before 2014: Koninginnedag, 30 April; 30 April 2006 was a Sunday, celebrated Saturday 29 April 2006.
    assert kings_day(2006) == (D(2006, 4, 29), "Koninginnedag")


def test_decree_days_are_data_with_their_source():
    # Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028.
    for day in (D(2026, 1, 2), D(2026, 5, 15), D(2027, 5, 7), D(2028, 4, 28), D(2028, 5, 26)):
        assert is_atw_holiday(day)
    assert not is_atw_holiday(D(2026, 5, 4))  # the Monday before 5 May 2026 is not designated


# --- art. 1: an end on a Saturday, Sunday or holiday moves to the next working day --------------------------------


def test_a_term_ending_on_a_saturday_ends_on_monday():
    # Objection, notified Saturday 7 Feb 2026 (Feb 1 Sun + 6); 6 weeks later is Saturday 21 March (Mar 1 Sun + 20);
    # Saturday and Sunday 22 March step over to Monday 23 March.
    term = legal_term(D(2026, 2, 7), weeks=6, kind=TermKind.OBJECTION)
    assert (term.start, term.nominal_end, term.end) == (D(2026, 2, 8), D(2026, 3, 21), D(2026, 3, 23))
    assert moved_over(term) == [("weekend", D(2026, 3, 21)), ("weekend", D(2026, 3, 22))]


def test_a_term_in_days_ending_on_a_sunday():
    # Supplement requested Tue 10 March 2026; 12 days later is Sunday 22 March; next working day Monday 23 March.
    term = legal_term(D(2026, 3, 10), days=12, kind=TermKind.SUPPLEMENT)
    assert (term.nominal_end, term.end) == (D(2026, 3, 22), D(2026, 3, 23))


def test_easter_goede_vrijdag_and_tweede_paasdag():
    # Received Fri 6 Feb 2026; 8 weeks = 56 days: 28 to Fri 6 March (February 2026 has 28 days), 28 more to
    # Fri 3 April = Goede Vrijdag; Sat 4, Sun 5 (Easter Sunday) and Mon 6 April (tweede Paasdag) are closed:
    # the term ends on Tuesday 7 April 2026.
    term = legal_term(D(2026, 2, 6), weeks=8)
    assert (term.nominal_end, term.end) == (D(2026, 4, 3), D(2026, 4, 7))
    assert moved_over(term) == [("holiday", D(2026, 4, 3)), ("weekend", D(2026, 4, 4)), ("weekend", D(2026, 4, 5)),
                                ("holiday", D(2026, 4, 6))]


def test_koningsdag_on_a_monday():
    # Objection notified Mon 16 March 2026; +42 days: 28 to Mon 13 April, 14 to Mon 27 April = Koningsdag;
    # the term ends on Tuesday 28 April.
    term = legal_term(D(2026, 3, 16), weeks=6, kind=TermKind.OBJECTION)
    assert (term.nominal_end, term.end) == (D(2026, 4, 27), D(2026, 4, 28))


def test_koningsdag_on_saturday_26_april_2025_is_named_as_the_holiday():
    # Event Sat 12 April 2025 (Tue 1 April + 11); 14 days later Sat 26 April = Koningsdag (27 April was a Sunday);
    # Sunday 27 April follows; the term ends on Monday 28 April 2025.
    term = legal_term(D(2025, 4, 12), days=14, kind=TermKind.SUPPLEMENT)
    assert term.end == D(2025, 4, 28)
    assert moved_over(term) == [("holiday", D(2025, 4, 26)), ("weekend", D(2025, 4, 27))]


def test_5_may_in_a_non_lustrum_year_moves_the_end():
    # Received Tue 10 March 2026; 8 weeks: 28 days to Tue 7 April, 28 to Tue 5 May 2026 (2026 is no lustrum year);
    # 5 May is an Atw holiday every year: the term ends on Wednesday 6 May.
    term = legal_term(D(2026, 3, 10), weeks=8, kind=TermKind.DECISION)
    assert (term.nominal_end, term.end) == (D(2026, 5, 5), D(2026, 5, 6))
    [reason] = [r for r in term.reasons if r.code == "holiday"]
    assert reason.date == D(2026, 5, 5)
    assert reason.text_nl.startswith("5 mei is een feestdag volgens de Algemene termijnenwet")
    assert "Bevrijdingsdag" in reason.text_nl
    assert reason.text_en.startswith("5 May is a public holiday under the General Time Limits Act")


def test_a_decree_day_after_hemelvaartsdag():
    # Supplement requested Thu 30 April 2026 (Wed 1 April + 29); 14 days later Thu 14 May = Hemelvaartsdag; Fri 15 May
    # is designated by decree; Sat 16 and Sun 17 follow: the term ends on Monday 18 May 2026.
    term = legal_term(D(2026, 4, 30), days=14, kind=TermKind.SUPPLEMENT)
    assert (term.nominal_end, term.end) == (D(2026, 5, 14), D(2026, 5, 18))
    decree = next(r for r in term.reasons if r.date == D(2026, 5, 15))
    assert decree.code == "holiday"
    assert "koninklijk besluit" in decree.text_nl
    assert "15 mei 2026" in decree.text_nl


def test_a_decree_day_after_nieuwjaarsdag():
    # Event Thu 18 Dec 2025 (25 Dec 2025 was a Thursday: 2026's Friday minus one); 14 days later Thu 1 Jan 2026;
    # Fri 2 Jan is a decree day; the weekend follows: the term ends on Monday 5 January 2026.
    term = legal_term(D(2025, 12, 18), days=14, kind=TermKind.SUPPLEMENT)
    assert (term.nominal_end, term.end) == (D(2026, 1, 1), D(2026, 1, 5))


def test_christmas():
    # Objection notified Fri 13 Nov 2026 (Nov 1 Sun + 12); +42 days: 28 to Fri 11 Dec, 14 to Fri 25 Dec (Eerste
    # Kerstdag); Sat 26 (Tweede Kerstdag) and Sun 27 follow: the term ends on Monday 28 December 2026. The term's
    # first day is Saturday 14 November (Awb 6:8: the day after the notification).
    term = legal_term(D(2026, 11, 13), weeks=6, kind=TermKind.OBJECTION)
    assert (term.start, term.nominal_end, term.end) == (D(2026, 11, 14), D(2026, 12, 25), D(2026, 12, 28))
    assert moved_over(term) == [("holiday", D(2026, 12, 25)), ("holiday", D(2026, 12, 26)),
                                ("weekend", D(2026, 12, 27))]


def test_objection_term_starts_the_day_after_the_notification():
    # Notified Mon 2 March 2026: the term's first day is Tue 3 March; 6 weeks from Monday 2 March end on Monday
    # 13 April (28 days to 30 March, 14 to 13 April), a working day (tweede Paasdag was 6 April).
    term = legal_term(D(2026, 3, 2), weeks=6, kind=TermKind.OBJECTION)
    assert (term.trigger, term.start) == (D(2026, 3, 2), D(2026, 3, 3))
    assert term.nominal_end == term.end == D(2026, 4, 13)
    assert codes(term)[0] == "starts_day_after"
    assert "art. 6:8 Awb" in term.reasons[0].text_nl
    assert not term.moved


# --- art. 2: a term of at least three days holds at least two working days -----------------------------------------


def test_art2_a_three_day_term_over_a_weekend():
    # Event Fri 6 March 2026: 3 days end on Mon 9 March, a working day, but Sat 7..Mon 9 holds only one working day;
    # art. 2 extends the term to Tuesday 10 March.
    term = legal_term(D(2026, 3, 6), days=3, kind=TermKind.SUPPLEMENT)
    assert (term.nominal_end, term.end) == (D(2026, 3, 9), D(2026, 3, 10))
    assert "art2_two_working_days" in codes(term)
    assert moved_over(term) == []


def test_art2_with_easter():
    # Event Thu 2 April 2026: 3 days end Sun 5 April; art. 1 steps over Sun 5 and Mon 6 (tweede Paasdag) to Tue 7;
    # Fri 3 (Goede Vrijdag) .. Tue 7 holds one working day (the 7th); art. 2 extends to Wednesday 8 April.
    term = legal_term(D(2026, 4, 2), days=3, kind=TermKind.SUPPLEMENT)
    assert (term.nominal_end, term.end) == (D(2026, 4, 5), D(2026, 4, 8))
    assert codes(term)[-2:] == ["art2_two_working_days", "end"]


def test_art2_does_not_cover_a_two_day_term():
    # Event Fri 6 March 2026: 2 days end Sun 8 March; art. 1 moves to Mon 9 March; the period holds one working day,
    # but art. 2 only covers terms of at least three days.
    term = legal_term(D(2026, 3, 6), days=2, kind=TermKind.SUPPLEMENT)
    assert term.end == D(2026, 3, 9)
    assert "art2_two_working_days" not in codes(term)


# --- art. 4: terms longer than 12 weeks / 90 days / 3 months are not moved -----------------------------------------


def test_a_13_week_term_is_outside_the_atw():
    # Event Fri 2 Oct 2026 (Oct 1 Thu + 1); 13 weeks = 91 days: 28 to Fri 30 Oct, 28 to Fri 27 Nov, 28 to Fri 25 Dec,
    # 7 to Fri 1 January 2027 = Nieuwjaarsdag. Art. 4: not moved.
    term = legal_term(D(2026, 10, 2), weeks=13)
    assert term.nominal_end == term.end == D(2027, 1, 1)
    assert not term.atw_applies
    assert "art4_not_applicable" in codes(term)


def test_a_12_week_term_is_inside_the_atw():
    # Event Fri 9 Oct 2026; 12 weeks = 84 days: 28 to Fri 6 Nov, 28 to Fri 4 Dec, 28 to Fri 1 January 2027 =
    # Nieuwjaarsdag; Sat 2 and Sun 3 follow: the term ends on Monday 4 January 2027.
    term = legal_term(D(2026, 10, 9), weeks=12)
    assert (term.nominal_end, term.end) == (D(2027, 1, 1), D(2027, 1, 4))
    assert term.atw_applies


def test_90_days_inside_91_days_outside():
    # Sat 3 Oct 2026 + 90 days: 28 to 31 Oct, 30 to 30 Nov, 31 to 31 Dec, 1 to Fri 1 Jan 2027 → moved to Mon 4 Jan.
    # Fri 2 Oct 2026 + 91 days is also Fri 1 Jan 2027, but 91 days is more than 90: not moved.
    assert legal_term(D(2026, 10, 3), days=90).end == D(2027, 1, 4)
    assert legal_term(D(2026, 10, 2), days=91).end == D(2027, 1, 1)


def test_three_months_inside_four_months_outside():
    # Sun 15 Feb 2026 + 3 months = Fri 15 May 2026, a decree day → Mon 18 May. Thu 15 Jan 2026 + 4 months is the
    # same Friday 15 May, but a term of more than three months is not moved.
    assert legal_term(D(2026, 2, 15), months=3).end == D(2026, 5, 18)
    assert legal_term(D(2026, 1, 15), months=4).end == D(2026, 5, 15)


def test_a_month_from_the_31st_ends_on_the_last_day_of_a_shorter_month():
    # 31 Jan 2026 + 1 month: February has no 31st, so Sat 28 Feb (Feb 1 Sun + 27); the weekend moves it to Mon 2 March.
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2028, 1, 31), 1) == D(2028, 2, 29)  # 2028 is a leap year
    assert add_months(D(2026, 11, 30), 3) == D(2027, 2, 28)
    term = legal_term(D(2026, 1, 31), months=1)
    assert (term.nominal_end, term.end) == (D(2026, 2, 28), D(2026, 3, 2))


# --- the decision term: suspension (Awb 4:15) and postponement (Awb 4:14) --------------------------------------------


def test_decision_deadline_without_suspension():
    # Received Mon 2 March 2026; 8 weeks: 28 days to Mon 30 March, 28 to Mon 27 April = Koningsdag → Tue 28 April.
    term = decision_deadline(D(2026, 3, 2), weeks=8)
    assert (term.start, term.nominal_end, term.end) == (D(2026, 3, 3), D(2026, 4, 27), D(2026, 4, 28))


def test_a_supplement_period_suspends_the_decision_term():
    # Received Mon 2 March 2026, 8 weeks → nominal Mon 27 April. Supplement asked Mon 9 March, supplied Mon 23 March:
    # suspended from Tue 10 up to (not including) Mon 23 March = 13 days. 27 April + 13 days: 3 to 30 April, 10 to
    # Sun 10 May (May 1 Fri + 9) → the Atw moves it to Monday 11 May 2026.
    assert suspended_days(D(2026, 3, 9), D(2026, 3, 23)) == 13
    term = decision_deadline(D(2026, 3, 2), weeks=8, suspensions=[(D(2026, 3, 9), D(2026, 3, 23))])
    assert (term.nominal_end, term.end) == (D(2026, 4, 27), D(2026, 5, 11))
    assert codes(term) == ["starts_day_after", "calendar_end", "suspended", "weekend", "end"]
    suspended = term.reasons[2]
    assert suspended.date == D(2026, 3, 9)
    assert "13 dagen" in suspended.text_nl
    assert "art. 4:15 Awb" in suspended.text_nl


def test_supplied_the_day_after_the_request_loses_no_day():
    # Suspended "met ingang van de dag na" the request "tot de dag waarop" it was supplied: 10 March up to 10 March.
    assert suspended_days(D(2026, 3, 9), D(2026, 3, 10)) == 0
    assert suspended_days(D(2026, 3, 9), D(2026, 3, 9)) == 0


def test_overlapping_suspensions_count_each_day_once():
    # 10..22 March and 17..29 March together cover 10..29 March = 20 days; 27 April + 20 = Sun 17 May 2026 (Sun 10
    # May + 7) → Monday 18 May.
    term = decision_deadline(D(2026, 3, 2), weeks=8,
                             suspensions=[(D(2026, 3, 9), D(2026, 3, 23)), (D(2026, 3, 16), D(2026, 3, 30))])
    assert term.end == D(2026, 5, 18)


def test_a_postponement_adds_weeks_before_the_atw():
    # As above (Sun 10 May after the suspension) + 4 weeks = Sun 7 June 2026 (Jun 1 Mon + 6) → Monday 8 June.
    # 8 + 4 = 12 weeks: still inside the Atw.
    term = decision_deadline(D(2026, 3, 2), weeks=8, suspensions=[(D(2026, 3, 9), D(2026, 3, 23))],
                             postponement_weeks=4)
    assert term.end == D(2026, 6, 8)
    assert "postponed" in codes(term)


def test_a_13_week_decision_term_is_not_moved():
    # Received Fri 2 Oct 2026; 13 weeks end Fri 1 January 2027 (see above); art. 4: not moved.
    term = decision_deadline(D(2026, 10, 2), weeks=13)
    assert term.end == D(2027, 1, 1)
    assert not term.atw_applies


def test_the_named_terms_of_the_subsidy_process():
    # Supplement: asked Thu 30 April 2026, 14 days → Mon 18 May (test_a_decree_day_after_hemelvaartsdag).
    # Objection: notified Fri 13 Nov 2026 → Mon 28 Dec (test_christmas).
    assert supplement_deadline(D(2026, 4, 30), days=14).end == D(2026, 5, 18)
    assert supplement_deadline(D(2026, 4, 30), days=14).kind is TermKind.SUPPLEMENT
    assert objection_deadline(D(2026, 11, 13)).end == D(2026, 12, 28)
    assert objection_deadline(D(2026, 11, 13)).start == D(2026, 11, 14)


def test_the_suspension_ends_on_supplement_or_at_the_end_of_the_supplement_term():
    # Supplement asked Mon 9 March 2026 with 14 days: 9 + 14 = Mon 23 March (Mar 1 Sun + 22), a working day.
    # Supplied on Mon 16 March → the decision term runs again from the 16th; not supplied, or supplied too late
    # (Wed 25 March) → the suspension lasts up to the supplement term's last day, 23 March.
    supplement = legal_term(D(2026, 3, 9), days=14, kind=TermKind.SUPPLEMENT)
    assert supplement.end == D(2026, 3, 23)
    assert suspension_end(supplement, supplied=D(2026, 3, 16)) == D(2026, 3, 16)
    assert suspension_end(supplement) == D(2026, 3, 23)
    assert suspension_end(supplement, supplied=D(2026, 3, 25)) == D(2026, 3, 23)


def test_the_term_to_decide_on_an_objection_runs_from_the_end_of_the_objection_term():
    # Notified Fri 13 Nov 2026 → objection term ends Mon 28 Dec 2026 (see test_christmas). Awb 7:10: 6 weeks from the
    # day after, i.e. Mon 28 Dec + 42 days: 4 to 1 Jan 2027, 24 to Mon 25 Jan, 14 to Monday 8 February 2027.
    objection = legal_term(D(2026, 11, 13), weeks=6, kind=TermKind.OBJECTION)
    term = objection_decision_deadline(objection.end)
    assert (term.start, term.end) == (D(2026, 12, 29), D(2027, 2, 8))
    assert "art. 7:10 Awb" in term.reasons[0].text_nl
    # Postponed by 6 weeks (7:10 lid 3): Mon 8 Feb + 42 days: 20 to 28 Feb (2027 is no leap year), 22 to Monday
    # 22 March 2027 (Good Friday 2027 is 26 March). 6 + 6 = 12 weeks: inside the Atw.
    assert objection_decision_deadline(objection.end, postponement_weeks=6).end == D(2027, 3, 22)
    # With an advisory committee 12 weeks, postponed 6: 18 weeks, outside the Atw (art. 4).
    assert not objection_decision_deadline(objection.end, weeks=12, postponement_weeks=6).atw_applies


# --- reasons, data and refusals ------------------------------------------------------------------------------------


def test_the_json_shape():
    term = legal_term(D(2026, 3, 10), weeks=8)
    data = term.to_json()
    assert data["start"] == "2026-03-11"
    assert data["nominalEnd"] == "2026-05-05"
    assert data["end"] == "2026-05-06"
    assert {"code", "date", "textNl", "textEn"} <= set(data["reasons"][0])


def test_extra_holidays_count_as_holidays():
    # Received Tue 10 March 2026, 8 weeks → Tue 5 May → Wed 6 May (above); with 6 May given as an extra holiday
    # (a decree not yet in the data) the term ends on Thursday 7 May 2026.
    term = legal_term(D(2026, 3, 10), weeks=8, extra_holidays={D(2026, 5, 6)})
    assert term.end == D(2026, 5, 7)
    assert moved_over(term) == [("holiday", D(2026, 5, 5)), ("holiday", D(2026, 5, 6))]


def test_a_year_without_a_known_decree_is_said():
    # 14 days from Fri 14 Dec 2029 end in 2029: no decree for 2029–2031 is in the data yet.
    term = legal_term(D(2029, 12, 14), days=14)
    assert "decree_days_unknown" in codes(term)


@pytest.mark.parametrize("kwargs", [
    {},
    {"weeks": 6, "days": 3},
    {"weeks": 0},
    {"days": -1},
    {"weeks": True},
    {"months": 1.5},
    {"weeks": 100_000},
])
def test_bad_lengths_are_refused_in_dutch(kwargs):
    with pytest.raises(TermError) as refused:
        legal_term(D(2026, 3, 2), **kwargs)
    assert any(word in str(refused.value) for word in ("termijn", "weken", "dagen", "maanden", "aantal"))


def test_a_suspension_before_the_receipt_is_refused():
    with pytest.raises(TermError):
        decision_deadline(D(2026, 3, 2), weeks=8, suspensions=[(D(2026, 3, 1), D(2026, 3, 5))])
    with pytest.raises(TermError):
        decision_deadline(D(2026, 3, 2), weeks=8, suspensions=[(D(2026, 3, 9), D(2026, 3, 5))])
