"""The example site's settings read the environment as docs/how-to/deploy.md says."""

import json
import os
import subprocess
import sys
from pathlib import Path

EXAMPLE_SITE = Path(__file__).resolve().parent.parent / "example_site"


def settings_with(**env: str) -> dict:
    script = (
        "import json, example_site.settings as s; "
        "print(json.dumps({'CACHES': getattr(s, 'CACHES', None), "
        "'ENGINE': s.DATABASES['default']['ENGINE']}))"
    )
    environment = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=EXAMPLE_SITE,
        env={**environment, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def test_redis_url_gives_a_shared_redis_cache():
    found = settings_with(REDIS_URL="redis://127.0.0.1:6379/1")
    assert found["CACHES"]["default"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/1",
    }


def test_without_redis_url_each_process_keeps_its_own_cache():
    assert settings_with()["CACHES"] is None  # Django's default: local memory


def test_database_url_picks_the_database():
    found = settings_with(DATABASE_URL="postgres://u:p@127.0.0.1:5432/natverk")
    assert found["ENGINE"] == "django.db.backends.postgresql"
