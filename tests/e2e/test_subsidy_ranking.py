"""The ranking round in a real browser: the decision-maker opens a ranking scheme's page, sees the provisional
ranking (highest score first, the ceiling used down the list), decides it and sees the outcome; axe-core on the
page before and after."""

from __future__ import annotations

from decimal import Decimal

from ontmoet.accounts.roles import Role


def test_the_decision_maker_previews_and_decides_the_ranking(page, login, assert_accessible):
    from ontmoet.assessment.models import AssessmentRecord
    from ontmoet.subsidies.models import Application, SchemeYear
    from tests import factories_subsidies as fs

    scheme = fs.scheme(ceiling=15_000)
    SchemeYear.objects.filter(scheme=scheme).update(distribution="ranking", ranking_dates=["05-01"])
    who = fs.users()
    apps = [fs.application("advised", of=scheme, amount=10_000, who=who) for _ in range(3)]
    for app, score in zip(apps, ("30", "80", "55"), strict=True):
        AssessmentRecord.objects.filter(pk=app.assessment_id).update(score=Decimal(score))

    login(page, Role.DECISION_MAKER, username="e2e-besluit")
    page.goto(f"/subsidies/regelingen/{scheme.pk}")
    page.get_by_role("heading", name="Rangschikking 2026").wait_for()
    rows = page.get_by_role("table").locator("tbody tr")
    assert rows.count() == 3
    order = [rows.nth(i).inner_text() for i in range(3)]
    assert apps[1].reference in order[0] and "Verleend zoals aangevraagd" in order[0]
    assert apps[2].reference in order[1] and "Gedeeltelijk verleend" in order[1] and "€ 5.000" in order[1]
    assert apps[0].reference in order[2] and "Afgewezen: het subsidieplafond is bereikt" in order[2]
    assert_accessible(page)

    page.get_by_role("form", name="Rangschikking 2026 vaststellen").get_by_role(
        "button", name="Rangschikking vaststellen").click()
    page.get_by_text("De rangschikking 2026 is vastgesteld: 2 verleend (waarvan 1 gedeeltelijk), "
                     "1 afgewezen.").wait_for()
    page.get_by_text("Er zijn geen aanvragen met een advies om te rangschikken.").wait_for()
    assert_accessible(page)
    got = {a.pk: (a.state, a.amount_granted) for a in Application.objects.filter(scheme=scheme)}
    assert got == {apps[0].pk: ("refused", Decimal(0)), apps[1].pk: ("granted", Decimal(10_000)),
                   apps[2].pk: ("granted", Decimal(5_000))}
