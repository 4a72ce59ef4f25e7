"""Registering activities: once, as a weekly series (edit one or all, cancel one), the import and its CLI."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from ontmoet.accounts.roles import Role
from ontmoet.activities import services
from ontmoet.activities.models import Activity
from tests.factories import PlaceFactory, UserFactory
from tests.integration.test_cli_subprocess import ONTMOET, ontmoet
from tests.keys import TEST_SECRET_KEY

pytestmark = pytest.mark.django_db

SERIES = {"title": "Koffieochtend", "first_date": dt.date(2026, 3, 2), "until": dt.date(2026, 3, 30),
          "start_time": dt.time(10, 0), "end_time": dt.time(12, 0), "initiated_by": "residents",
          "organised_by": "board", "participants": 15}


@pytest.fixture
def board(db):
    place = PlaceFactory(name="Eigen plek")
    user = UserFactory(username="bestuurder", role=Role.BOARD_MEMBER)
    place.board_accounts.add(user)
    return place, user


def test_a_weekly_series_becomes_one_activity_per_week(board):
    place, user = board
    series = services.series_create(place=place, values=SERIES, by=user)
    dates = list(series.occurrences.order_by("date").values_list("date", flat=True))
    assert dates == [dt.date(2026, 3, 2) + dt.timedelta(weeks=i) for i in range(5)]
    assert {a.initiated_by for a in series.occurrences.all()} == {"residents"}


def test_edit_one_changes_one_edit_all_changes_the_rest_and_cancel_one_keeps_it(board):
    place, user = board
    series = services.series_create(place=place, values=SERIES, by=user)
    first, second, *_rest = series.occurrences.order_by("date")
    services.activity_update(activity=first, values={"title": "Koffie met taart"}, by=user)
    services.activity_cancel(activity=second, by=user)
    services.series_update(series=series, values={"participants": 20, "until": dt.date(2026, 4, 13)}, by=user)
    occurrences = list(series.occurrences.order_by("date"))
    assert len(occurrences) == 7
    assert {a.participants for a in occurrences} == {20}
    assert occurrences[1].cancelled and not any(a.cancelled for a in occurrences[2:])
    # Edit all takes the series' facts, also over an occurrence edited alone (the board chose "all dates").
    assert occurrences[0].title == "Koffieochtend"


def test_a_board_member_cannot_register_at_another_place_and_times_are_checked(board):
    _place, user = board
    with pytest.raises(Http404):
        services.series_create(place=PlaceFactory(), values=SERIES, by=user)
    with pytest.raises(ValidationError):
        services.activity_create(place=board[0], by=user, values={
            "title": "Te laat", "date": dt.date(2026, 3, 2), "start_time": dt.time(12, 0),
            "end_time": dt.time(10, 0), "initiated_by": "board", "organised_by": "board", "participants": 1})


def test_the_import_is_all_or_nothing_with_a_row_report(board):
    place, user = board
    good = f"{place.pk},2026-03-02,Koffie,residents,board,8"
    content = ("place,date,title,initiated_by,organised_by,participants,category,start,end\n"
               f"{good},meeting,10:00,12:00\n{place.pk},2026-13-01,Fout,bewoners,iemand,veel,,,\n").encode()
    report = services.activities_import(content=content, filename="a.csv", by=user)
    assert Activity.objects.count() == 0
    assert {(p.row, p.column) for p in report.problems} == {(3, "date"), (3, "organised_by"), (3, "participants")}
    report = services.activities_import(content=content.rsplit(b"\n", 2)[0] + b"\n", filename="a.csv", by=user)
    assert report.problems == [] and report.written == 1
    activity = Activity.objects.get()
    assert (activity.category, activity.start_time, activity.initiated_by) == ("meeting", dt.time(10), "residents")


def test_import_activities_cli(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "SECRET_KEY": TEST_SECRET_KEY,
           "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}", "ONTMOET_VAR_DIR": str(tmp_path)}
    assert subprocess.run([str(ONTMOET), "migrate", "--no-input", "-v0"], env=env, check=False).returncode == 0
    made = ontmoet(env, "shell", "-c", "from ontmoet.places.models import MeetingPlace as M; "
                   "print(M.objects.create(name='Cli-plek').pk)")
    assert made.returncode == 0, made.stderr
    pk = made.stdout.strip().splitlines()[-1]
    file = tmp_path / "activiteiten.csv"
    file.write_text("plek;datum;titel;geinitieerd door;georganiseerd door;deelnemers\n"
                    f"{pk};02-03-2026;Koffie;Bewoners;Bestuur;8\n{pk};03-03-2026;Soep;residents;residents;12\n")
    result = ontmoet(env, "import_activities", str(file), "--progress")
    assert result.returncode == 0, result.stderr
    assert "2 activiteiten geïmporteerd bij 1 plekken" in result.stdout
    assert "opslaan" in result.stderr  # the progress bar
    file.write_text("plek;datum;titel;geinitieerd door;georganiseerd door;deelnemers\n9999;x;;a;b;c\n")
    refused = ontmoet(env, "import_activities", str(file))
    assert refused.returncode != 0 and "rij 2, kolom place" in refused.stderr


def test_the_import_keeps_backslashes_and_tabs_in_text(board):
    place, user = board
    content = ("place,date,title,initiated_by,organised_by,participants\n"
               f'{place.pk},2026-03-02,"Koffie\\thee\tmet taart",residents,board,8\n').encode()
    report = services.activities_import(content=content, filename="a.csv", by=user)
    assert report.problems == []
    assert Activity.objects.get().title == "Koffie\\thee\tmet taart"


def test_another_boards_activity_pages_do_not_exist(client, board):
    from tests.factories_activities import ActivityFactory

    _place, user = board
    other = ActivityFactory(place=PlaceFactory(name="Andere plek"))
    own = ActivityFactory(place=board[0])
    client.force_login(user)
    for page in ("wijzigen", "vervallen"):
        assert client.get(f"/activiteiten/{other.pk}/{page}").status_code == 404
        assert client.post(f"/activiteiten/{other.pk}/{page}").status_code == 404
    assert client.get(f"/activiteiten/{own.pk}/wijzigen").status_code == 200
    listed = client.get("/activiteiten/?vanaf=2026-01-01").content.decode()
    assert own.title in listed and other.title not in listed
    other.refresh_from_db()
    assert not other.cancelled


def test_the_import_reports_every_kind_of_problem_by_row_and_column(board):
    """Repeated values are read once (a cache per spelling): a good value after a bad one, and a bad one
    after a good one, are still judged each on their own."""
    place, user = board
    long_title = "x" * 201
    rows = [
        f"{place.pk},2026-03-02,Koffie,residents,board,8,,10:00,12:00",  # good
        "999999,2026-03-02,Koffie,residents,board,8,,,",  # unknown place
        f"{place.pk},2026-03-02,Koffie,residents,board,8,,12:00,10:00",  # end before start
        f"{place.pk},2026-03-02,{long_title},Bewoners,board,8,,25:00,",  # long title, bad time
        f"{place.pk},2026-03-02,Kof\x07fie,residents,board,8,,,",  # a control character
        f"{place.pk},2026-03-02,Koffie,residents,board,8,feest,,",  # unknown category
        f"{place.pk},2026-03-02,Koffie,residents,board,8,,10:00,12:00",  # good again, same spellings
    ]
    content = ("place,date,title,initiated_by,organised_by,participants,category,start,end\n"
               + "\n".join(rows) + "\n").encode()
    report = services.activities_import(content=content, filename="a.csv", by=user)
    assert sorted((p.row, p.column) for p in report.problems) == [
        (3, "place"), (4, "end"), (5, "start"), (5, "title"), (6, "title"), (7, "category")]
    assert len(report.rows) == 2 and Activity.objects.count() == 0


def test_rows_copied_before_a_later_problem_are_not_kept(board, monkeypatch):
    """On PostgreSQL the checked rows are copied while the rest is checked; a problem further down the file
    undoes what was copied (with a chunk of one row, every good row was copied before the bad one)."""
    place, user = board
    monkeypatch.setattr(services, "COPY_CHUNK", 1)
    good = "".join(f"{place.pk},2026-03-{d:02d},Koffie,residents,board,8\n" for d in range(1, 11))
    content = ("place,date,title,initiated_by,organised_by,participants\n" + good
               + f"{place.pk},2026-13-01,Fout,residents,board,8\n").encode()
    report = services.activities_import(content=content, filename="a.csv", by=user)
    assert [(p.row, p.column) for p in report.problems] == [(12, "date")]
    assert Activity.objects.count() == 0 and report.written == 0
    from ontmoet.activities.models import ActivityTally

    assert not ActivityTally.objects.exists()
    clean = services.activities_import(content=("place,date,title,initiated_by,organised_by,participants\n"
                                                + good).encode(), filename="a.csv", by=user)
    assert clean.written == 10 and Activity.objects.count() == 10
