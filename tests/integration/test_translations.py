"""Every Dutch text of the interface has its English translation (the language switch must never show Dutch)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

import ontmoet
from tests.keys import TEST_SECRET_KEY

pytestmark = pytest.mark.once  # the catalogues, not the database

PACKAGE = Path(ontmoet.__file__).resolve().parent
CATALOGUE = PACKAGE / "locale" / "en" / "LC_MESSAGES" / "django.po"


def test_every_message_in_the_code_has_an_english_translation(tmp_path):
    if shutil.which("xgettext") is None:
        if os.environ.get("CI"):
            pytest.fail("CI needs GNU gettext (xgettext) to check the catalogue")
        pytest.skip("GNU gettext (xgettext) is not installed")
    copy = tmp_path / "ontmoet"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("static", "__pycache__", "migrations", "*.mo"))
    env = {**os.environ, "SECRET_KEY": TEST_SECRET_KEY, "DJANGO_SETTINGS_MODULE": "ontmoet.config.settings_test",
           "PYTHONPATH": str(PACKAGE.parent)}
    subprocess.run([sys.executable, "-m", "django", "makemessages", "-l", "en", "--no-location", "--no-obsolete"],
                   cwd=copy, env=env, check=True, capture_output=True)
    extracted = polib.pofile(str(copy / "locale" / "en" / "LC_MESSAGES" / "django.po"))
    translated = {(e.msgctxt, e.msgid) for e in polib.pofile(str(CATALOGUE))
                  if e.msgstr or any(e.msgstr_plural.values())}
    missing = sorted(e.msgid for e in extracted if (e.msgctxt, e.msgid) not in translated)
    assert missing == [], f"add the English of these to {CATALOGUE.relative_to(PACKAGE.parent)}"


def test_the_catalogue_has_no_duplicate_messages():
    seen: dict[tuple[str | None, str], int] = {}
    for entry in polib.pofile(str(CATALOGUE)):
        key = (entry.msgctxt, entry.msgid)
        seen[key] = seen.get(key, 0) + 1
    assert [k for k, n in seen.items() if n > 1] == []
