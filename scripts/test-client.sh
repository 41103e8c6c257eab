#!/usr/bin/env bash
# make test-client: the TypeScript client (clients/typescript/) against the example site.
# From a clean checkout: npm ci, the generated types checked against
# docs/reference/openapi.json, tsc --strict, then `make demo`'s database built in a
# temporary directory and served by gunicorn on a free loopback port, and node --test
# against it. The server and the directory are gone afterwards, however it ends.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
PY=${PY:-$repo/.venv/bin/python}
BIN=$(dirname "$PY")
client=$repo/clients/typescript

(cd "$client" && npm ci --silent --no-audit --no-fund)
(cd "$client" && npm run --silent check-generated)
(cd "$client" && npm run --silent build)

work=$(mktemp -d -t kommunnatverk-client-XXXXXX)
server=
cleanup() {
    if [ -n "$server" ]; then
        kill "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

port=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export DATABASE_URL="sqlite:///$work/db.sqlite3"
export MEDIA_ROOT="$work/media"
export ALLOWED_HOSTS=127.0.0.1
export WAGTAILADMIN_BASE_URL="http://127.0.0.1:$port"
# The cache of API answers is per process (LocMem): off, so every answer is the server's.
export API_RESPONSE_CACHE=off

# make demo-data, into $work.
manage() { (cd example_site && "$PY" manage.py "$@"); }
manage migrate --no-input >/dev/null
manage kommunnatverk_load_goals >/dev/null
manage load_network_demo --hostname 127.0.0.1 --port "$port" >/dev/null
# Preview tokens and the ids the tests need, made as the preview panel would.
manage shell --no-imports < "$client/test/fixture.py" > "$work/fixture.json"

(cd example_site && exec "$BIN/gunicorn" example_site.wsgi --bind "127.0.0.1:$port" \
    --workers 2 --graceful-timeout 5 --log-level warning) &
server=$!
for _ in $(seq 100); do
    if "$PY" -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=2)" \
        "http://127.0.0.1:$port/api/network/navigation/" 2>/dev/null; then
        break
    fi
    kill -0 "$server" 2>/dev/null || { echo "gunicorn exited" >&2; exit 1; }
    sleep 0.2
done

cd "$client"
KOMMUNNATVERK_API="http://127.0.0.1:$port/api/network/" \
KOMMUNNATVERK_FIXTURE="$work/fixture.json" \
    npm run --silent test
