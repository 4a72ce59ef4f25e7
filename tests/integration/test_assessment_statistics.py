"""Neighbourhood statistics: the import is all-or-nothing with a report per row; demo figures stay demo."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.core.management.base import CommandError

from ontmoet.accounts.roles import Role
from ontmoet.assessment import errors
from ontmoet.assessment.demo import DEMO_YEAR, EXAMPLE_FILE, demo_csv, load_assessment_demo
from ontmoet.assessment.models import NeighbourhoodStatistic, NeighbourhoodStatisticImport
from ontmoet.assessment.selectors import vulnerability_for
from ontmoet.assessment.services import neighbourhood_stats_import
from ontmoet.core.models import AuditEvent
from ontmoet.places.models import Neighbourhood

pytestmark = pytest.mark.django_db

HEADER = "buurtcode,year,source,residents,low_income_households_pct,single_person_65plus_pct,loneliness_pct\n"
GOOD = HEADER + (
    "BU09350207,2022,Buurtpeiling 2022,5300,21.5,9.0,18.2\n"
    "BU09350000,2022,Buurtpeiling 2022,3000,8,12.5,\n"
)


def test_good_file_is_imported_with_its_source_and_an_audit_event(user_with_role):
    analyst = user_with_role(Role.DATA_ANALYST)
    report = neighbourhood_stats_import(content=GOOD, file_name="peiling.csv", by=analyst)
    assert report.ok and report.written
    assert (report.created, report.updated) == (2, 0)
    malberg = NeighbourhoodStatistic.objects.get(neighbourhood__code="BU09350207", year=2022)
    assert malberg.indicator("low_income_households_pct") == Decimal("21.5")
    assert malberg.residents == 5300
    assert malberg.source == "Buurtpeiling 2022"
    assert malberg.is_demo is False
    binnenstad = NeighbourhoodStatistic.objects.get(neighbourhood__code="BU09350000", year=2022)
    assert binnenstad.indicator("loneliness_pct") is None  # an empty cell is "not known"
    event = AuditEvent.objects.get(action="neighbourhood_stats_import")
    assert event.actor == analyst


def test_importing_the_same_buurt_and_year_again_replaces_the_figures():
    neighbourhood_stats_import(content=GOOD, file_name="a.csv", by=None)
    report = neighbourhood_stats_import(content=GOOD.replace("21.5", "22.0"), file_name="b.csv", by=None)
    assert (report.created, report.updated) == (0, 2)
    stat = NeighbourhoodStatistic.objects.get(neighbourhood__code="BU09350207", year=2022)
    assert stat.indicator("low_income_households_pct") == Decimal("22.0")


@pytest.mark.parametrize(
    ("content", "row", "column", "message"),
    [
        (HEADER + "BU09359999,2022,x,1,1,1,1\n", 2, "buurtcode",
         errors.BUURT_UNKNOWN % {"value": "BU09359999"}),
        (HEADER + "BU09350207,twintig,x,1,1,1,1\n", 2, "year",
         errors.YEAR_INVALID % {"value": "twintig", "min": 1900, "max": 2100}),
        (HEADER + "BU09350207,2022,,1,1,1,1\n", 2, "source", str(errors.SOURCE_REQUIRED)),
        (HEADER + "BU09350207,2022,x,-5,1,1,1\n", 2, "residents", errors.RESIDENTS_INVALID % {"value": "-5"}),
        (HEADER + "BU09350207,2022,x,1,120,1,1\n", 2, "low_income_households_pct",
         errors.PERCENTAGE_INVALID % {"value": "120"}),
        (HEADER + "BU09350207,2022,x,1,1,veel,1\n", 2, "single_person_65plus_pct",
         errors.PERCENTAGE_INVALID % {"value": "veel"}),
        (HEADER + "BU09350207,2022,x,1,1,1,NaN\n", 2, "loneliness_pct", errors.PERCENTAGE_INVALID % {"value": "NaN"}),
        (HEADER + "BU09350207,2022,x,1,1,1,1\nBU09350207,2022,y,1,1,1,1\n", 3, "buurtcode",
         errors.ROW_DUPLICATE % {"code": "BU09350207", "year": 2022, "row": 2}),
        (HEADER.replace("residents", "kleur") + "BU09350207,2022,x,1,1,1,1\n", 1, "kleur", None),
        (HEADER.replace("source,", "") + "BU09350207,2022,1,1,1,1\n", 1, "source",
         errors.COLUMN_MISSING % {"column": "source"}),
    ],
)
def test_bad_row_writes_nothing_and_names_row_column_and_problem(content, row, column, message):
    report = neighbourhood_stats_import(content=content, file_name="x.csv", by=None)
    assert not report.ok
    assert not report.written
    assert NeighbourhoodStatistic.objects.count() == 0
    assert NeighbourhoodStatisticImport.objects.count() == 0
    found = [m for m in report.messages if m.column == column]
    assert found, report.messages
    if message is not None:
        assert found[0].message == str(message)
    else:
        assert "Onbekende kolom 'kleur'" in found[0].message
    assert found[0].row == row


def test_one_bad_row_among_good_ones_writes_nothing():
    report = neighbourhood_stats_import(content=GOOD + "BU09350201,2022,x,1,1,1,101\n", file_name="x.csv", by=None)
    assert [(m.row, m.column) for m in report.messages] == [(4, "loneliness_pct")]
    assert len(report.parsed.rows) == 2  # the good rows were read ...
    assert NeighbourhoodStatistic.objects.count() == 0  # ... and still not written


def test_semicolon_separated_file_with_decimal_commas_is_read():
    content = HEADER.replace(",", ";") + "BU09350207;2022;Peiling;5300;21,5;9,0;18,2\n"
    report = neighbourhood_stats_import(content=content.encode("utf-8-sig"), file_name="excel.csv", by=None)
    assert report.ok, report.messages
    assert NeighbourhoodStatistic.objects.get().indicator("low_income_households_pct") == Decimal("21.5")


def test_dry_run_checks_but_writes_nothing():
    report = neighbourhood_stats_import(content=GOOD, file_name="x.csv", by=None, dry_run=True)
    assert report.ok
    assert not report.written
    assert NeighbourhoodStatistic.objects.count() == 0


@pytest.mark.parametrize("role", [Role.POLICY_OFFICER, Role.GRANT_OFFICER, Role.BOARD_MEMBER])
def test_only_data_analysts_and_administrators_import(user_with_role, role):
    with pytest.raises(PermissionDenied):
        neighbourhood_stats_import(content=GOOD, file_name="x.csv", by=user_with_role(role))


def test_a_source_that_says_demo_is_stored_as_demo_even_without_the_flag():
    neighbourhood_stats_import(content=GOOD.replace("Buurtpeiling 2022", "Demo-cijfers"), file_name="x.csv", by=None)
    assert set(NeighbourhoodStatistic.objects.values_list("is_demo", flat=True)) == {True}


def test_demo_statistics_are_deterministic_idempotent_and_marked_demo():
    report = load_assessment_demo()
    assert report is not None and report.ok
    count = Neighbourhood.objects.count()
    assert NeighbourhoodStatistic.objects.filter(year=DEMO_YEAR, is_demo=True).count() == count == 44
    first = dict(NeighbourhoodStatistic.objects.values_list("neighbourhood__code", "indicators"))
    assert load_assessment_demo() is None  # nothing left to do
    assert dict(NeighbourhoodStatistic.objects.values_list("neighbourhood__code", "indicators")) == first
    assert all("DEMO" in s for s in NeighbourhoodStatistic.objects.values_list("source", flat=True))
    table = vulnerability_for()
    assert table is not None and table.has_demo and table.ranked_count == 44


def test_demo_never_overwrites_real_figures():
    neighbourhood_stats_import(content=GOOD.replace("2022", str(DEMO_YEAR)), file_name="echt.csv", by=None)
    load_assessment_demo()
    real = NeighbourhoodStatistic.objects.get(neighbourhood__code="BU09350207", year=DEMO_YEAR)
    assert real.is_demo is False
    assert real.source == f"Buurtpeiling {DEMO_YEAR}"


def test_shipped_example_file_is_the_demo_generator_output_and_imports_cleanly():
    codes = Neighbourhood.objects.values_list("code", flat=True)
    assert EXAMPLE_FILE.read_text(encoding="utf-8") == demo_csv(codes)
    report = neighbourhood_stats_import(content=EXAMPLE_FILE.read_bytes(), file_name=EXAMPLE_FILE.name, by=None,
                                        dry_run=True)
    assert report.ok and report.is_demo


def test_cli_import_reports_and_exits_1_on_a_bad_row(tmp_path, capsys):
    bad = tmp_path / "slecht.csv"
    bad.write_text(GOOD + "BU09350207,2023,x,1,1,1,200\n", encoding="utf-8")
    with pytest.raises(CommandError) as caught:
        call_command("import_neighbourhood_stats", str(bad))
    assert caught.value.returncode == 1
    assert "rij 4, kolom loneliness_pct" in capsys.readouterr().err
    assert NeighbourhoodStatistic.objects.count() == 0
    good = tmp_path / "goed.csv"
    good.write_text(GOOD, encoding="utf-8")
    call_command("import_neighbourhood_stats", str(good), "--dry-run")
    assert NeighbourhoodStatistic.objects.count() == 0
    call_command("import_neighbourhood_stats", str(good))
    assert "2 regels ingelezen" in capsys.readouterr().out
    assert NeighbourhoodStatistic.objects.count() == 2


def test_a_windows_1252_file_with_dutch_column_names_is_read():
    content = ("buurtcode;jaar;bron;inwoners;loneliness_pct\n"
               "BU09350207;2022;Buurtpeiling – Maastricht é;1000;12,5\n").encode("cp1252")
    report = neighbourhood_stats_import(content=content, file_name="excel.csv", by=None)
    assert report.ok, report.messages
    assert NeighbourhoodStatistic.objects.get(neighbourhood__code="BU09350207", year=2022).source == (
        "Buurtpeiling – Maastricht é")
