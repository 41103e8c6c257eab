#!/usr/bin/env bash
# make test-wheel: build the sdist and wheel, check them with twine, install the wheel
# (not editable) into a clean virtualenv and run the whole suite against it, from a
# directory that holds the tests and the example site but not the package's source.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

rm -rf dist
$PY -m build --sdist --wheel --outdir dist . >/dev/null
.venv/bin/twine check --strict dist/*

work=$(mktemp -d -t kommunnatverk-wheel-XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --upgrade pip
wheel=$(ls dist/kommunnatverk-*.whl)
"$work/venv/bin/python" -m pip install --quiet "${wheel}[example]" --group pyproject.toml:test

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
# shellcheck disable=SC2086 # PYTEST_PARALLEL is a list of options (Makefile)
KOMMUNNATVERK_EXPECT_INSTALLED=1 "$work/venv/bin/python" -m pytest ${PYTEST_PARALLEL:-} "$@"
