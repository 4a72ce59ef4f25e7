"""Import is all-or-nothing with a report per row; export round-trips through import to identical data."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.utils import timezone, translation
from openpyxl import Workbook, load_workbook

from ontmoet.core.models import AuditEvent
from ontmoet.core.tabular import ImportFileError
from ontmoet.places.exporting import export_csv, export_xlsx, template_csv, template_xlsx
from ontmoet.places.models import MeetingPlace, Neighbourhood, PlaceTypeChange
from ontmoet.places.services import places_import
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db

HEADER = "name,type,street,house_number,postcode,city,latitude,longitude,neighbourhood_code,step_free_entrance\n"
GOOD_ROWS = [
    # Amby (the Amyerhoof marker), Malberg's label point, and a place given by buurt code without coordinates.
    "Huiskamer Amby,huiskamer,Severenplein,27,6225 AZ,Maastricht,50.864300,5.731435,,ja\n",
    "OC Malberg,Ontmoetingscentrum,Voorbeeldstraat,1,6228AB,Maastricht,50.86169,5.65287,,nee\n",
    "Restaurant Heer,social_restaurant,Voorbeeldstraat,2,,Maastricht,,,BU09350602,\n",
]
DUTCH_HEADER = "naam;type;straat;huisnummer;postcode;plaats;breedtegraad;lengtegraad;buurtcode\n"


def write(tmp_path: Path, rows: list[str], name: str = "plekken.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def run_import(content: bytes, filename: str = "plekken.csv", **kwargs):
    return places_import(content=content, filename=filename, by=None, **kwargs)


def test_good_file_imports_every_row_and_derives_each_buurt(tmp_path):
    out = io.StringIO()
    call_command("import_places", str(write(tmp_path, GOOD_ROWS)), stdout=out)
    assert "3 plekken geïmporteerd" in out.getvalue()
    places = {p.name: p for p in MeetingPlace.objects.with_type().select_related("neighbourhood")}
    assert places["Huiskamer Amby"].neighbourhood.code == "BU09350406"
    assert places["OC Malberg"].neighbourhood.code == "BU09350207"
    assert places["Restaurant Heer"].neighbourhood.code == "BU09350602"
    assert places["OC Malberg"].type == "meeting_centre"
    assert places["OC Malberg"].postcode == "6228 AB"
    assert places["Huiskamer Amby"].step_free_entrance is True


@pytest.mark.parametrize(
    ("bad_row", "column"),
    [
        ("Kapot,zwembad,Straat,1,6211 AA,Maastricht,50.85,5.69,,\n", "type"),
        ("Kapot,huiskamer,Straat,1,6211 AA,Maastricht,noord,5.69,,\n", "latitude"),
        ("Kapot,huiskamer,Straat,1,6211 AA,Maastricht,52.37,4.89,,\n", "latitude"),          # Amsterdam
        ("Kapot,huiskamer,Straat,1,6211 AA,Maastricht,1e999999,5.69,,\n", "latitude"),
        ("Kapot,huiskamer,Straat,1,ABCD 12,Maastricht,50.85,5.69,,\n", "postcode"),
        ("Kapot,huiskamer,Straat,1,6211 AA,Maastricht,50.85,5.69,BU99999999,\n", "neighbourhood_code"),
        (",huiskamer,Straat,1,6211 AA,Maastricht,50.85,5.69,,\n", "name"),
        ("Kapot,huiskamer,Straat,1,6211 AA,Maastricht,50.85,5.69,,misschien\n", "step_free_entrance"),
        ("Ka\x00pot,huiskamer,Straat,1,6211 AA,Maastricht,50.85,5.69,,\n", "name"),               # NUL byte
        ("Kapot,huiskamer,Str\x1baat,1,6211 AA,Maastricht,50.85,5.69,,\n", "street"),             # escape
        ('"Twee\nregels",huiskamer,Straat,1,6211 AA,Maastricht,50.85,5.69,,\n', "name"),
        ("K" * 201 + ",huiskamer,Straat,1,6211 AA,Maastricht,50.85,5.69,,\n", "name"),
    ],
)
def test_one_bad_row_among_good_ones_writes_nothing_and_names_the_row(tmp_path, bad_row, column):
    path = write(tmp_path, [GOOD_ROWS[0], bad_row, GOOD_ROWS[1]])
    places_before, audit_before = MeetingPlace.objects.count(), AuditEvent.objects.count()
    err = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("import_places", str(path), stderr=err)
    assert caught.value.returncode == 1
    assert f"rij 3, kolom {column}:" in err.getvalue()  # header is row 1, so the bad row is row 3
    assert "1 probleem in plekken.csv" in str(caught.value)
    assert MeetingPlace.objects.count() == places_before
    assert AuditEvent.objects.count() == audit_before


def test_dry_run_checks_and_writes_nothing(tmp_path):
    out = io.StringIO()
    call_command("import_places", str(write(tmp_path, GOOD_ROWS)), "--dry-run", stdout=out)
    assert "3 plekken gecontroleerd" in out.getvalue()
    assert MeetingPlace.objects.count() == 0


def test_missing_column_is_reported_for_the_file(tmp_path):
    path = tmp_path / "kaal.csv"
    path.write_text("name,type\nX,huiskamer\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Verplichte kolommen ontbreken: street"):
        call_command("import_places", str(path))


def test_xlsx_import_with_semicolon_free_columns(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.strip().split(","))
    sheet.append(["Huiskamer XLSX", "living_room", "Straat", 3, "6225 AZ", "Maastricht", 50.8643, 5.731435, "", "ja"])
    path = tmp_path / "plekken.xlsx"
    workbook.save(path)
    call_command("import_places", str(path), stdout=io.StringIO())
    place = MeetingPlace.objects.get(name="Huiskamer XLSX")
    assert place.neighbourhood.code == "BU09350406"
    assert place.house_number == "3"  # a number cell is text without ".0"


def test_semicolon_csv_with_bom_as_saved_by_dutch_excel(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes(("\ufeff" + HEADER.replace(",", ";") + GOOD_ROWS[0].replace(",", ";")).encode("utf-8"))
    call_command("import_places", str(path), stdout=io.StringIO())
    assert MeetingPlace.objects.filter(name="Huiskamer Amby").exists()


# --- A14: encodings, Dutch column names, the language -----------------------------------------------------------


def test_windows_1252_csv_as_excel_saves_it_is_read():
    content = (DUTCH_HEADER + "Café Één;Huiskamer;Rue d'Amby;1;6225 AZ;Maastricht;50,8643;5,731435;\n").encode("cp1252")
    report = run_import(content, "excel.csv")
    assert report.ok, report.problems
    assert MeetingPlace.objects.get().name == "Café Één"


def test_utf16_text_with_bom_is_read():
    content = (DUTCH_HEADER + "Café;huiskamer;Straat;1;;Maastricht;;;BU09350602\n").replace(";", "\t")
    report = run_import(content.encode("utf-16"), "unicode.txt")
    assert report.ok, report.problems
    assert MeetingPlace.objects.get().name == "Café"


def test_bytes_that_are_no_text_are_one_clear_file_error():
    with pytest.raises(ImportFileError, match="UTF-8 of Windows-1252"):
        run_import(DUTCH_HEADER.encode() + b"\x81\x8d\x8f\x90\x9d;x\n")


@pytest.mark.parametrize("header", [
    "naam;type;straat;huisnummer;postcode;plaats;breedtegraad;lengtegraad;buurtcode",
    "Naam;Soort;Straat;Huis nummer;Postcode;Woonplaats;Lat;Lon;Buurtcode",
    "name;type_code;street;house_number;postcode;city;latitude;longitude;neighbourhood_code",
])
def test_dutch_and_english_column_names_mean_the_same(header):
    report = run_import(f"{header}\nDe Brug;living_room;Straat;1;6211 AA;Maastricht;;;BU09350602\n".encode())
    assert report.ok, report.problems
    place = MeetingPlace.objects.with_type().get()
    assert (place.name, place.type, place.neighbourhood.code) == ("De Brug", "living_room", "BU09350602")


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(("text", "expected"), [
    ("Ontmoetingscentrum", "meeting_centre"), ("Huis van de Wijk", "neighbourhood_house"),
    ("huiskamer", "living_room"), ("HvdW", "neighbourhood_house"), ("meeting_centre", "meeting_centre"),
    ("Sociaal  restaurant", "social_restaurant"),
])
def test_type_names_are_recognised_whatever_the_interface_language(language, text, expected):
    content = f"{DUTCH_HEADER}X;{text};Straat;1;;Maastricht;;;BU09350602\n".encode()
    with translation.override(language):
        report = run_import(content, dry_run=True)
    assert report.ok, report.problems
    assert report.rows[0]["type"] == expected


def test_english_type_names_are_accepted_too():
    with translation.override("en"):
        english = str(MeetingPlace._meta.get_field("name").verbose_name)  # noqa: F841 - catalogue is loaded
        from ontmoet.places.types import PlaceType

        label = str(PlaceType.NEIGHBOURHOOD_HOUSE.label)
    assert label != "Huis van de Wijk"  # the English catalogue has its own name
    report = run_import(f"{DUTCH_HEADER}X;{label};Straat;1;;Maastricht;;;BU09350602\n".encode(), dry_run=True)
    assert report.ok and report.rows[0]["type"] == "neighbourhood_house"


def test_conflicting_type_code_and_type_name_are_a_row_problem():
    content = (b"naam;typecode;type;straat;huisnummer;postcode;plaats;breedtegraad;lengtegraad;buurtcode\n"
               b"X;living_room;Ontmoetingscentrum;S;1;;Maastricht;;;BU09350602\n")
    report = run_import(content)
    assert [(p.row, p.column) for p in report.problems] == [(2, "type")]


def test_unknown_and_duplicate_columns_are_named():
    with pytest.raises(ImportFileError, match="Onbekende kolommen: kleur"):
        run_import((DUTCH_HEADER.strip() + ";kleur\n").encode())
    with pytest.raises(ImportFileError, match="'name' staat twee keer"):
        run_import((DUTCH_HEADER.strip() + ";name\n").encode())


@pytest.mark.parametrize(("make", "filename"), [(template_csv, "sjabloon.csv"), (template_xlsx, "sjabloon.xlsx")])
def test_the_template_names_every_column_and_its_example_row_imports(make, filename):
    report = run_import(make(), filename)
    assert report.ok, report.problems
    place = MeetingPlace.objects.with_type().get()
    assert (place.name, place.type, place.neighbourhood.code) == ("Huiskamer Voorbeeld", "living_room", "BU09350101")


# --- B2: quoting, delimiters, long cells -------------------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_quoted_text_with_doubled_quotes_and_delimiters_is_kept_exactly(delimiter):
    header = delimiter.join(["naam", "type", "straat", "huisnummer", "postcode", "plaats", "breedtegraad",
                             "lengtegraad", "buurtcode"])
    name = 'Buurthuis "De Brug", zaal; 1'
    row = delimiter.join(['"Buurthuis ""De Brug"", zaal; 1"', "huiskamer", '"Straat, hoek"', "1", "", "Maastricht",
                          "", "", "BU09350602"])
    report = run_import(f"{header}\n{row}\n".encode())
    assert report.ok, report.problems
    place = MeetingPlace.objects.get()
    assert place.name == name
    assert place.street == "Straat, hoek"


def test_a_row_with_more_cells_than_the_header_is_a_row_problem():
    content = (DUTCH_HEADER + "A;huiskamer;S;1;;Maastricht;;;BU09350602;over;tollig\n").encode()
    report = run_import(content)
    assert [(p.row, p.column) for p in report.problems] == [(2, "")]
    assert "11 cellen" in report.problems[0].message
    assert MeetingPlace.objects.count() == 0


def test_a_cell_over_the_csv_field_limit_is_a_clear_file_error():
    content = (DUTCH_HEADER + "A;huiskamer;S;1;;Maastricht;;;" + "x" * 140_000 + "\n").encode()
    with pytest.raises(ImportFileError, match=r"Rij 2: een cel is langer dan 131\.072 tekens"):
        run_import(content)


def test_broken_quoting_is_a_clear_file_error():
    with pytest.raises(ImportFileError, match="Rij 2 kan niet als CSV"):
        run_import((DUTCH_HEADER + 'A;huiskamer;"S"x;1;;Maastricht;;;BU09350602\n').encode())


# --- B5: limits and the batch -----------------------------------------------------------------------------------


@override_settings(IMPORT_MAX_ROWS=2)
def test_more_rows_than_the_limit_is_refused_with_the_limit_named():
    content = (DUTCH_HEADER + "A;huiskamer;S;1;;Maastricht;;;BU09350602\n" * 3).encode()
    with pytest.raises(ImportFileError, match="meer dan 2 rijen"):
        run_import(content)
    assert MeetingPlace.objects.count() == 0


@override_settings(IMPORT_MAX_BYTES=1024 * 1024)
def test_a_file_over_the_size_limit_is_refused_with_the_limit_named():
    with pytest.raises(ImportFileError, match="groter dan 1 MB"):
        run_import(DUTCH_HEADER.encode() + b" " * (1024 * 1024))


def _place_at(buurt: Neighbourhood, name: str, kind: str) -> str:
    return f"{name};{kind};Straat;1;;Maastricht;{buurt.label_latitude};{buurt.label_longitude};\n"


def test_caps_are_checked_once_for_the_whole_batch_and_the_passing_rows_named(settings):
    # The plan allows 20 OC; with 18 in the register a file with three OC passes the cap at its third OC.
    caps = settings.POLICY_PLAN.places
    for _ in range(caps.max_meeting_centres - 2):
        PlaceFactory(type="meeting_centre", since=dt.date(2026, 1, 1))
    buurt = Neighbourhood.objects.get(code="BU09350207")
    rows = [_place_at(buurt, "OC een", "oc"), _place_at(buurt, "Huiskamer", "huiskamer"),
            _place_at(buurt, "OC twee", "oc"), _place_at(buurt, "OC drie", "Ontmoetingscentrum")]
    before = MeetingPlace.objects.count(), PlaceTypeChange.objects.count(), AuditEvent.objects.count()
    report = run_import((DUTCH_HEADER + "".join(rows)).encode(), effective_date=dt.date(2026, 6, 1))
    assert [(p.row, p.column) for p in report.problems] == [(5, "type")]
    assert f"maximum van {caps.max_meeting_centres}" in report.problems[0].message
    assert (MeetingPlace.objects.count(), PlaceTypeChange.objects.count(), AuditEvent.objects.count()) == before


def test_a_batch_within_the_caps_writes_places_type_entries_and_audit_events():
    buurt = Neighbourhood.objects.get(code="BU09350207")
    rows = [_place_at(buurt, f"Plek {i}", "oc" if i % 2 else "huiskamer") for i in range(10)]
    report = run_import((DUTCH_HEADER + "".join(rows)).encode(), effective_date=dt.date(2026, 6, 1))
    assert report.ok, report.problems
    assert MeetingPlace.objects.count() == 10
    entries = PlaceTypeChange.objects.filter(effective_date=dt.date(2026, 6, 1))
    assert entries.count() == 10 and set(entries.values_list("to_type", flat=True)) == {"meeting_centre",
                                                                                          "living_room"}
    # One event per place, as place_create writes for one place: the facts, the type and its date.
    assert AuditEvent.objects.filter(action="place_create", actor_name="systeem").count() == 10
    assert AuditEvent.objects.count() == 10
    one = MeetingPlace.objects.get(name="Plek 3")
    created = AuditEvent.objects.get(action="place_create", object_id=str(one.pk))
    assert created.changes["name"] == {"before": None, "after": "Plek 3"}
    assert created.changes["neighbourhood"]["after"] == buurt.name
    assert created.changes["type"]["after"] == "meeting_centre"
    assert created.changes["effective_date"]["after"] == "2026-06-01"


# --- A3 / B3: safe cells ----------------------------------------------------------------------------------------

HOSTILE_NAMES = ['=HYPERLINK("http://example.org","klik")', "+31 43 123", "-2+3", "@SUM(A1)", "\tTab", "'=al gequote",
                 "'t Pothoes"]


def _exported(places) -> list[list[str]]:
    text = export_csv(places).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_csv_export_writes_formula_like_text_as_text():
    for name in HOSTILE_NAMES:
        PlaceFactory(name=name)
    rows = _exported(MeetingPlace.objects.with_type().select_related("neighbourhood__district"))
    names = {r[1] for r in rows[1:]}
    assert names == {"'" + n for n in HOSTILE_NAMES[:6]} | {"'t Pothoes"}


def test_xlsx_export_writes_formula_like_text_as_text_and_survives_control_characters():
    for name in [*HOSTILE_NAMES, "Buurthuis\x04De Brug"]:
        PlaceFactory(name=name)
    places = MeetingPlace.objects.with_type().select_related("neighbourhood__district")
    sheet = load_workbook(io.BytesIO(export_xlsx(places))).active
    cells = {sheet.cell(row=r, column=2).value: sheet.cell(row=r, column=2) for r in range(2, sheet.max_row + 1)}
    hyperlink = cells['=HYPERLINK("http://example.org","klik")']
    assert hyperlink.data_type == "s"  # text, not a formula
    assert all(c.data_type == "s" for c in cells.values())
    assert "Buurthuis\ufffdDe Brug" in cells


# --- round trip -------------------------------------------------------------------------------------------------

ROUND_TRIP_FIELDS = ("name", "type", "street", "house_number", "postcode", "city", "latitude", "longitude",
                     "neighbourhood_id", "step_free_entrance", "accessible_toilet", "hearing_loop", "disabled_parking",
                     "accessibility_notes", "description", "opening_hours", "public_email", "public_phone", "website",
                     "source_title", "source_url", "is_demo")


def _register_state() -> list[tuple]:
    places = MeetingPlace.objects.with_type().order_by("name", "house_number")
    return [tuple(getattr(p, f) for f in ROUND_TRIP_FIELDS) for p in places]


def _varied_register() -> None:
    malberg = Neighbourhood.objects.get(code="BU09350207")
    PlaceFactory(name='Buurthuis "De Brug", zaal 1', type="meeting_centre", neighbourhood=malberg,
                 latitude=malberg.label_latitude, longitude=malberg.label_longitude, step_free_entrance=True,
                 accessible_toilet=False, description="Twee regels;\nmet een puntkomma",
                 public_phone="+31 43 350 00 00",
                 public_email="info@debrug.example", website="https://debrug.example/", source_title="=bron",
                 source_url="https://bron.example/x", is_demo=False,
                 since=dt.date(2026, 1, 1))
    PlaceFactory(name="'t Pothoes", type="living_room", latitude=None, longitude=None, postcode="",
                 opening_hours="Mo-Fr 09:00-17:00", accessibility_notes="Drempel bij de zij-ingang", hearing_loop=True)
    PlaceFactory(name="Café Één", type="social_restaurant", neighbourhood=malberg, latitude=Decimal("50.861690"),
                 longitude=Decimal("5.652870"), disabled_parking=True, house_number="12a", city="Maastricht")
    PlaceFactory(name="-min", type="community_house", is_demo=True)


@pytest.mark.parametrize(("export", "filename"), [(export_csv, "register.csv"), (export_xlsx, "register.xlsx")])
def test_export_then_import_into_an_empty_register_gives_identical_data(export, filename):
    _varied_register()
    before = _register_state()
    content = export(MeetingPlace.objects.with_type().select_related("neighbourhood__district"))
    MeetingPlace.objects.all().delete()
    report = run_import(content, filename, effective_date=timezone.localdate())
    assert report.ok, report.problems
    assert _register_state() == before


def test_cli_export_writes_xlsx_and_semicolon_csv(tmp_path):
    call_command("import_places", str(write(tmp_path, GOOD_ROWS)), stdout=io.StringIO())
    out = tmp_path / "register.xlsx"
    message = io.StringIO()
    call_command("export_places", "--format", "xlsx", "--out", str(out), stdout=message)
    assert "3 plekken geschreven" in message.getvalue()
    sheet = load_workbook(out).active
    assert sheet.max_row == 4 and sheet["B1"].value == "naam"
    csv_out = tmp_path / "register.csv"
    call_command("export_places", "--out", str(csv_out), stdout=io.StringIO())
    assert csv_out.read_bytes().startswith("\ufeffid;naam;typecode;type;".encode())


def test_an_export_made_in_english_imports_to_the_same_data_in_dutch():
    _varied_register()
    before = _register_state()
    with translation.override("en"):
        content = export_csv(MeetingPlace.objects.with_type().select_related("neighbourhood__district"))
    assert "Community living room" in content.decode("utf-8")  # the type name follows the interface language
    MeetingPlace.objects.all().delete()
    with translation.override("nl"):
        report = run_import(content, "register.csv", effective_date=timezone.localdate())
    assert report.ok, report.problems
    assert _register_state() == before
