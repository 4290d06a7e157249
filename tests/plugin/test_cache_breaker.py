"""The circuit breaker: a cache that fails or lags is left alone a while; the site carries on."""

import time

import pytest
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache

from cookie_policy import cache_breaker
from cookie_policy.models import ConsentRecord

pytestmark = pytest.mark.django_db


class Unreliable(LocMemCache):
    """A memory cache that is down or slow on demand, and counts the calls that reach it."""

    calls = 0
    mode = "up"

    def _reach(self):
        Unreliable.calls += 1
        if Unreliable.mode == "down":
            raise ConnectionError("the cache is down")
        if Unreliable.mode == "slow":
            time.sleep(0.2)

    def get(self, *args, **kwargs):
        self._reach()
        return super().get(*args, **kwargs)

    def set(self, *args, **kwargs):
        self._reach()
        return super().set(*args, **kwargs)

    def add(self, *args, **kwargs):
        self._reach()
        return super().add(*args, **kwargs)

    def incr(self, *args, **kwargs):
        self._reach()
        return super().incr(*args, **kwargs)

    def delete_many(self, *args, **kwargs):
        self._reach()
        return super().delete_many(*args, **kwargs)


@pytest.fixture(autouse=True)
def guarded(settings):
    """The default cache is an Unreliable one behind the breaker, both fresh."""
    settings.CACHES = {
        "default": {"BACKEND": "cookie_policy.cache_breaker.CircuitBreakerCache", "LOCATION": "x"},
        "x": {"BACKEND": "tests.plugin.test_cache_breaker.Unreliable", "LOCATION": "unreliable"},
    }
    # Far above a healthy call on a loaded machine, far below the slow mode's 200 ms.
    settings.COOKIE_POLICY_CACHE_SLOW_MS = 50
    cache_breaker._open_until.clear()
    Unreliable.calls, Unreliable.mode = 0, "up"
    yield
    Unreliable.mode = "up"
    cache.clear()
    cache_breaker._open_until.clear()


def test_a_healthy_cache_answers_through_the_breaker():
    cache.set("k", 1)
    assert cache.add("k", 2) is False
    assert cache.incr("k") == 2
    assert cache.get("k") == 2
    assert Unreliable.calls == 4


def test_a_cache_that_fails_is_left_alone_until_the_pause_ends(settings):
    """One failed call opens the breaker: reads miss, writes are dropped, nothing reaches it."""
    settings.COOKIE_POLICY_CACHE_PAUSE_SECONDS = 0.5
    cache.set("k", 1)
    Unreliable.mode = "down"
    assert cache.get("k", "miss") == "miss"
    assert Unreliable.calls == 2
    Unreliable.mode = "up"
    assert cache.get("k", "miss") == "miss"
    cache.set("k", 5)
    assert cache.add("new", 1) is False
    with pytest.raises(ValueError):
        cache.incr("k")  # as for a missing key
    assert Unreliable.calls == 2
    time.sleep(0.6)
    assert cache.get("k") == 1  # asked again after the pause; the dropped write never landed
    assert Unreliable.calls == 3


def test_deletes_are_sent_while_the_breaker_is_open():
    """A publish's delete reaches the cache even then: dropped, it would leave a stale entry."""
    cache.set("banner", "old")
    Unreliable.mode = "down"
    cache.get("banner")
    Unreliable.mode = "up"
    cache.delete_many(["banner"])
    assert cache.get("banner") is None  # skipped: the breaker is still open
    assert caches["x"].get("banner") is None
    assert Unreliable.calls == 4


def test_a_slow_answer_counts_and_opens_the_breaker():
    """A call slower than COOKIE_POLICY_CACHE_SLOW_MS returns its value; the next is skipped."""
    cache.set("k", "value")
    Unreliable.mode = "slow"
    assert cache.get("k") == "value"
    assert cache.get("k") is None
    assert Unreliable.calls == 2


def test_a_missing_key_is_an_answer_not_a_failure():
    """incr of a missing key raises ValueError, as in any Django cache: the breaker stays shut."""
    with pytest.raises(ValueError):
        cache.incr("absent")
    cache.set("k", 1)
    assert cache.get("k") == 1
    assert Unreliable.calls == 3


def test_pages_and_consent_carry_on_with_the_cache_down(policy, client):
    """With the cache down the banner is rendered and decisions recorded; one call reaches it."""
    Unreliable.calls, Unreliable.mode = 0, "down"
    for _ in range(3):
        assert 'id="cc-banner"' in client.get("/en/").text
    response = client.post(
        "/en/cookie-consent/",
        "choice=none",
        content_type="application/x-www-form-urlencoded",
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 303
    assert ConsentRecord.objects.count() == 1
    assert Unreliable.calls == 1


def test_a_publish_while_the_breaker_is_open_still_reaches_the_cache(
    policy, banner, client, django_capture_on_commit_callbacks
):
    """The publish's new generation is sent though the breaker is open: no stale banner after."""
    client.get("/en/")  # cached
    Unreliable.mode = "slow"
    client.get("/en/")  # opens the breaker
    Unreliable.mode = "up"
    banner.accept_label_en = "Go on"
    with django_capture_on_commit_callbacks(execute=True):
        banner.save_revision().publish()
    cache_breaker._open_until.clear()  # the pause is over
    assert "Go on" in client.get("/en/").text
