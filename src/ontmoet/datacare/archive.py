"""Backup and restore: the database and the uploaded documents in one tar.gz (docs/decisions/0701).

The archive holds ``manifest.json`` (format version, moment, database vendor, the applied migrations, the
number of rows per table and the SHA-256 of every other member), ``database.json`` (every row of every table in
Django's JSON fixture format, with its primary key and times to the microsecond, streamed to the file) and
``documents/<stored name>`` for every file under the upload folder.

A restore checks everything before it writes anything: the archive is readable, the manifest is Ontmoet's, every
member matches its checksum, and then that the target database has the same migrations and is empty (unless
``replace``).
Then one transaction empties every table, loads the rows and compares the counts with the manifest; only when
that has committed are the documents, unpacked beside the upload folder, moved into place.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import tarfile
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from ontmoet.core.versions import raise_after_commit
from ontmoet.subsidies.uploads import upload_root

FORMAT = "ontmoet-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "database.json"
DOCUMENTS = "documents"
_CHUNK = 1 << 20


class ArchiveError(Exception):
    """A backup or restore that cannot go on; the message is for the person at the command line (Dutch)."""


@dataclass
class Manifest:
    created_at: str
    database_vendor: str
    migrations: list[str]
    tables: dict[str, int]
    files: dict[str, str] = field(default_factory=dict)
    format: str = FORMAT
    version: int = FORMAT_VERSION
    ontmoet_version: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"format": self.format, "version": self.version, "ontmoet_version": self.ontmoet_version,
                "created_at": self.created_at, "database_vendor": self.database_vendor,
                "migrations": self.migrations, "tables": self.tables, "files": self.files}


@dataclass(frozen=True)
class RestoreReport:
    manifest: Manifest
    rows: int
    documents: int
    previous_documents: Path | None


def _package_version() -> str:
    try:
        return version("ontmoet")
    except PackageNotFoundError:  # pragma: no cover - always installed
        return ""


def _tables() -> list[str]:
    """Every table of the installed models (with the many-to-many tables), in a fixed order."""
    return sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))


def _counts(tables: list[str]) -> dict[str, int]:
    counts = {}
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = int(cursor.fetchone()[0])
    return counts


def _applied_migrations() -> list[str]:
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return []
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@contextmanager
def _snapshot() -> Iterator[None]:
    """One consistent view of the database for the dump and the counts."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


class _ExactEncoder(DjangoJSONEncoder):
    """Django's encoder cuts times to milliseconds; a backup keeps them to the microsecond."""

    def default(self, o: Any) -> Any:
        if isinstance(o, dt.datetime | dt.time):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        return super().default(o)


def _dump(target: Path) -> None:
    """Every row of every concrete model (through its base manager, so no default filter hides a row), by
    primary key, streamed to ``target`` in Django's JSON fixture format."""
    models = [m for m in apps.get_models() if not m._meta.proxy and m._meta.managed]

    def rows() -> Iterator[Any]:
        for model in models:
            yield from model._base_manager.order_by(model._meta.pk.name).iterator(chunk_size=2000)

    with target.open("w", encoding="utf-8") as stream:
        serializers.serialize("json", rows(), stream=stream, cls=_ExactEncoder)


