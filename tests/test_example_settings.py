"""The example site's settings read the environment as docs/how-to/deploy.md says."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE_SITE = Path(__file__).resolve().parent.parent / "example_site"


def load_settings(**env: str) -> subprocess.CompletedProcess:
    script = (
        "import json, example_site.settings as s; "
        "print(json.dumps({'CACHES': getattr(s, 'CACHES', None), "
        "'ENGINE': s.DATABASES['default']['ENGINE'], "
        "'MACHINE_TRANSLATOR': getattr(s, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', None)}))"
    )
    read = ("REDIS_URL", "DATABASE_URL", "MACHINE_TRANSLATOR", "DEEPL_API_KEY", "SECRET_KEY")
    read += ("DEBUG",)
    environment = {k: v for k, v in os.environ.items() if k not in read}
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=EXAMPLE_SITE,
        env={**environment, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def settings_with(**env: str) -> dict:
    done = load_settings(**env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize(
    "secret",
    [None, "example-site-insecure-key-for-local-demo-only", "kort"],
    ids=["unset", "the example's public key", "too short"],
)
def test_with_debug_off_the_example_key_stops_start_up(secret):
    """With the public default key, tokens for a draft and a password-protected page were
    forged: with DEBUG off the site refuses to start that way."""
    env = {"DEBUG": "0"} | ({"SECRET_KEY": secret} if secret else {})
    done = load_settings(**env)
    assert done.returncode != 0
    assert "SECRET_KEY" in done.stderr.strip().splitlines()[-1]


def test_with_debug_off_a_secret_of_ones_own_is_used():
    assert load_settings(DEBUG="0", SECRET_KEY="s" * 50).returncode == 0
    assert load_settings().returncode == 0  # DEBUG on: the example key is fine locally


def test_redis_url_gives_a_shared_redis_cache_that_survives_an_outage():
    found = settings_with(REDIS_URL="redis://127.0.0.1:6379/1")
    cache = found["CACHES"]["default"]
    assert cache["BACKEND"] == "kommunnatverk.redis_cache.CircuitBreakerRedisCache"
    assert cache["LOCATION"] == "redis://127.0.0.1:6379/1"
    # Short timeouts, paid once per process and interval (tests/test_redis_hang.py).
    assert cache["OPTIONS"]["SOCKET_TIMEOUT"] <= 0.5
    assert cache["OPTIONS"]["SOCKET_CONNECT_TIMEOUT"] <= 0.5
    assert cache["OPTIONS"]["CIRCUIT_BREAKER_RESET_TIMEOUT"] >= 5


def test_without_redis_url_each_process_keeps_its_own_cache():
    assert settings_with()["CACHES"] is None  # Django's default: local memory


def test_database_url_picks_the_database():
    found = settings_with(DATABASE_URL="postgres://u:p@127.0.0.1:5432/natverk")
    assert found["ENGINE"] == "django.db.backends.postgresql"


@pytest.mark.parametrize(
    "name, value, expected",
    [
        ("DATABASE_URL", "postgress://u:secret@db/natverk", "DATABASE_URL postgress://db/natverk"),
        ("DATABASE_URL", "not a url", "DATABASE_URL"),
        ("DATABASE_URL", "postgres://u:secret@db:5432/", "names no database"),
        ("REDIS_URL", "http://cache:6379/0", "REDIS_URL http://cache:6379/0 is not a Redis URL"),
        ("REDIS_URL", "redis://", "is not a Redis URL"),
        ("MACHINE_TRANSLATOR", "google", "MACHINE_TRANSLATOR 'google' is not a machine"),
        ("MACHINE_TRANSLATOR", "deepl", "MACHINE_TRANSLATOR=deepl needs DEEPL_API_KEY"),
    ],
)
def test_a_wrong_url_stops_start_up_with_one_clear_line(name, value, expected):
    done = load_settings(**{name: value})
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert expected in done.stderr
    assert "secret" not in done.stderr  # no password in logs


def test_machine_translation_is_off_unless_machine_translator_names_one():
    assert settings_with()["MACHINE_TRANSLATOR"] is None
    dummy = settings_with(MACHINE_TRANSLATOR="dummy")["MACHINE_TRANSLATOR"]
    assert dummy == {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


def test_deepl_reads_its_key_from_the_environment():
    found = settings_with(MACHINE_TRANSLATOR="deepl", DEEPL_API_KEY="k-123:fx")
    assert found["MACHINE_TRANSLATOR"] == {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "k-123:fx"},
    }
