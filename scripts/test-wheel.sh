#!/usr/bin/env bash
# make test-wheel: build the sdist and wheel, check them with twine, install the wheel
# (not editable) into a clean virtualenv and run the whole suite against it, from a
# directory that holds the tests and the example site but not the package's source.
# LOWEST=1 (make test-lowest, which CI runs) installs it with the lowest versions
# pyproject.toml allows for every runtime dependency (uv's lowest-direct resolution),
# so one run proves both what the wheel carries and that the declared ranges are true;
# make test and make test-postgres run the newest versions.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

rm -rf dist
$PY -m build --sdist --wheel --outdir dist . >/dev/null
.venv/bin/twine check --strict dist/*

work=$(mktemp -d -t kommunnatverk-wheel-XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
venv_py="$work/venv/bin/python"
"$venv_py" -m pip install --quiet --upgrade pip
wheel=$(ls dist/kommunnatverk-*.whl)
if [ "${LOWEST:-0}" = 1 ]; then
    "$venv_py" -m pip install --quiet uv
    uv="$work/venv/bin/uv"
    "$uv" pip compile --quiet --resolution lowest-direct --python "$venv_py" \
        --extra example pyproject.toml -o "$work/lowest.txt"
    "$uv" pip install --quiet --python "$venv_py" -r "$work/lowest.txt"
    "$venv_py" -m pip install --quiet --no-deps "$wheel"
    "$venv_py" -m pip install --quiet --group pyproject.toml:test -c "$work/lowest.txt"
    echo "Lowest versions under test:"
    "$venv_py" -m pip freeze | grep -iE "^(wagtail|wagtail-localize|django|django-taggit|django-ninja|pydantic|nh3|dj-database-url)==" | sed 's/^/  /'
else
    "$venv_py" -m pip install --quiet "${wheel}[example]" --group pyproject.toml:test
fi

# The docs too: tests check the published OpenAPI document, run the webhook receiver
# example and the tutorial's snippets. No Python of the package is in docs/.
# pyproject.toml for its import-linter contracts, which then check the installed wheel
# (pytest.ini below takes precedence for pytest's own settings). The Makefile for the
# test that reads what `make demo` runs.
cp -r tests example_site docs scripts pyproject.toml Makefile "$work/"
rm -rf "$work/example_site/db.sqlite3" "$work/example_site/media"
cat > "$work/pytest.ini" <<'INI'
[pytest]
DJANGO_SETTINGS_MODULE = tests.settings
pythonpath = . example_site
testpaths = tests
addopts = -ra --strict-markers -p no:cacheprovider
filterwarnings = ignore::DeprecationWarning:taggit.*
INI
cd "$work"
(cd example_site && "$venv_py" manage.py check --fail-level WARNING)
(cd example_site && "$venv_py" manage.py makemigrations --check --dry-run)
# shellcheck disable=SC2086 # PYTEST_PARALLEL is a list of options (Makefile)
KOMMUNNATVERK_EXPECT_INSTALLED=1 "$work/venv/bin/python" -m pytest ${PYTEST_PARALLEL:-} "$@"