def backup(output: Path) -> Manifest:
    """Write the archive to ``output`` (first as ``output.part``, renamed when complete)."""
    output = output.resolve()
    if not output.parent.is_dir():
        raise ArchiveError(f"De map {output.parent} bestaat niet.")
    with tempfile.TemporaryDirectory(prefix="ontmoet-backup-") as work_dir:
        work = Path(work_dir)
        dump = work / DATABASE
        with _snapshot():
            tables = _tables()
            migrations = _applied_migrations()
            counts = _counts(tables)
            _dump(dump)
        manifest = Manifest(created_at=timezone.now().isoformat(timespec="seconds"),
                            database_vendor=connection.vendor, migrations=migrations, tables=counts,
                            ontmoet_version=_package_version())
        manifest.files[DATABASE] = _sha256_file(dump)
        root = upload_root()
        documents = sorted(p for p in root.iterdir() if p.is_file()) if root.is_dir() else []
        for document in documents:
            manifest.files[f"{DOCUMENTS}/{document.name}"] = _sha256_file(document)
        manifest_bytes = json.dumps(manifest.as_json(), indent=2, ensure_ascii=False).encode()
        partial = output.with_name(output.name + ".part")
        with tarfile.open(partial, "w:gz") as archive:
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(manifest_bytes)
            info.mtime = int(timezone.now().timestamp())
            archive.addfile(info, _bytes_io(manifest_bytes))
            archive.add(dump, arcname=DATABASE, recursive=False)
            for document in documents:
                archive.add(document, arcname=f"{DOCUMENTS}/{document.name}", recursive=False)
        partial.replace(output)
    return manifest


def _bytes_io(content: bytes) -> IO[bytes]:
    from io import BytesIO

    return BytesIO(content)


# --- restore -----------------------------------------------------------------------------------------------------


def _not_an_archive(path: Path) -> ArchiveError:
    return ArchiveError(f"{path} is geen leesbare reservekopie van Ontmoet (geen geldig tar.gz-archief met een "
                        "manifest). Het bestand is beschadigd of van een ander programma.")


def read_manifest(path: Path) -> Manifest:
    """The manifest of the archive at ``path``, checked for its format (no member is unpacked)."""
    if not path.is_file():
        raise ArchiveError(f"Het bestand {path} bestaat niet.")
    try:
        with tarfile.open(path, "r:gz") as archive:
            member = archive.getmember(MANIFEST)
            handle = archive.extractfile(member)
            if handle is None:
                raise _not_an_archive(path)
            data = json.loads(handle.read(10 * _CHUNK).decode("utf-8"))
    except (tarfile.TarError, KeyError, EOFError, zlib.error, OSError, UnicodeDecodeError, ValueError) as exc:
        raise _not_an_archive(path) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _not_an_archive(path)
    if data.get("version") != FORMAT_VERSION:
        raise ArchiveError(f"Deze reservekopie heeft formaatversie {data.get('version')}; deze versie van Ontmoet "
                           f"leest versie {FORMAT_VERSION}.")
    try:
        return Manifest(created_at=str(data["created_at"]), database_vendor=str(data["database_vendor"]),
                        migrations=[str(m) for m in data["migrations"]],
                        tables={str(k): int(v) for k, v in data["tables"].items()},
                        files={str(k): str(v) for k, v in data["files"].items()},
                        ontmoet_version=str(data.get("ontmoet_version", "")))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ArchiveError(f"Het manifest van {path} is onvolledig of beschadigd.") from exc


def _safe_name(name: str) -> bool:
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts:
        return False
    return name == DATABASE or (len(pure.parts) == 2 and pure.parts[0] == DOCUMENTS)


