"""django-redis with a circuit breaker: a Redis that hangs costs each process one short
timeout per interval, not one per cache call.

A stopped or overloaded Redis still accepts connections, so every call waits for its
socket timeout; the API's response cache makes two calls a request (a get, and a set on a
miss). After a connection error or a timeout this backend skips Redis for
``CIRCUIT_BREAKER_RESET_TIMEOUT`` seconds in this process: calls are misses without a
round trip. Then one call tries Redis again: an answer closes the breaker, another
failure opens it for another interval. Errors are misses, as with django-redis's
``IGNORE_EXCEPTIONS``, and are logged once per opening, not once per call::

    CACHES = {
        "default": {
            "BACKEND": "kommunnatverk.redis_cache.CircuitBreakerRedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 0.25,
                "SOCKET_TIMEOUT": 0.25,
                "CIRCUIT_BREAKER_RESET_TIMEOUT": 10,
            },
        }
    }

It needs django-redis (``pip install django-redis``). pybreaker would hold its lock for
the whole guarded call, serialising every cache call of a threaded process, so the
breaker here is a small one of its own.
"""

import logging
import threading
import time
from typing import Any

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RESET_TIMEOUT_OPTION = "CIRCUIT_BREAKER_RESET_TIMEOUT"
DEFAULT_RESET_TIMEOUT = 10.0
# What a Redis that is down, unreachable or hung raises; a ResponseError is an answer.
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


class Skipped(RedisConnectionError):
    """Redis was not asked: the breaker is open."""


class Breaker:
    """Closed, open until ``open_until``, or letting one trial call through. Its lock is
    held only to change state, never during a call."""

    def __init__(self, reset_timeout: float) -> None:
        self.reset_timeout = reset_timeout
        self.open_until = 0.0  # 0: closed
        self._lock = threading.Lock()

    def allows(self) -> bool:
        if not self.open_until:
            return True
        with self._lock:
            now = time.monotonic()
            if now < self.open_until:
                return False
            # The one trial of this interval: the others keep skipping while it runs.
            self.open_until = now + self.reset_timeout
            return True

    def failed(self) -> None:
        with self._lock:
            self.open_until = time.monotonic() + self.reset_timeout

    def succeeded(self) -> bool:
        """Close; True when the breaker was open."""
        if not self.open_until:
            return False
        with self._lock:
            was_open, self.open_until = bool(self.open_until), 0.0
        return was_open


# One breaker per Redis location and process: Django makes a cache object per thread.
_breakers: dict[str, Breaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(location: str, reset_timeout: float) -> Breaker:
    with _breakers_lock:
        return _breakers.setdefault(location, Breaker(reset_timeout))


class _GuardedClient:
    """django-redis's client, behind the breaker. The backend's own methods turn the
    ``ConnectionInterrupted`` raised here into misses, with their usual return values."""

    def __init__(self, client: Any, breaker: Breaker, location: str) -> None:
        self._client, self._breaker, self._location = client, breaker, location

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._client, name)
        if not callable(attribute):
            return attribute

        def call(*args: Any, **kwargs: Any) -> Any:
            if not self._breaker.allows():
                raise ConnectionInterrupted(connection=None) from Skipped(self._location)
            try:
                result = attribute(*args, **kwargs)
            except ConnectionInterrupted as interrupted:
                if isinstance(interrupted.__cause__, UNREACHABLE):
                    self._breaker.failed()
                    logger.warning(
                        "Redis at %s failed (%s): the cache is skipped for %s s",
                        self._location,
                        interrupted,
                        self._breaker.reset_timeout,
                    )
                else:
                    logger.warning("Redis at %s: %s", self._location, interrupted)
                raise
            if self._breaker.succeeded():
                logger.warning("Redis at %s answers again: the cache is used", self._location)
            return result

        return call


class CircuitBreakerRedisCache(RedisCache):
    """``django_redis.cache.RedisCache`` behind a per-process circuit breaker (see the
    module). Errors are always misses, so ``IGNORE_EXCEPTIONS`` need not be set."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        options = dict(params.get("OPTIONS") or {})
        reset_timeout = float(options.pop(RESET_TIMEOUT_OPTION, DEFAULT_RESET_TIMEOUT))
        super().__init__(server, {**params, "OPTIONS": options})
        self._ignore_exceptions = True
        self._log_ignored_exceptions = False  # the guarded client logs, once per opening
        location = server if isinstance(server, str) else ",".join(server)
        self._breaker = breaker_for(location, reset_timeout)
        self._location = location.rsplit("@", 1)[-1]  # no password in the logs
        self._guarded: _GuardedClient | None = None

    @property
    def client(self) -> Any:
        if self._guarded is None:
            self._guarded = _GuardedClient(super().client, self._breaker, self._location)
        return self._guarded
