"""``ontmoet backup`` and ``ontmoet restore`` as a user runs them: the installed script in a subprocess.

A database with the demo data and a few uploaded documents is backed up and restored into a fresh database and
var folder; every table's content and every document must come back as they were. Broken, changed and
incomplete archives are refused in Dutch, without a traceback, and leave the target as it was.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.keys import TEST_SECRET_KEY

ONTMOET = Path(sys.executable).parent / "ontmoet"
UPLOAD = """
from ontmoet.accounts.models import User
from ontmoet.subsidies.models import Application
from ontmoet.subsidies.services import document_upload
user = User.objects.get(username="bestuur")
application = Application.objects.filter(place__in=user.board_places.all()).first()
pdf = b"%PDF-1.4\\n" + bytes(range(256)) * 40
report = b"%PDF-1.7\\n" + bytes(reversed(range(256))) * 90
png = b"\\x89PNG\\r\\n\\x1a\\n" + b"\\x00beeld" * 500
for name, content in (("begroting.pdf", pdf), ("jaarverslag.pdf", report), ("foto.png", png)):
    document_upload(application=application, kind="bijlage", file_name=name, content=content, by=user)
print(Application.objects.get(pk=application.pk).documents.count())
"""


def _env(home: Path, database_url: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "ONTMOET_PLAN")}
    env.update({"SECRET_KEY": TEST_SECRET_KEY, "ONTMOET_VAR_DIR": str(home),
                "DATABASE_URL": database_url or f"sqlite:///{home / 'ontmoet.sqlite3'}"})
    return env


def ontmoet(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ONTMOET), *args], env=env, capture_output=True, text=True, check=False,
                          timeout=600)


def _ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def _content(env: dict[str, str]) -> dict[str, list[dict[str, object]]]:
    """Every row of every table, per model, in primary-key order. The data version is left out: a restore raises
    it, so that no server shows a page part it cached before (ADR 0030)."""
    rows = json.loads(_ok(ontmoet(env, "dumpdata", "--all")))
    tables: dict[str, list[dict[str, object]]] = {}
    for row in rows:
        if row["model"] != "core.dataversion":
            tables.setdefault(row["model"], []).append(row)
    return {model: sorted(found, key=lambda r: str(r["pk"])) for model, found in sorted(tables.items())}


def _documents(home: Path) -> dict[str, bytes]:
    uploads = home / "uploads"
    return {p.name: p.read_bytes() for p in sorted(uploads.iterdir())} if uploads.is_dir() else {}


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> tuple[dict[str, str], Path, Path, dict[str, list[dict[str, object]]]]:
    """A database with the demo data and three uploaded documents, and its backup."""
    home = tmp_path_factory.mktemp("bron")
    env = _env(home)
    _ok(ontmoet(env, "migrate", "--no-input", "-v0"))
    _ok(ontmoet(env, "load_demo"))
    assert _ok(ontmoet(env, "shell", "-c", UPLOAD)).split()[-1] == "3"
    archive = home / "reservekopie.tar.gz"
    out = _ok(ontmoet(env, "backup", "--output", str(archive)))
    assert "Reservekopie geschreven" in out
    assert "3 documenten" in out
    return env, home, archive, _content(env)


def _fresh(tmp_path: Path) -> dict[str, str]:
    env = _env(tmp_path)
    _ok(ontmoet(env, "migrate", "--no-input", "-v0"))
    return env


def test_the_archive_has_a_manifest_with_counts_and_checksums(source):
    _, home, archive, _rows = source
    with tarfile.open(archive, "r:gz") as tar:
        names = tar.getnames()
        manifest = json.loads(tar.extractfile("manifest.json").read())  # type: ignore[union-attr]
    assert names[0] == "manifest.json"
    assert manifest["format"] == "ontmoet-backup"
    assert manifest["version"] == 1
    assert manifest["database_vendor"] == "sqlite"
    assert manifest["created_at"]
    assert manifest["tables"]["subsidies_document"] == 3
    assert manifest["tables"]["accounts_user"] > 0
    assert set(manifest["files"]) == {"database.json", *(f"documents/{n}" for n in _documents(home))}
    assert all(len(digest) == 64 for digest in manifest["files"].values())


def test_a_restore_into_a_fresh_database_gives_back_every_row_and_every_document(source, tmp_path):
    _, home, archive, content = source
    target = _fresh(tmp_path)
    out = _ok(ontmoet(target, "restore", "--input", str(archive)))
    assert "teruggezet" in out
    assert _content(target) == content
    assert _documents(tmp_path) == _documents(home)
    assert len(_documents(tmp_path)) == 3
    _ok(ontmoet(target, "check_ledger"))
    _ok(ontmoet(target, "migrate", "--check"))


def test_a_database_with_data_is_replaced_only_with_yes(source, tmp_path):
    _, _home, archive, content = source
    target = _fresh(tmp_path)
    _ok(ontmoet({**target, "ONTMOET_PASSWORD": "een-lang-wachtwoord-1"}, "create_user", "iemand", "--role",
                "data_analyst"))
    refused = ontmoet(target, "restore", "--input", str(archive))
    assert refused.returncode == 1
    assert "bevat al gegevens" in refused.stderr
    assert "--yes" in refused.stderr
    assert "Traceback" not in refused.stderr
    (tmp_path / "uploads").mkdir(exist_ok=True)
    (tmp_path / "uploads" / "oud").write_bytes(b"oud")
    out = _ok(ontmoet(target, "restore", "--input", str(archive), "--yes"))
    assert "staan nu in" in out
    assert _content(target) == content
    assert "oud" not in _documents(tmp_path)


@pytest.fixture(scope="module")
def restored(source, tmp_path_factory) -> tuple[dict[str, str], Path, dict[str, list[dict[str, object]]]]:
    """A fresh database with the source's backup restored: the target of the damaged archives below."""
    _e, _h, archive, content = source
    home = tmp_path_factory.mktemp("doel")
    target = _fresh(home)
    _ok(ontmoet(target, "restore", "--input", str(archive)))
    return target, home, content


