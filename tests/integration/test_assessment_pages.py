"""Pages of the afwegingskader: who may open them, the what-if form without JavaScript, rule pages, the
vulnerability table and the statistics upload."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ontmoet.accounts.roles import Role
from ontmoet.assessment import errors
from ontmoet.assessment.demo import load_assessment_demo
from ontmoet.assessment.models import NeighbourhoodStatistic
from ontmoet.domain.assessment import RULE_IDS
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db

ALL = set(Role)
STAFF = ALL - {Role.BOARD_MEMBER}
IMPORTERS = {Role.DATA_ANALYST, Role.ADMINISTRATOR}
PAGES = [
    ("assessment:what_if", STAFF),
    ("assessment:vulnerability", STAFF),
    ("assessment:statistics_import", IMPORTERS),
]


@pytest.mark.parametrize("role", sorted(Role))
@pytest.mark.parametrize(("name", "allowed"), PAGES, ids=[p[0] for p in PAGES])
def test_page_access_by_role(client, user_with_role, role, name, allowed):
    client.force_login(user_with_role(role))
    status = client.get(reverse(name)).status_code
    assert status == (200 if role in allowed else 403)


@pytest.mark.parametrize(("name", "allowed"), PAGES, ids=[p[0] for p in PAGES])
def test_anonymous_visitors_are_sent_to_login(client, name, allowed):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_pages_are_public_and_explain_the_rule_with_its_seed_words(client, rule_id):
    response = client.get(reverse("assessment:rule", args=[rule_id]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Wat controleert deze regel?" in page
    assert "<blockquote" in page
    assert "Raadsvoorstel Beleidsplan Sociale Ontmoetingsplekken" in page


def test_co_location_page_shows_the_threshold_as_a_default_with_its_source(client):
    page = client.get(reverse("assessment:rule", args=["co_location"])).content.decode()
    assert "assessment.co_location_threshold_m" in page
    assert "standaardwaarde, vast te stellen door de gemeente" in page
    assert "afstand niet vastgelegd" in page  # the source text of the plan file
    assert "zwaarwegende afwegingen" in page  # the seed's own words


def test_eligibility_page_shows_the_minimum_board_as_policy(client):
    page = client.get(reverse("assessment:rule", args=["eligibility"])).content.decode()
    assert "assessment.min_board_members" in page
    assert "vastgesteld beleid" in page


def test_unknown_rule_is_404(client):
    assert client.get("/afwegingskader/regels/bestaat_niet").status_code == 404


def test_index_is_public_and_hides_staff_links_from_residents(client, user_with_role):
    page = client.get(reverse("assessment:index")).content.decode()
    assert reverse("assessment:rule", args=["co_location"]) in page
    assert reverse("assessment:what_if") not in page
    client.force_login(user_with_role(Role.POLICY_OFFICER))
    assert reverse("assessment:what_if") in client.get(reverse("assessment:index")).content.decode()


def _oc():
    return PlaceFactory(name="OC Vrijthof", type="meeting_centre", latitude=Decimal("50.850900"),
                        longitude=Decimal("5.688700"))


def test_what_if_works_as_a_plain_get_form(client, policy_officer):
    _oc()
    client.force_login(policy_officer)
    page = client.get(reverse("assessment:what_if"), {"type": "living_room", "latitude": "50,8488",
                                                      "longitude": "5.6887"}).content.decode()
    assert 'data-rule="co_location" data-outcome="attention"' in page
    assert "OC Vrijthof" in page
    assert "Binnenstad" in page
    assert 'value="50,8488"' in page  # what the user typed stays in the field
    assert "standaardwaarde, vast te stellen door de gemeente" in page


def test_what_if_with_a_buurt_uses_the_label_point(client, policy_officer):
    client.force_login(policy_officer)
    page = client.get(reverse("assessment:what_if"), {"type": "living_room", "neighbourhood": "BU09350207"}
                      ).content.decode()
    assert "labelpunt van de gekozen buurt" in page
    assert "Malberg" in page


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"type": "living_room", "latitude": "abc", "longitude": "5.6887"},
         "„abc” is geen getal. Schrijf bijvoorbeeld 50,8488."),
        # The longitude's message gives a longitude as its example, not a latitude (A10).
        ({"type": "living_room", "latitude": "50.85", "longitude": "oost"},
         "„oost” is geen getal. Schrijf bijvoorbeeld 5,6887."),
        ({"type": "living_room", "latitude": "50,8512", "longitude": "5,6,9"}, "heeft meer dan één komma"),
        ({"type": "living_room", "latitude": "52.37", "longitude": "4.89"}, str(errors.OUTSIDE_MAASTRICHT)),
        ({"type": "living_room", "latitude": "50.85", "longitude": ""}, str(errors.COORDINATES_PAIR)),
        ({"type": "living_room"}, str(errors.LOCATION_REQUIRED)),
        ({"type": "living_room", "latitude": "500", "longitude": "5"}, str(errors.LATITUDE_RANGE)),
        ({"type": "kasteel", "neighbourhood": "BU09350207"}, "Selecteer een geldige keuze"),
    ],
)
def test_what_if_bad_input_gives_a_dutch_message_and_keeps_the_input(client, policy_officer, params, message):
    client.force_login(policy_officer)
    response = client.get(reverse("assessment:what_if"), params)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "data-rule=" not in page
    if params.get("latitude"):
        assert f'value="{params["latitude"]}"' in page


def test_what_if_answers_htmx_with_the_partial_only(client, policy_officer):
    client.force_login(policy_officer)
    response = client.get(reverse("assessment:what_if"), {"type": "living_room", "neighbourhood": "BU09350207"},
                          HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="whatif">')
    assert "<html" not in page
    assert 'data-rule="vulnerability_priority"' in page


def test_vulnerability_table_shows_formula_ranks_and_demo(client, policy_officer):
    load_assessment_demo()
    client.force_login(policy_officer)
    page = client.get(reverse("assessment:vulnerability")).content.decode()
    assert "kwetsbaarheidsindex = 0,4 × N(huishoudens met een laag inkomen, %)" in page
    assert page.count('class="ontmoet-badge ontmoet-badge--demo"') >= 44
    assert "geen echte cijfers" in page
    assert page.count("data-code=") == 44


def test_vulnerability_table_without_statistics_says_so(client, policy_officer):
    client.force_login(policy_officer)
    assert "nog geen buurtcijfers ingelezen" in client.get(reverse("assessment:vulnerability")).content.decode()


def test_statistics_upload_is_all_or_nothing_and_reports_rows(client, user_with_role):
    client.force_login(user_with_role(Role.DATA_ANALYST))
    header = "buurtcode,year,source,loneliness_pct\n"
    rows = "BU09350207,2022,Peiling,12\nBU0935XXXX,2022,Peiling,x\n"
    bad = SimpleUploadedFile("slecht.csv", (header + rows).encode())
    page = client.post(reverse("assessment:statistics_import"), {"file": bad}).content.decode()
    assert "Niets opgeslagen" in page
    assert "Onbekende buurtcode" in page
    assert NeighbourhoodStatistic.objects.count() == 0
    good = SimpleUploadedFile("goed.csv", (header + "BU09350207,2022,Peiling,12\n").encode())
    response = client.post(reverse("assessment:statistics_import"), {"file": good}, follow=True)
    assert "1 regel ingelezen" in response.content.decode()
    assert NeighbourhoodStatistic.objects.get().indicator("loneliness_pct") == Decimal("12")


def test_vulnerability_table_per_year_shows_years_without_digit_grouping(client, policy_officer):
    from ontmoet.assessment.services import neighbourhood_stats_import

    load_assessment_demo()  # 2024
    neighbourhood_stats_import(content="buurtcode,year,source,loneliness_pct\nBU09350207,2022,Peiling,12\n",
                               file_name="2022.csv", by=None)
    client.force_login(policy_officer)
    latest = client.get(reverse("assessment:vulnerability")).content.decode()
    assert "Kwetsbaarheidsindex per buurt, 2024" in latest
    assert '<option value="2022"' in latest
    older = client.get(reverse("assessment:vulnerability"), {"jaar": "2022"}).content.decode()
    assert "Kwetsbaarheidsindex per buurt, 2022" in older
    assert older.count("data-code=") == 1
