"""Consent posts per client and minute, counted in the shared cache, a client's first few posts
of a minute counted by each process alone.

Asking the shared cache on every post cost the consent endpoint a round trip, about a fifth of
its own time when profiled, while a visitor posts once or twice. So each process lets a client
make its first ``allowance`` posts of a minute (a tenth of the limit, at least one) without
asking, and adds them to the shared count when that client posts again. Within one process the
limit is exact; across P processes a client gets at most P × allowance posts past it a minute.
The address is hashed and kept only for that minute, never in a record.
"""

import hashlib
import threading
import time

from django.core.cache import cache

from . import conf

# Clients a process counts alone in one minute: past that, every post asks the shared cache, so
# a flood from many addresses cannot grow this process's memory.
MAX_LOCAL_CLIENTS = 10_000


def client_address(request):
    """The visitor's address; behind N trusted proxies, the Nth address from the right of
    X-Forwarded-For (the left part is whatever the client claimed)."""
    proxies = conf.get("PROXY_COUNT")
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def allowance(limit):
    """Posts of a minute a process lets a client make before it asks the shared count."""
    return max(1, limit // 10)


class Counter:
    """One process's counts for the current minute, in front of the shared cache."""

    def __init__(self, clock=time.time):
        self.clock = clock
        self.lock = threading.Lock()
        self.forget()

    def forget(self):
        """Start the minute again, as a new process would."""
        self.minute = None
        self.seen = {}  # client → posts this minute, in this process

    def limited(self, request):
        limit = conf.get("RATE_LIMIT_PER_MINUTE")
        client = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
        minute = int(self.clock() // 60)
        with self.lock:
            if minute != self.minute:
                self.forget()
                self.minute = minute
            if client not in self.seen and len(self.seen) >= MAX_LOCAL_CLIENTS:
                delta = 1
            else:
                seen = self.seen[client] = self.seen.get(client, 0) + 1
                free = allowance(limit)
                if seen <= free:
                    return False
                # The first post past the allowance reports the allowance with it.
                delta = seen if seen == free + 1 else 1
        count = shared_count(f"cookie_policy:rate:{client}:{minute}", delta)
        # With the cache down (None) the limit fails open, so visitors can still refuse and
        # withdraw: README, Security.
        return count is not None and count > limit


def shared_count(key, delta):
    """The shared count after adding ``delta``; None when the cache is down or left alone."""
    try:
        return cache.incr(key, delta)
    except ValueError:  # the client's first report this minute, or the cache is down
        pass
    if cache.add(key, delta, 70):
        return delta
    try:
        return cache.incr(key, delta)  # another process added it first
    except ValueError:
        return None


counter = Counter()


def rate_limited(request):
    """Whether this post is one too many for its client this minute."""
    return counter.limited(request)