def _unpack(path: Path, manifest: Manifest, into: Path) -> None:
    """Unpack every member named in the manifest into ``into``, checking each checksum; refuse anything else."""
    seen: set[str] = set()
    try:
        with tarfile.open(path, "r:gz") as archive:
            for member in archive:
                if member.name == MANIFEST:
                    continue
                if not member.isfile() or member.name not in manifest.files or not _safe_name(member.name):
                    raise ArchiveError(f"De reservekopie bevat een onverwacht bestand: {member.name}.")
                source = archive.extractfile(member)
                if source is None:
                    raise _not_an_archive(path)
                target = into / member.name
                target.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                with target.open("wb") as out:
                    while chunk := source.read(_CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
                if digest.hexdigest() != manifest.files[member.name]:
                    raise ArchiveError(f"De controlesom van {member.name} klopt niet: de reservekopie is "
                                       "beschadigd of gewijzigd. Er is niets teruggezet.")
                seen.add(member.name)
    except (tarfile.TarError, EOFError, zlib.error) as exc:
        raise ArchiveError(f"De reservekopie {path} is beschadigd (het archief is onvolledig of onleesbaar). "
                           "Er is niets teruggezet.") from exc
    missing = sorted(set(manifest.files) - seen)
    if missing:
        raise ArchiveError(f"De reservekopie is onvolledig: {', '.join(missing[:5])} ontbreekt. "
                           "Er is niets teruggezet.")


def database_has_data() -> bool:
    """Whether the database holds anything people made: an account, a place or an audit event (a database that
    only ``ontmoet migrate`` has filled holds the reference areas, and none of these)."""
    from ontmoet.accounts.models import User
    from ontmoet.core.models import AuditEvent
    from ontmoet.places.models import MeetingPlace

    return User.objects.exists() or MeetingPlace.objects.exists() or AuditEvent.objects.exists()


def _check_target(manifest: Manifest, *, replace: bool) -> None:
    applied = _applied_migrations()
    if not applied:
        raise ArchiveError("De database is nog niet ingericht. Voer eerst 'ontmoet migrate' uit.")
    if applied != manifest.migrations:
        only_here = sorted(set(applied) - set(manifest.migrations))
        only_there = sorted(set(manifest.migrations) - set(applied))
        detail = "; ".join(part for part in (
            f"alleen in deze database: {', '.join(only_here[:3])}" if only_here else "",
            f"alleen in de reservekopie: {', '.join(only_there[:3])}" if only_there else "") if part)
        raise ArchiveError("De reservekopie hoort bij een andere versie van Ontmoet (de migraties verschillen: "
                           f"{detail}). Zet haar terug met dezelfde versie waarmee ze is gemaakt.")
    if database_has_data() and not replace:
        raise ArchiveError("De database bevat al gegevens. Terugzetten vervangt ze allemaal; geef --yes mee als "
                           "dat de bedoeling is.")


def restore(path: Path, *, replace: bool = False) -> RestoreReport:
    """Restore the archive at ``path``: everything or nothing (see the module's docstring)."""
    manifest = read_manifest(path)
    root = upload_root()
    root.parent.mkdir(parents=True, exist_ok=True)
    # Beside the upload folder, so that the documents move in with a rename on the same file system.
    work = Path(tempfile.mkdtemp(prefix=".ontmoet-restore-", dir=root.parent))
    try:
        _unpack(path, manifest, work)  # every checksum first: a damaged file is named as such
        _check_target(manifest, replace=replace)
        tables = _tables()
        if sorted(manifest.tables) != tables:
            raise ArchiveError("De tabellen in de reservekopie verschillen van die van deze database.")
        with transaction.atomic():
            flush = connection.ops.sql_flush(no_style(), tables, reset_sequences=True)
            connection.ops.execute_sql_flush(flush)
            call_command("loaddata", str(work / DATABASE), verbosity=0)
            counts = _counts(tables)
            wrong = [t for t in tables if counts[t] != manifest.tables[t]]
            if wrong:
                raise ArchiveError(f"Na het terugzetten klopt het aantal rijen niet in {', '.join(wrong[:5])}. "
                                   "Er is niets teruggezet.")
            raise_after_commit()
        previous = _move_documents_in(work / DOCUMENTS, root)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    documents = sum(1 for name in manifest.files if name.startswith(f"{DOCUMENTS}/"))
    return RestoreReport(manifest=manifest, rows=sum(manifest.tables.values()), documents=documents,
                         previous_documents=previous)


def _move_documents_in(unpacked: Path, root: Path) -> Path | None:
    """Put the restored documents in place of the upload folder; a non-empty old folder is kept aside."""
    previous: Path | None = None
    if root.exists():
        if any(root.iterdir()):
            stamp = dt.datetime.now(tz=dt.UTC).strftime("%Y%m%d%H%M%S")
            previous = root.with_name(f"{root.name}.voor-terugzetten-{stamp}")
            root.rename(previous)
        else:
            root.rmdir()
    if unpacked.is_dir():
        unpacked.rename(root)
    else:
        root.mkdir(parents=True, exist_ok=True)
    return previous
