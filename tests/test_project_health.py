"""`manage.py check` and `makemigrations --check` stay clean."""

import io

import pytest
from django.core.management import call_command


def test_system_checks_are_clean():
    out = io.StringIO()
    call_command("check", fail_level="WARNING", stdout=out)
    assert "no issues" in out.getvalue()


@pytest.mark.django_db
def test_no_missing_migrations():
    out = io.StringIO()
    call_command("makemigrations", check=True, dry_run=True, stdout=out)
    assert "No changes detected" in out.getvalue()


def test_the_docs_include_their_code_files_with_working_snippet_markers():
    """The tutorial and how-tos show code from files that tests run (docs/snippets,
    docs/examples); a mangled ``--8<--`` marker would show the marker instead."""
    import re
    from pathlib import Path

    docs = Path(__file__).resolve().parent.parent / "docs"
    markers = {}
    for page in docs.rglob("*.md"):
        for line in page.read_text().splitlines():
            if "8<" in line or re.search(r"--8\s*<", line):
                markers.setdefault(page.name, []).append(line)
    assert markers, "the tutorial includes its snippets"
    for lines in markers.values():
        for line in lines:
            match = re.fullmatch(r'--8<-- "(.+)"', line.strip())
            assert match, f"broken include marker: {line!r}"
            name = match.group(1)
            assert (docs / "snippets" / name).exists() or (docs / name).exists(), name
    assert "webhook_receiver.py" in " ".join(markers["webhooks.md"])
