#!/usr/bin/env bash
# make test-lowest: the suite with the lowest versions pyproject.toml allows for every
# runtime dependency (uv's lowest-direct resolution), so the declared ranges are true.
# The test tools themselves are installed at versions compatible with those pins.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d -t kommunnatverk-lowest-XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
venv_py="$work/venv/bin/python"
"$venv_py" -m pip install --quiet --upgrade pip uv
uv="$work/venv/bin/uv"

"$uv" pip compile --quiet --resolution lowest-direct --python "$venv_py" \
    --extra example pyproject.toml -o "$work/lowest.txt"
"$uv" pip install --quiet --python "$venv_py" -r "$work/lowest.txt"
"$venv_py" -m pip install --quiet --no-deps -e .
"$venv_py" -m pip install --quiet --group pyproject.toml:test -c "$work/lowest.txt"

echo "Lowest versions under test:"
"$venv_py" -m pip freeze | grep -iE "^(wagtail|wagtail-localize|django|django-taggit|django-ninja|pydantic|nh3|dj-database-url)==" | sed 's/^/  /'

(cd example_site && "$venv_py" manage.py check --fail-level WARNING)
(cd example_site && "$venv_py" manage.py makemigrations --check --dry-run)
# shellcheck disable=SC2086 # PYTEST_PARALLEL is a list of options (Makefile)
"$venv_py" -m pytest -p no:cacheprovider ${PYTEST_PARALLEL:-} "$@"
