#!/usr/bin/env bash
# make test-lowest: the suite against the built wheel, installed with the lowest versions
# pyproject.toml allows for every runtime dependency (see scripts/test-wheel.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
LOWEST=1 exec scripts/test-wheel.sh "$@"
