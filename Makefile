# README's commands. Every target creates .venv first when it is missing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := cd example_site && ../$(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# The suite runs on every core (pytest-xdist), a test module's tests in one process so its
# module-wide fixtures are built once. PYTEST_WORKERS=0 runs it in one process.
PYTEST_WORKERS ?= auto
export PYTEST_PARALLEL := -n $(PYTEST_WORKERS) --dist loadfile

.PHONY: install demo demo-data test test-browser guide-screenshots site-screenshots test-postgres test-wheel test-lowest test-fresh-site test-client client-types lint lint-openapi messages openapi docs wheel clean

# The demo needs only the package and the example site's extras; the tests, the linters,
# the docs and the benchmarks need the dev group on top.
$(VENV)/.example: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[example]"
	touch $@

$(VENV)/.installed: $(VENV)/.example
	$(PY) -m pip install --quiet -e ".[example]" --group dev
	touch $@

install: $(VENV)/.installed

# The demo's Site takes HOST and PORT, so its absolute links lead to where it is served.
# load_network_demo makes the English locale, loads the goals in both languages and
# brings the search index up to date itself, so the worker starts with an empty queue.
demo-data: $(VENV)/.example
	$(MANAGE) migrate --no-input
	$(MANAGE) load_network_demo --hostname $(HOST) --port $(PORT)
	$(MANAGE) create_demo_admin

demo: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
demo: export ALLOWED_HOSTS ?= $(HOST),127.0.0.1,localhost

demo: demo-data
	@echo ""
	@echo "  Svenska:  http://$(HOST):$(PORT)/"
	@echo "  English:  http://$(HOST):$(PORT)/en/"
	@echo "  Admin:    http://$(HOST):$(PORT)/admin/"
	@echo "  API:      http://$(HOST):$(PORT)/api/network/docs"
	@echo "  (and a task worker: webhooks, CDN purges, Wagtail's reference index)"
	@echo ""
	@cd example_site && ../$(PY) manage.py kommunnatverk_worker --queue-name '*' --no-reload & \
	worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST):$(PORT)

test: install
	$(PY) -m pytest $(PYTEST_PARALLEL)

# axe-core and the Nu HTML checker (package.json), which the browser tests run.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --silent --no-audit --no-fund

# The editor and translator flows in the real admin, and every public page checked with
# axe-core and the Nu HTML checker: Playwright driving Debian's Chromium.
test-browser: install node_modules/.package-lock.json
	scripts/ensure-chromium.sh
	$(PY) -m pytest --browser tests/browser

# Screenshots of the public site in both languages, at desktop and mobile width.
site-screenshots: install node_modules/.package-lock.json
	scripts/ensure-chromium.sh
	$(PY) -m pytest --browser tests/browser/test_public_site.py --site-screenshots docs/images/site

# The same flows, saving the screenshots the editor's and translator's guides show.
guide-screenshots: install
	scripts/ensure-chromium.sh
	$(PY) -m pytest --browser tests/browser --guide-screenshots docs/images/guide

# The suite on a throwaway PostgreSQL 15 server (initdb/pg_ctl) on 127.0.0.1.
test-postgres: install
	scripts/test-postgres.sh

# The suite against the built wheel, installed into a clean virtualenv.
test-wheel: install
	scripts/test-wheel.sh

# The suite against the built wheel with the lowest versions pyproject.toml allows.
test-lowest: install
	scripts/test-lowest.sh

# A new `wagtail start` project installs the wheel and follows the tutorial's snippets.
test-fresh-site: install
	scripts/test-fresh-site.sh

# The TypeScript client (clients/typescript/): npm ci, its generated types checked against
# docs/reference/openapi.json, tsc --strict, then node --test against the demo's content
# served by gunicorn on a free loopback port.
test-client: install
	scripts/test-client.sh

lint: install lint-openapi
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run

# The published OpenAPI document through two third-party linters, with the committed
# rulesets (redocly.yaml, .spectral.yaml): any error or warning fails. tests/api/
# test_openapi.py fails when the document is older than the code (`make openapi`).
lint-openapi: node_modules/.package-lock.json
	scripts/lint-openapi.sh docs/reference/openapi.json

# Regenerates the sv catalogue from the package's sources, then compiles it.
messages: install
	cd kommunnatverk && ../$(PY) -m django makemessages --locale sv --no-obsolete --add-location file
	cd kommunnatverk && ../$(PY) -m django makemessages -d djangojs --locale sv --no-obsolete --add-location file
	cd kommunnatverk && ../$(PY) -m django compilemessages --locale sv

# The OpenAPI document the docs publish, as the example site serves it.
openapi: install
	$(PY) scripts/export_openapi.py

# The client's pinned openapi-typescript (clients/typescript/package-lock.json).
clients/typescript/node_modules/.package-lock.json: clients/typescript/package.json clients/typescript/package-lock.json
	cd clients/typescript && npm ci --silent --no-audit --no-fund

# The OpenAPI document from the code, then the TypeScript client's types from it.
client-types: openapi clients/typescript/node_modules/.package-lock.json
	cd clients/typescript && npm run --silent generate

docs: install
	$(VENV)/bin/mkdocs build --strict

wheel: install
	$(PY) -m build --wheel --sdist --outdir dist .

clean:
	rm -rf dist build site *.egg-info
