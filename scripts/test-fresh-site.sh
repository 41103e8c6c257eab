#!/usr/bin/env bash
# make test-fresh-site: a brand-new `wagtail start` project installs the wheel and
# follows the tutorial's steps, with the very snippets docs/ shows (docs/snippets/), then
# builds a network under its own home page and reads it back through the API.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

rm -rf dist
.venv/bin/python -m build --wheel --outdir dist . >/dev/null
wheel=$(ls "$repo"/dist/kommunnatverk-*.whl)

work=$(mktemp -d -t kommunnatverk-fresh-XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --upgrade pip
# Tutorial step 1: install the package.
"$work/venv/bin/python" -m pip install --quiet "$wheel"

cd "$work"
"$work/venv/bin/wagtail" start freshsite
cd freshsite
# Tutorial steps 2-5: the settings and URLs, exactly as the docs show them.
cat "$repo/docs/snippets/settings.py" >> freshsite/settings/base.py
cp "$repo/docs/snippets/urls.py" freshsite/urls.py

manage() { "$work/venv/bin/python" manage.py "$@"; }
manage check --fail-level WARNING
manage migrate --no-input                                          # step 6
manage shell < "$repo/docs/snippets/english_locale.py"             # step 7
manage kommunnatverk_load_goals                                    # step 8
manage collectstatic --no-input >/dev/null
manage shell < "$repo/scripts/fresh_site_content.py"               # steps 9-12, then read
# The deployment checks' page tree check (kommunnatverk.E007) on the tree just made.
manage check --deploy --database default --tag database
