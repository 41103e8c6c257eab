#!/usr/bin/env bash
# make test-postgres: start a throwaway PostgreSQL 15 server on 127.0.0.1 and a free
# port, run the whole suite against it, and stop it afterwards, also when tests fail.
# It includes two gunicorn app servers sharing that PostgreSQL and a redis-server, and
# the same behind Varnish (tests/test_edge.py).
# PostgreSQL refuses to run as root, so as root the server runs as the postgres user.
set -euo pipefail
cd "$(dirname "$0")/.."

# The multi-server test starts its own redis-server beside the app servers.
if ! command -v redis-server >/dev/null; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && apt-get install -y -qq redis-server >/dev/null
    else
        echo "redis-server is missing: sudo apt-get install redis-server" >&2
        exit 1
    fi
fi

# The edge test puts Varnish with the xkey vmod in front of two app servers.
if [ ! -x /usr/sbin/varnishd ] || [ ! -e /usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so ]; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && apt-get install -y -qq varnish varnish-modules >/dev/null
    else
        echo "Varnish is missing: sudo apt-get install varnish varnish-modules" >&2
        exit 1
    fi
fi

data=$(mktemp -d -t kommunnatverk-pg-XXXXXX)
port=$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_server_user=()
if [ "$(id -u)" = 0 ]; then
    chown postgres "$data"
    as_server_user=(runuser -u postgres --)
fi

stop() {
    "${as_server_user[@]}" pg_ctl -D "$data/db" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$data"
}
trap stop EXIT

"${as_server_user[@]}" initdb -D "$data/db" -U kommunnatverk --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 >/dev/null
"${as_server_user[@]}" pg_ctl -D "$data/db" -l "$data/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off -c full_page_writes=off" \
    start >/dev/null
echo "PostgreSQL $("${as_server_user[@]}" postgres --version | awk '{print $3}') on 127.0.0.1:$port"

# shellcheck disable=SC2086 # PYTEST_PARALLEL is a list of options (Makefile)
TEST_DATABASE_URL="postgres://kommunnatverk@127.0.0.1:$port/postgres" \
    .venv/bin/python -m pytest -p no:cacheprovider ${PYTEST_PARALLEL:-} "$@"
