"""ontmoet import_places FILE [--dry-run]: all-or-nothing import of places with a report per row."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ontmoet.core.tabular import ImportFileError, problems_summary
from ontmoet.places.importing import ImportProgress, register_check
from ontmoet.places.services import places_import

#: From this many rows on, the command shows how far it is on stderr.
PROGRESS_FROM_ROWS = 10_000


def progress_line(progress: ImportProgress) -> str:
    done, total = f"{progress.done:,}".replace(",", "."), f"{progress.total:,}".replace(",", ".")
    if progress.phase == "checking":
        return ngettext("Gecontroleerd: %(done)s van %(total)s rij", "Gecontroleerd: %(done)s van %(total)s rijen",
                        progress.total) % {"done": done, "total": total}
    if progress.phase == "saving":
        return ngettext("Opslaan van %(total)s rij ...", "Opslaan van %(total)s rijen ...",
                        progress.total) % {"total": total}
    return _("Klaar.")


class Command(BaseCommand):
    help = "Importeer plekken uit CSV of XLSX. Bij één foute rij wordt niets opgeslagen (exitstatus 1)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="alleen controleren, niets opslaan")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(_("Bestand niet gevonden: %(path)s") % {"path": path})
        content = path.read_bytes()
        try:
            check = register_check(content=content, filename=path.name)
        except ImportFileError as exc:
            raise CommandError(f"{path.name}: {exc}") from exc
        show = check.total >= PROGRESS_FROM_ROWS
        tty = self.stderr.isatty()

        def shown(progress: ImportProgress) -> None:
            if show:
                self.stderr.write(("\r" if tty else "") + progress_line(progress), ending="" if tty else "\n")

        for progress in check:
            shown(progress)
        if check.report.ok and not options["dry_run"]:
            shown(ImportProgress("saving", check.total, check.total))
        try:
            report = places_import(content=content, filename=path.name, by=None, dry_run=options["dry_run"],
                                   checked=check.report)
        except ValidationError as exc:
            raise CommandError(" ".join(m for messages in exc.message_dict.values() for m in messages)) from exc
        shown(ImportProgress("done", check.total, check.total))
        if show and tty:
            self.stderr.write("")
        if not report.ok:
            for problem in report.problems:
                self.stderr.write(str(problem))
            raise CommandError(_("Niets geïmporteerd: %(problems)s in %(file)s.") % {
                "problems": problems_summary(len(report.problems)), "file": path.name}, returncode=1)
        n = len(report.rows)
        if options["dry_run"]:
            message = ngettext("%(n)s plek gecontroleerd (niets opgeslagen).",
                               "%(n)s plekken gecontroleerd (niets opgeslagen).", n)
        else:
            message = ngettext("%(n)s plek geïmporteerd.", "%(n)s plekken geïmporteerd.", n)
        self.stdout.write(message % {"n": n})
