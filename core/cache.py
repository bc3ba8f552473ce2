"""The Redis cache, made optional for every request.

The cache only ever holds what can be computed again (counts and rankings under a dataset
version kept in the database, see ``core.versioned_cache``; the once-an-hour marks of
``core.audit.audit_access``). So when Redis cannot be reached, a request goes on without it
instead of answering 500: a read is a miss, a write is dropped, and ``add`` answers « stored »
so that whoever asks it whether something is new (the access trail) records rather than
skips. After a failure the process leaves Redis alone for ``CACHE_RETRY_SECONDS`` so that a
page does not pay a connection timeout on every lookup; one warning is logged per outage.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

T = TypeVar("T")


class _Outage:
    """When this process may try Redis again (shared by every cache instance of the process)."""

    lock = threading.Lock()
    retry_at = 0.0

    @classmethod
    def is_on(cls) -> bool:
        return time.monotonic() < cls.retry_at

    @classmethod
    def begin(cls, error: Exception) -> None:
        with cls.lock:
            first = not cls.is_on()
            cls.retry_at = time.monotonic() + getattr(settings, "CACHE_RETRY_SECONDS", 5)
        if first:
            logger.warning("Cache unreachable, requests go on without it: %s", error)


class ResilientRedisCache(RedisCache):
    """Django's Redis cache whose every operation falls back instead of raising."""

    def _guard(self, operation: Callable[[], T], fallback: T) -> T:
        if _Outage.is_on():
            return fallback
        try:
            return operation()
        except RedisError as error:
            _Outage.begin(error)
            return fallback

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        return self._guard(
            lambda: super(ResilientRedisCache, self).add(key, value, timeout, version), True
        )

    def get(self, key, default=None, version=None) -> Any:
        return self._guard(
            lambda: super(ResilientRedisCache, self).get(key, default, version), default
        )

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> None:
        self._guard(
            lambda: super(ResilientRedisCache, self).set(key, value, timeout, version), None
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        return self._guard(
            lambda: super(ResilientRedisCache, self).touch(key, timeout, version), False
        )

    def delete(self, key, version=None) -> bool:
        return self._guard(lambda: super(ResilientRedisCache, self).delete(key, version), False)

    def get_many(self, keys, version=None) -> dict:
        return self._guard(lambda: super(ResilientRedisCache, self).get_many(keys, version), {})

    def has_key(self, key, version=None) -> bool:
        return self._guard(lambda: super(ResilientRedisCache, self).has_key(key, version), False)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None) -> list:
        return self._guard(
            lambda: super(ResilientRedisCache, self).set_many(data, timeout, version), list(data)
        )

    def delete_many(self, keys, version=None) -> None:
        self._guard(lambda: super(ResilientRedisCache, self).delete_many(keys, version), None)

    def clear(self) -> bool:
        return self._guard(lambda: super(ResilientRedisCache, self).clear(), False)

    # incr has no honest fallback (a counter that silently restarts would lie): it raises.


def cache_outage_forget() -> None:
    """Try Redis again at the next lookup (tests, and whoever knows it is back)."""
    _Outage.retry_at = 0.0
