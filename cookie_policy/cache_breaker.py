"""A cache backend that puts a circuit breaker in front of another cache.

A shared cache (Redis, Memcached) that accepts connections and never answers stalls every call for
its socket timeout, in Wagtail's own cache calls as much as in the plugin's. Behind the breaker, a
call that fails or takes longer than ``COOKIE_POLICY_CACHE_SLOW_MS`` opens it: for
``COOKIE_POLICY_CACHE_PAUSE_SECONDS`` this process works as if it had no cache (reads miss, writes
are dropped); only deletes, which come with publishing, are still sent. The first call after the
pause tries the cache again::

    CACHES = {
        "default": {
            "BACKEND": "cookie_policy.cache_breaker.CircuitBreakerCache",
            "LOCATION": "redis",  # the alias of the cache it guards
        },
        "redis": {...},  # the real cache, with short connect and read timeouts
    }

The breaker times calls; it cannot cut one short, so the guarded cache's own timeouts bound the
one call that finds it hung.
"""

import logging
import time

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

from . import conf

logger = logging.getLogger(__name__)

# Per guarded alias, the time.monotonic() before which it is left alone. Module-level: Django
# makes a backend per thread, and the whole process should stop asking a hung cache.
_open_until = {}

# What a call answers while the breaker is open and has no answer of its own.
_SKIPPED = object()


class CircuitBreakerCache(BaseCache):
    """The cache named by ``LOCATION``, left alone for a while after a failed or slow call."""

    def __init__(self, location, params):
        super().__init__(params)
        self.alias = location

    def _ask(self, method, skipped, *args, **kwargs):
        """``method`` of the guarded cache, or ``skipped`` while the breaker is open."""
        if _open_until.get(self.alias, 0) > time.monotonic():
            return skipped
        return self._call(method, skipped, *args, **kwargs)

    def _call(self, method, failed, *args, **kwargs):
        """``method`` of the guarded cache, timed; ``failed`` if it raises."""
        call = getattr(caches[self.alias], method)  # made once per thread, and not timed
        start = time.monotonic()
        error = None
        try:
            return call(*args, **kwargs)
        except ValueError:
            raise  # incr of a missing key: the cache's answer, not its failure
        except Exception as exc:
            error = exc
            return failed
        finally:
            elapsed = time.monotonic() - start
            if error is not None or elapsed * 1000 > conf.get("CACHE_SLOW_MS"):
                self._open(method, elapsed, error)

    def _open(self, method, elapsed, error):
        pause = conf.get("CACHE_PAUSE_SECONDS")
        _open_until[self.alias] = time.monotonic() + pause
        logger.warning(
            "Cache %r: %s %s after %.0f ms; left alone for %s s.",
            self.alias,
            method,
            "failed" if error else "was slow",
            elapsed * 1000,
            pause,
            exc_info=error,
        )

    def get(self, key, default=None, version=None):
        return self._ask("get", default, key, default, version=version)

    def get_many(self, keys, version=None):
        return self._ask("get_many", {}, keys, version=version)

    def has_key(self, key, version=None):
        return self._ask("has_key", False, key, version=version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._ask("add", False, key, value, timeout=timeout, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._ask("set", None, key, value, timeout=timeout, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # The keys that were not stored: all of them, while the breaker is open.
        return self._ask("set_many", list(data), data, timeout=timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._ask("touch", False, key, timeout=timeout, version=version)

    def incr(self, key, delta=1, version=None):
        value = self._ask("incr", _SKIPPED, key, delta, version=version)
        if value is _SKIPPED:
            raise ValueError(f"Key '{key}' not found")  # as any cache answers for a missing key
        return value

    # Deletes are sent even while the breaker is open: a dropped one would leave a stale entry for
    # every process, where a dropped write costs one miss. They come with publishing, rarely.

    def delete(self, key, version=None):
        return self._call("delete", False, key, version=version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version=version)

    def clear(self):
        return self._call("clear", None)
