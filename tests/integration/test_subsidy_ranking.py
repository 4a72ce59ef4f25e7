"""The ranking round of a ranking scheme-year (Awb 4:25, 4:26): the preview on the scheme's page in the order the
ranking takes, the form that decides it, and ``POST /api/v1/schemes/{id}/rank``. Who may rank is who may decide;
whoever assessed one of the applications may not (four eyes); a second round with nothing left says so."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from typing import Any

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from ontmoet.accounts.roles import Role
from ontmoet.assessment.models import AssessmentRecord
from ontmoet.subsidies import selectors
from ontmoet.subsidies.models import Application, SchemeYear
from tests import factories_subsidies as fs
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def who() -> dict[str, Any]:
    return fs.users()


@pytest.fixture
def ranking(who: dict[str, Any]) -> dict[str, Any]:
    """Ceiling 25.000, four advised applications of 10.000 with scores 40, 90, 70, 90 (the last complete later
    than the second: a tie on score goes to whoever was complete first) and one advice to refuse."""
    scheme = fs.scheme(ceiling=25_000)
    SchemeYear.objects.filter(scheme=scheme).update(distribution="ranking", ranking_dates=["05-01"])
    apps = [fs.application("advised", of=scheme, amount=10_000, who=who) for _ in range(4)]
    for app, score in zip(apps, ("40", "90", "70", "90"), strict=True):
        AssessmentRecord.objects.filter(pk=app.assessment_id).update(score=D(score))
    Application.objects.filter(pk=apps[1].pk).update(completed_at=dt.datetime(2026, 2, 1, tzinfo=dt.UTC))
    Application.objects.filter(pk=apps[3].pk).update(completed_at=dt.datetime(2026, 2, 2, tzinfo=dt.UTC))
    refused = fs.application("in_assessment", of=scheme, amount=5_000, who=who)
    from ontmoet.subsidies import services

    services.application_advise(application=refused, advice="refuse", motivation="Past niet", by=who["officer"])
    year = SchemeYear.objects.get(scheme=scheme)
    return {"scheme": scheme, "year": year, "apps": apps, "refused": refused}


def _rank_url(ranking: dict[str, Any]) -> str:
    return reverse("subsidies:scheme_rank", args=[ranking["scheme"].pk, ranking["year"].pk])


# --- the preview ------------------------------------------------------------------------------------------------


def test_the_preview_takes_the_order_of_the_ranking_and_uses_the_ceiling(ranking):
    preview = selectors.ranking_preview(ranking["year"])
    apps = ranking["apps"]
    assert [(r.application.pk, r.position, r.granted, r.reason.value) for r in preview.rows] == [
        (apps[1].pk, 1, D(10_000), "granted"),
        (apps[3].pk, 2, D(10_000), "granted"),
        (apps[2].pk, 3, D(5_000), "partial_ceiling"),
        (apps[0].pk, 4, D(0), "refused_ceiling"),
        (ranking["refused"].pk, None, D(0), "refused"),
    ]
    assert (preview.granted, preview.partial, preview.refused) == (2, 1, 2)
    assert preview.granted_total == D(25_000)
    assert preview.remaining_after == D(0)
    assert Application.objects.filter(scheme=ranking["scheme"], state="advised").count() == 5  # nothing saved


def test_the_preview_is_what_the_ranking_then_decides(ranking, who):
    from ontmoet.subsidies import services

    expected = {r.application.pk: (r.granted, r.reason.value) for r in selectors.ranking_preview(ranking["year"]).rows}
    services.scheme_year_rank(scheme_year=ranking["year"], by=who["decider"])
    got = {a.pk: (a.amount_granted, a.decision_reason) for a in Application.objects.filter(scheme=ranking["scheme"])}
    assert got == expected


# --- the page ---------------------------------------------------------------------------------------------------


def test_the_decision_maker_sees_the_ranking_in_order_on_the_scheme_page(client, ranking, who):
    client.force_login(who["decider"])
    page = client.get(reverse("subsidies:scheme", args=[ranking["scheme"].pk])).content.decode()
    assert "Rangschikking 2026" in page
    apps = ranking["apps"]
    positions = [page.index(a.reference) for a in (apps[1], apps[3], apps[2], apps[0], ranking["refused"])]
    assert positions == sorted(positions)
    assert "Gedeeltelijk verleend: het subsidieplafond is bereikt" in page
    assert "Rangschikking vaststellen" in page
    assert 'style="' not in page and "<script>" not in page  # CSP: no inline style or script


@pytest.mark.parametrize("role", [Role.POLICY_OFFICER, Role.FINANCE_ADVISOR, Role.BOARD_MEMBER])
def test_others_see_no_ranking_and_may_not_rank(client, ranking, role):
    client.force_login(UserFactory(username="ander", role=role))
    page = client.get(reverse("subsidies:scheme", args=[ranking["scheme"].pk])).content.decode()
    assert "Rangschikking vaststellen" not in page
    assert ranking["apps"][0].reference not in page
    assert client.post(_rank_url(ranking)).status_code == 403
    assert Application.objects.filter(scheme=ranking["scheme"], state="advised").count() == 5


def test_ranking_on_the_page_decides_and_says_how_many_then_nothing_is_left(client, ranking, who):
    client.force_login(who["decider"])
    response = client.post(_rank_url(ranking))
    assert response.status_code == 302
    assert response["Location"] == reverse("subsidies:scheme", args=[ranking["scheme"].pk])
    page = client.get(response["Location"]).content.decode()
    assert "De rangschikking 2026 is vastgesteld: 3 verleend (waarvan 1 gedeeltelijk), 2 afgewezen." in page
    assert "Er zijn geen aanvragen met een advies om te rangschikken." in page
    assert SchemeYear.objects.get(pk=ranking["year"].pk).committed == D(25_000)
    again = client.post(_rank_url(ranking), follow=True)
    assert again.status_code == 200
    assert "Er zijn geen aanvragen met een advies meer om te rangschikken." in again.content.decode()


def test_a_grant_officer_who_did_not_assess_may_rank(client, ranking):
    client.force_login(UserFactory(username="ander-behandelaar", role=Role.GRANT_OFFICER))
    page = client.post(_rank_url(ranking), follow=True).content.decode()
    assert "is vastgesteld" in page
    assert not Application.objects.filter(scheme=ranking["scheme"], state="advised").exists()


def test_the_assessor_gets_the_four_eyes_refusal_in_the_interface_language(client, ranking, who, settings):
    client.force_login(who["officer"])
    page = client.post(_rank_url(ranking), follow=True)
    assert page.status_code == 200
    assert "Vier ogen: wie deze aanvraag heeft beoordeeld of geadviseerd" in page.content.decode()
    assert Application.objects.filter(scheme=ranking["scheme"], state="advised").count() == 5
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.post(_rank_url(ranking), follow=True)
    assert "Four eyes: whoever assessed or advised on this application" in page.content.decode()


def test_nothing_left_is_said_in_english_too(client, ranking, who, settings):
    client.force_login(who["decider"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("subsidies:scheme", args=[ranking["scheme"].pk])).content.decode()
    assert "Provisional ranking 2026" in page and "Decide the ranking" in page
    assert "Partly granted" in page or "partly granted" in page
    first = client.post(_rank_url(ranking), follow=True).content.decode()
    assert "The ranking 2026 has been decided: 3 granted (1 of them partly), 2 refused." in first
    again = client.post(_rank_url(ranking), follow=True).content.decode()
    assert "There are no advised applications left to rank." in again


def test_a_scheme_that_does_not_rank_is_refused_with_the_reason(client, who):
    app = fs.application("advised", who=who)
    client.force_login(who["decider"])
    page = client.post(reverse("subsidies:scheme_rank", args=[app.scheme_id, app.scheme_year_id]), follow=True)
    assert "Deze regeling verdeelt niet op rangorde" in page.content.decode()
    assert Application.objects.get(pk=app.pk).state == "advised"


def test_a_year_of_another_scheme_does_not_exist_here(client, ranking, who):
    other = fs.scheme()
    client.force_login(who["decider"])
    response = client.post(reverse("subsidies:scheme_rank", args=[other.pk, ranking["year"].pk]))
    assert response.status_code == 404


# --- the API ----------------------------------------------------------------------------------------------------


def _api(user: Any) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _rank(client: APIClient, ranking: dict[str, Any], body: Any = None) -> Any:
    return client.post(f"/api/v1/schemes/{ranking['scheme'].pk}/rank", {"year": 2026} if body is None else body,
                       format="json")


def test_the_api_ranks_and_answers_the_decisions(ranking, who):
    response = _rank(_api(who["decider"]), ranking)
    assert response.status_code == 200, response.content
    got = [(d["application"]["id"], d["amountGranted"], d["decisionReason"]) for d in response.json()]
    apps = ranking["apps"]
    assert sorted(got) == sorted([(apps[1].pk, "10000.00", "granted"), (apps[3].pk, "10000.00", "granted"),
                                  (apps[2].pk, "5000.00", "partial_ceiling"), (apps[0].pk, "0.00", "refused_ceiling"),
                                  (ranking["refused"].pk, "0.00", "refused")])
    assert {d["application"]["state"] for d in response.json()} == {"granted", "refused"}
    again = _rank(_api(who["decider"]), ranking)
    assert again.status_code == 409
    assert again["Content-Type"] == "application/problem+json"
    assert "geen aanvragen met een advies meer" in again.json()["detail"]


def test_the_api_refuses_the_assessor_and_other_roles(ranking, who):
    response = _rank(_api(who["officer"]), ranking)
    assert response.status_code == 403
    assert "Vier ogen" in response.json()["detail"]
    for role in (Role.POLICY_OFFICER, Role.BOARD_MEMBER, Role.FINANCE_ADVISOR):
        assert _rank(_api(UserFactory(username=f"api-{role}", role=role)), ranking).status_code == 403
    assert Application.objects.filter(scheme=ranking["scheme"], state="advised").count() == 5


def test_the_api_input_is_strict_and_the_year_must_exist(ranking, who):
    client = _api(who["decider"])
    assert _rank(client, ranking, {}).status_code == 400
    assert _rank(client, ranking, {"year": 2026, "extra": 1}).status_code == 400
    assert _rank(client, ranking, {"year": "twee"}).status_code == 400
    missing = _rank(client, ranking, {"year": 2031})
    assert missing.status_code == 422  # a year the scheme has no ceiling for: a rule, not the shape
    assert "year" in str(missing.json()["invalidParams"])
    assert client.post("/api/v1/schemes/999999/rank", {"year": 2026}, format="json").status_code == 404
    assert Application.objects.filter(scheme=ranking["scheme"], state="advised").count() == 5


def test_the_api_refuses_a_scheme_that_does_not_rank(who):
    app = fs.application("advised", who=who)
    response = _api(who["decider"]).post(f"/api/v1/schemes/{app.scheme_id}/rank", {"year": 2026}, format="json")
    assert response.status_code == 409
    assert "verdeelt niet op rangorde" in response.json()["detail"]


def test_the_openapi_schema_documents_the_ranking(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/schemes/{id}/rank"]["post"]
    assert set(operation["responses"]) >= {"200", "400", "403", "404", "409"}
    assert operation["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/RankInputRequest"}
    answer = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert answer == {"type": "array", "items": {"$ref": "#/components/schemas/DecisionOutput"}}
    assert [p["name"] for p in operation["parameters"]] == ["id"]  # no paging: every decision of the round


# --- ranking dates (peilmomenten) ----------------------------------------------------------------------------------


def test_no_round_before_the_first_ranking_date(client, ranking, who):
    import time_machine

    with time_machine.travel(dt.datetime(2026, 4, 30, 12, 0, tzinfo=dt.UTC), tick=False):
        client.force_login(who["decider"])
        page = client.get(reverse("subsidies:scheme", args=[ranking["scheme"].pk])).content.decode()
        assert "De rangschikking is op het peilmoment 01-05-2026; eerder kan ze niet worden vastgesteld." in page
        refused = client.post(_rank_url(ranking), follow=True).content.decode()
    assert "De rangschikking van 2026 is op 01-05-2026; eerder kan ze niet worden vastgesteld." in refused
    assert not Application.objects.filter(scheme_year=ranking["year"], state="granted").exists()


def test_applications_complete_after_the_date_wait_for_the_next_one(client, ranking, who):
    """Two dates, 1 May and 1 November: on 2 June the round is held for 1 May and takes only those complete by
    then; the others wait for 1 November, when the last round takes what is advised."""
    import time_machine

    SchemeYear.objects.filter(pk=ranking["year"].pk).update(ranking_dates=["05-01", "11-01"])
    apps = ranking["apps"]
    late = [apps[0], apps[2], ranking["refused"]]
    Application.objects.filter(pk__in=[a.pk for a in late]).update(
        completed_at=dt.datetime(2026, 5, 20, tzinfo=dt.UTC))
    with time_machine.travel(dt.datetime(2026, 6, 2, 12, 0, tzinfo=dt.UTC), tick=False):
        client.force_login(who["decider"])
        page = client.get(reverse("subsidies:scheme", args=[ranking["scheme"].pk])).content.decode()
        assert "Peilmoment 01-05-2026" in page and "3 aanvragen wachten op het volgende peilmoment, 01-11-2026." in page
        client.post(_rank_url(ranking))
    decided = set(Application.objects.filter(scheme_year=ranking["year"], state="granted").values_list("pk", flat=True))
    assert decided == {apps[1].pk, apps[3].pk}
    with time_machine.travel(dt.datetime(2026, 11, 2, 12, 0, tzinfo=dt.UTC), tick=False):
        client.force_login(who["decider"])  # months later: a new session
        client.post(_rank_url(ranking))
    assert not Application.objects.filter(scheme_year=ranking["year"], state__in=["advised", "postponed"]).exists()
