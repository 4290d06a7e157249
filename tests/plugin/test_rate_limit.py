"""The consent rate limit: a client's first posts of a minute counted by the process alone, the
rest in the shared cache, with the local ones added."""

import hashlib

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from cookie_policy import rate_limit
from cookie_policy.rate_limit import Counter

from .test_consent import RecordingCache


def request_from(address):
    return RequestFactory().post("/en/cookie-consent/", REMOTE_ADDR=address)


@pytest.fixture
def recording(monkeypatch):
    recording = RecordingCache(cache)
    monkeypatch.setattr(rate_limit, "cache", recording)
    return recording


def shared_count(address, minute):
    client = hashlib.sha256(address.encode()).hexdigest()[:32]
    return cache.get(f"cookie_policy:rate:{client}:{minute}")


def test_within_one_process_the_limit_is_exact(settings, recording):
    settings.COOKIE_POLICY_RATE_LIMIT_PER_MINUTE = 20  # an allowance of 2
    counter = Counter()
    visitor = request_from("203.0.113.1")
    answers = [counter.limited(visitor) for _ in range(22)]
    assert answers == [False] * 20 + [True, True]
    # The first two asked nothing; the third added all three to the shared count.
    assert recording.calls[:1] == ["incr"]
    assert len([c for c in recording.calls if c == "incr"]) == 20
    assert shared_count("203.0.113.1", counter.minute) == 22


def test_a_visitor_who_posts_once_or_twice_costs_no_round_trip(settings, recording):
    settings.COOKIE_POLICY_RATE_LIMIT_PER_MINUTE = 30
    counter = Counter()
    for address in ("203.0.113.1", "203.0.113.2", "203.0.113.1"):
        assert not counter.limited(request_from(address))
    assert recording.calls == []


def test_across_processes_a_client_gets_at_most_one_allowance_each_past_the_limit(settings):
    settings.COOKIE_POLICY_RATE_LIMIT_PER_MINUTE = 10  # an allowance of 1
    processes = [Counter(), Counter(), Counter()]
    visitor = request_from("203.0.113.1")
    admitted = 0
    for _ in range(10):
        for process in processes:
            admitted += not process.limited(visitor)
    assert 10 <= admitted <= 10 + len(processes) * 1
    # Every process refuses the client by now.
    assert all(process.limited(visitor) for process in processes)


def test_past_the_clients_a_process_keeps_each_post_asks(settings, recording, monkeypatch):
    settings.COOKIE_POLICY_RATE_LIMIT_PER_MINUTE = 30
    monkeypatch.setattr(rate_limit, "MAX_LOCAL_CLIENTS", 2)
    counter = Counter()
    for address in ("203.0.113.1", "203.0.113.2"):
        counter.limited(request_from(address))
    assert recording.calls == []
    assert not counter.limited(request_from("203.0.113.3"))
    assert recording.calls == ["incr", "add"]
    assert len(counter.seen) == 2


def test_a_new_minute_starts_the_count_again(settings):
    settings.COOKIE_POLICY_RATE_LIMIT_PER_MINUTE = 1
    now = [600.0]
    counter = Counter(clock=lambda: now[0])
    visitor = request_from("203.0.113.1")
    assert [counter.limited(visitor) for _ in range(2)] == [False, True]
    now[0] += 60
    assert [counter.limited(visitor) for _ in range(2)] == [False, True]
    assert shared_count("203.0.113.1", 10) == 2
    assert shared_count("203.0.113.1", 11) == 2
