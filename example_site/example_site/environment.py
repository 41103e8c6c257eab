"""SECRET_KEY, DATABASE_URL, REDIS_URL and MACHINE_TRANSLATOR, checked when the settings
load: a wrong value stops start-up with one line that names it, not a traceback at the
first request."""

import os
from urllib.parse import urlsplit

import dj_database_url

# Public, in this repository: fine on a developer's machine (DEBUG on), never in front of
# anyone else, since it signs sessions and preview tokens.
EXAMPLE_SECRET_KEY = "example-site-insecure-key-for-local-demo-only"
MIN_SECRET_KEY_LENGTH = 32
DATABASE_EXAMPLES = "postgres://user:password@127.0.0.1:5432/natverk or sqlite:////srv/db.sqlite3"


def _stop(message: str) -> None:
    raise SystemExit(f"example_site: {message}")


def _shown(url: str) -> str:
    """The URL without its password, for messages and logs."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}" if parts.scheme else repr(url)


def secret_key(debug: bool) -> str:
    """SECRET_KEY; with DEBUG off it must be set, and not to the example's public key."""
    key = os.environ.get("SECRET_KEY", "").strip()
    if debug:
        return key or EXAMPLE_SECRET_KEY
    make_one = 'python -c "import secrets; print(secrets.token_urlsafe(50))"'
    if not key or key == EXAMPLE_SECRET_KEY:
        _stop(
            "DEBUG is off, so SECRET_KEY must be set to a secret of your own, not the "
            f"example's public one: anyone could forge sessions and preview tokens. Make "
            f"one with {make_one}."
        )
    if len(key) < MIN_SECRET_KEY_LENGTH:
        _stop(
            f"SECRET_KEY is shorter than {MIN_SECRET_KEY_LENGTH} characters. "
            f"Make one with {make_one}."
        )
    return key


def database(default_url: str) -> dict:
    url = os.environ.get("DATABASE_URL", "").strip() or default_url
    try:
        # Connections are kept for a minute and checked before reuse, so one cut while
        # idle (a database restart) is replaced, not failed on, by the next request.
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except (ValueError, KeyError) as error:
        _stop(
            f"DATABASE_URL {_shown(url)} is not a database URL ({error}). Use {DATABASE_EXAMPLES}."
        )
    if not config.get("NAME"):
        _stop(f"DATABASE_URL {_shown(url)} names no database. Use {DATABASE_EXAMPLES}.")
    return config


def caches() -> dict | None:
    """A shared Redis cache when REDIS_URL is set. A Redis outage then costs the cache,
    logged, never a request, and a hung Redis one short timeout per process and interval."""
    url = os.environ.get("REDIS_URL", "").strip()
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss", "unix") or (
        parts.scheme != "unix" and not parts.hostname
    ):
        _stop(
            f"REDIS_URL {_shown(url)} is not a Redis URL. Use redis://127.0.0.1:6379/0 "
            "(rediss:// with TLS, unix:///path/redis.sock), or leave it unset."
        )
    return {
        "default": {
            # django-redis behind a circuit breaker: errors are misses, and after one a
            # process skips Redis for 10 s, so a hung Redis costs one short timeout per
            # process every 10 s, not two a request (kommunnatverk/redis_cache.py).
            "BACKEND": "kommunnatverk.redis_cache.CircuitBreakerRedisCache",
            "LOCATION": url,
            "OPTIONS": {
                # Redis answers a healthy request in well under a millisecond.
                "SOCKET_CONNECT_TIMEOUT": 0.25,
                "SOCKET_TIMEOUT": 0.25,
                "CIRCUIT_BREAKER_RESET_TIMEOUT": 10,
            },
        }
    }


MACHINE_TRANSLATORS = {
    "dummy": "wagtail_localize.machine_translators.dummy.DummyTranslator",
    "deepl": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
}


def machine_translator() -> dict | None:
    """wagtail-localize's machine translator, off unless MACHINE_TRANSLATOR names one:
    ``dummy`` reverses the words (to try the workflow without an account), ``deepl``
    translates with DeepL and needs DEEPL_API_KEY."""
    name = os.environ.get("MACHINE_TRANSLATOR", "").strip().lower()
    if not name:
        return None
    if name not in MACHINE_TRANSLATORS:
        _stop(
            f"MACHINE_TRANSLATOR {name!r} is not a machine translator. "
            "Use dummy or deepl, or leave it unset."
        )
    config: dict = {"CLASS": MACHINE_TRANSLATORS[name]}
    if name == "deepl":
        key = os.environ.get("DEEPL_API_KEY", "").strip()
        if not key:
            _stop("MACHINE_TRANSLATOR=deepl needs DEEPL_API_KEY, the key of your DeepL account.")
        config["OPTIONS"] = {"AUTH_KEY": key}
    return config
