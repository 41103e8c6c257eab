"""The Swedish catalogue is complete, compiled and in step with the sources."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

import kommunnatverk

PACKAGE = Path(kommunnatverk.__file__).parent
PO = PACKAGE / "locale" / "sv" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
# The labels of the admin's scripts (kommunnatverk/admin/javascript_labels.py).
JS_PO = PO.with_name("djangojs.po")
CATALOGUES = {"django": PO, "djangojs": JS_PO}


@pytest.mark.parametrize(("po", "smallest"), [(PO, 100), (JS_PO, 10)], ids=CATALOGUES)
def test_every_entry_is_translated_and_none_is_fuzzy(po, smallest):
    catalogue = polib.pofile(str(po))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    assert len(catalogue) > smallest


@pytest.mark.parametrize("po", CATALOGUES.values(), ids=CATALOGUES)
def test_compiled_catalogue_matches_the_po(po):
    mo = po.with_suffix(".mo")
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in polib.mofile(str(mo))}
    source = {
        (e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural)
        for e in polib.pofile(str(po))
        if not e.obsolete
    }
    assert compiled == source, "run `make messages` to recompile the .mo"


@pytest.mark.parametrize(("domain", "po"), CATALOGUES.items(), ids=CATALOGUES)
def test_makemessages_would_add_nothing(tmp_path, domain, po):
    copy = tmp_path / "kommunnatverk"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    # makemessages needs no settings; the test settings are not importable from the copy.
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-d", domain, "--locale", "sv"]
        + ["--no-obsolete"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
    )
    regenerated = {e.msgid for e in polib.pofile(str(copy / po.relative_to(PACKAGE)))}
    committed = {e.msgid for e in polib.pofile(str(po))}
    assert regenerated - committed == set(), "run `make messages` and translate the new strings"
    assert committed - regenerated == set(), "run `make messages` to drop obsolete strings"