@pytest.mark.parametrize("damage", ["not_an_archive", "truncated", "changed_member", "wrong_count", "extra_member",
                                    "other_version"])
def test_a_wrong_or_damaged_archive_is_refused_in_dutch_and_changes_nothing(source, restored, tmp_path, damage):
    """Also the refusal after the rows were loaded (the wrong count) leaves every row and document as they were."""
    target, home, content = restored
    bad = tmp_path / "kapot.tar.gz"
    expected = _damage(source[2], bad, damage)
    result = ontmoet(target, "restore", "--input", str(bad), "--yes")
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert _content(target) == content
    assert len(_documents(home)) == 3
    assert not list(home.glob(".ontmoet-restore-*"))


def _members(archive: Path) -> list[tuple[tarfile.TarInfo, bytes]]:
    with tarfile.open(archive, "r:gz") as tar:
        return [(m, tar.extractfile(m).read()) for m in tar.getmembers()]  # type: ignore[union-attr]


def _write(bad: Path, members: list[tuple[tarfile.TarInfo, bytes]]) -> None:
    with tarfile.open(bad, "w:gz") as tar:
        for info, content in members:
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))


def _damage(archive: Path, bad: Path, damage: str) -> str:
    """Write a damaged copy of ``archive`` to ``bad``; return what the refusal must say."""
    if damage == "not_an_archive":
        bad.write_text("naam;type\nHuiskamer;living_room\n", encoding="utf-8")
        return "geen leesbare reservekopie"
    if damage == "truncated":
        content = archive.read_bytes()
        bad.write_bytes(content[: len(content) // 2])
        return "beschadigd"
    members = _members(archive)
    if damage == "changed_member":
        members = [(i, c.replace(b"Huiskamer", b"Huiskamar", 1) if i.name == "database.json" else c)
                   for i, c in members]
        _write(bad, members)
        return "controlesom van database.json klopt niet"
    if damage == "extra_member":
        extra = tarfile.TarInfo("../buiten.txt")
        _write(bad, [*members, (extra, b"x")])
        return "onverwacht bestand"
    manifest = json.loads(members[0][1])
    if damage == "other_version":
        manifest["migrations"].append("places.9999_from_a_later_release")
        _write(bad, [(members[0][0], json.dumps(manifest).encode()), *members[1:]])
        return "andere versie van Ontmoet"
    manifest["tables"]["places_meetingplace"] += 1
    _write(bad, [(members[0][0], json.dumps(manifest).encode()), *members[1:]])
    return "klopt het aantal rijen niet in places_meetingplace"


def test_a_restore_into_postgresql_gives_back_the_same_rows(source, tmp_path):
    """SQLite to PostgreSQL: the archive is portable between the two vendors."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.skip("DATABASE_URL names no PostgreSQL database")
    psycopg = pytest.importorskip("psycopg")
    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/')}_restore_{os.getpid()}"
    admin = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        _, home, archive, content = source
        target = _env(tmp_path, urlunsplit(parts._replace(path=f"/{name}")))
        _ok(ontmoet(target, "migrate", "--no-input", "-v0"))
        _ok(ontmoet(target, "restore", "--input", str(archive)))
        assert _content(target) == content
        assert _documents(tmp_path) == _documents(home)
        again = tmp_path / "terug.tar.gz"
        assert "(postgresql)" in _ok(ontmoet(target, "backup", "--output", str(again)))
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_avg_and_retention_commands_run_as_installed(source, tmp_path):
    """On the demo data, restored: export, erase twice, the ledger, the retention list."""
    target = _fresh(tmp_path)
    _ok(ontmoet(target, "restore", "--input", str(source[2])))
    export = tmp_path / "inzage.json"
    out = _ok(ontmoet(target, "gdpr_export", "--user", "bestuur", "--output", str(export)))
    assert "Persoonsgegevens van bestuur" in out
    data = json.loads(export.read_text(encoding="utf-8"))
    assert data["account"]["username"] == "bestuur"
    assert len(data["documents_uploaded"]) == 3
    assert "Geef --yes" in _ok(ontmoet(target, "gdpr_erase", "--user", "bestuur"))
    erased = json.loads(_ok(ontmoet(target, "gdpr_erase", "--user", "bestuur", "--yes", "--format", "json")))
    assert erased["pseudonym"].startswith("gewist-")
    assert "al gewist" in _ok(ontmoet(target, "gdpr_erase", "--user", erased["pseudonym"], "--yes"))
    refused = ontmoet(target, "gdpr_erase", "--user", "beheer", "--yes")
    assert refused.returncode == 1
    assert "--include-staff" in refused.stderr
    assert "Traceback" not in refused.stderr
    _ok(ontmoet(target, "check_ledger"))
    assert isinstance(json.loads(_ok(ontmoet(target, "retention_due", "--format", "json", "--on", "2100-01-01"))),
                      list)
    wrong = ontmoet(target, "retention_due", "--on", "morgen")
    assert wrong.returncode == 2
    assert "JJJJ-MM-DD" in wrong.stderr
