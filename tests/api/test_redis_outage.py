"""With the example site's Redis cache and Redis down, the API answers from the database:
the outage is logged, never a 500."""

import logging

from django.core.cache import caches
from django.test import override_settings
from example_site.environment import caches as caches_from_environment

from ..ports import free_port


def test_the_api_serves_uncached_while_redis_is_down(db, api, monkeypatch, caplog):
    monkeypatch.setenv("REDIS_URL", f"redis://127.0.0.1:{free_port()}/0")
    down = caches_from_environment()
    with override_settings(CACHES=down, DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS=True):
        assert caches["default"].__class__.__module__ == "django_redis.cache"
        with caplog.at_level(logging.ERROR, logger="django_redis.cache"):
            first = api("pages/?type=news&limit=5")
            again = api("pages/?type=news&limit=5")
            detail = api(f"pages/{first.data['items'][0]['id']}/")
    assert first.status_code == again.status_code == detail.status_code == 200
    assert first.data == again.data
    assert "Exception ignored" in caplog.text  # logged
    assert "ConnectionError" in caplog.text or "Connection refused" in caplog.text
