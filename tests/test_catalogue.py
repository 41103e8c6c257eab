"""The Swedish catalogue is complete, compiled and in step with the sources."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib

import kommunnatverk

PACKAGE = Path(kommunnatverk.__file__).parent
PO = PACKAGE / "locale" / "sv" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


def test_every_entry_is_translated_and_none_is_fuzzy():
    catalogue = polib.pofile(str(PO))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    assert len(catalogue) > 100


def test_compiled_catalogue_matches_the_po():
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in polib.mofile(str(MO))}
    source = {
        (e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural)
        for e in polib.pofile(str(PO))
        if not e.obsolete
    }
    assert compiled == source, "run `make messages` to recompile the .mo"


def test_makemessages_would_add_nothing(tmp_path):
    copy = tmp_path / "kommunnatverk"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    # makemessages needs no settings; the test settings are not importable from the copy.
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "--locale", "sv", "--no-obsolete"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
    )
    regenerated = {e.msgid for e in polib.pofile(str(copy / PO.relative_to(PACKAGE)))}
    committed = {e.msgid for e in polib.pofile(str(PO))}
    assert regenerated - committed == set(), "run `make messages` and translate the new strings"
    assert committed - regenerated == set(), "run `make messages` to drop obsolete strings"
