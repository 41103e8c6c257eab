#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright's own download does not work here).
set -euo pipefail
chromium="${KOMMUNNATVERK_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
    exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Chromium with apt-get..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    exit 0
fi
echo "The browser tests need Chromium at $chromium." >&2
echo "Install it (Debian/Ubuntu: sudo apt-get install chromium), or point" >&2
echo "KOMMUNNATVERK_CHROMIUM at a Chromium or Chrome binary, then run make test-browser again." >&2
exit 1
