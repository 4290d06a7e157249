import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Tests that need a cache shared between processes point REDIS_URL at the machine's Redis.
if os.environ.get("REDIS_URL"):
    CACHES = redis_caches(  # noqa: F405
        os.environ["REDIS_URL"], os.environ.get("CACHE_KEY_PREFIX", "test")
    )
    # A loaded test machine answers far slower than a production Redis: here only a failing
    # call (a refused connection, or a hung one after half a second) opens the circuit breaker.
    # tests/plugin/test_cache_breaker.py sets its own threshold to test slowness.
    CACHES["redis"]["OPTIONS"].update(SOCKET_CONNECT_TIMEOUT=0.5, SOCKET_TIMEOUT=0.5)
    COOKIE_POLICY_CACHE_SLOW_MS = 5000
