"""With the example site's Redis cache and Redis down, the API answers from the database:
the outage is logged once, never a 500."""

import logging

from django.core.cache import caches
from django.test import override_settings
from example_site.environment import caches as caches_from_environment

from kommunnatverk.redis_cache import CircuitBreakerRedisCache

from ..ports import free_port


def test_the_api_serves_uncached_while_redis_is_down(db, api, monkeypatch, caplog):
    monkeypatch.setenv("REDIS_URL", f"redis://127.0.0.1:{free_port()}/0")
    down = caches_from_environment()
    with override_settings(CACHES=down):
        assert isinstance(caches["default"], CircuitBreakerRedisCache)
        with caplog.at_level(logging.WARNING, logger="kommunnatverk.redis_cache"):
            first = api("pages/?type=news&limit=5")
            again = api("pages/?type=news&limit=5")
            detail = api(f"pages/{first.data['items'][0]['id']}/")
    assert first.status_code == again.status_code == detail.status_code == 200
    assert first.data == again.data
    logged = [record.getMessage() for record in caplog.records]
    # Logged once, when the breaker opened; the calls after it did not try Redis.
    assert len(logged) == 1, logged
    assert "Connection refused" in logged[0] or "ConnectionError" in logged[0]
    assert "the cache is skipped for 10.0 s" in logged[0]
