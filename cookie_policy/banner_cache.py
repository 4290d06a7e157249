"""The banner's data per site and language: the live policy as data and the banner's markup.

Kept in the default cache, so a warm page view makes no query, and for
COOKIE_POLICY_LOCAL_CACHE_SECONDS in this process too; publishing the policy page or the banner
makes every entry stale once its transaction commits (signal_handlers.py).

A page view racing a publish reads the old policy from the database while the publish is not yet
committed, and may store it after the publish cleared the cache. So every entry holds the
generation it was built in, read before the database, and is used only while that generation is
current; a publish starts a new one after it commits. A view that read the old data read the old
generation first, and its entry is never used again. The headless API's answers (headless.py)
are kept under the same generations.
"""

import secrets
import time

from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.models import Site

from . import conf
from .live import forget_local_sites, live_banner, live_policy, site_id_for
from .policy_data import policy_data
from .rendering import render_banner

# The current generation, a random token: a counter that restarted after an eviction could
# meet an old entry of the same number, a random token does not.
GENERATION = "cookie_policy:banner:generation"
# This process's copy of the shared entries, when COOKIE_POLICY_LOCAL_CACHE_SECONDS is set.
# clear() replaces the dict, so a view that started before it stores into the old one.
_local = {}
# Seconds a shared entry lives: a publish whose generation never reached the cache (down at
# that moment) shows within this, at the cost of one rebuild per site and language.
TTL = 300


def cache_key(site_id, language):
    # The number changes with the shape of the cached data, so a deploy never reads old entries.
    return f"cookie_policy:banner:7:{site_id}:{language}"


def state(request, local_copy=True):
    """The live policy and banner of the request's site in the active language, cached.

    ``local_copy=False`` skips this process's copy, which may be a few seconds behind a publish:
    for a caller that keeps what it builds from the data until the next publish (headless.py).
    """
    key = cache_key(site_id_for(request), get_language())
    seconds = conf.get("LOCAL_CACHE_SECONDS") if local_copy else 0
    local = _local
    held = local.get(key)
    if seconds and held and held[0] > time.monotonic():
        return held[1]
    generation, data = lookup(key)
    if data is None:
        # The database is read after the generation, each query seeing what was committed when
        # it started (READ COMMITTED, Django's default): a publish these queries missed ends
        # that generation after it commits, so what they read is never used again.
        site = Site.find_for_request(request)
        page, banner = live_policy(site), live_banner(site)
        policy = policy_data(page, request, site)
        data = {
            "policy": policy,
            "html": render_banner(request, policy, banner),
            # What a visitor served from this entry was shown, for their consent record.
            "policy_revision": page.live_revision_id if page else None,
            "banner_revision": banner.live_revision_id if banner else None,
        }
        store(key, generation, data)
    if seconds:
        local[key] = (time.monotonic() + seconds, data)
    return data


def lookup(key):
    """The current generation (starting one if there is none) and what ``key`` holds if it was
    built in that generation, else None. Read the database only after this: see above."""
    found = cache.get_many([GENERATION, key])  # one round trip when warm
    generation = found.get(GENERATION) or _start_generation()
    entry = found.get(key)
    if entry and generation and entry[0] == generation:
        return generation, entry[1]
    return generation, None


def store(key, generation, data):
    """Keep ``data`` under ``key`` for ``generation``, the one lookup() gave before it was built."""
    if generation:  # none while the cache is unreachable: nothing to store under
        cache.set(key, (generation, data), TTL)


def _start_generation():
    """Make a new generation current unless another view just did; None without a cache."""
    token = secrets.token_hex(8)
    return token if cache.add(GENERATION, token, None) else cache.get(GENERATION)


def clear():
    """Make every cached banner stale, here and in the shared cache: call it after the commit.

    A delete, not a write of a new token: the circuit breaker sends deletes even while it leaves
    a failing cache alone (cache_breaker.py). The next view starts a new generation.
    """
    global _local
    _local = {}
    forget_local_sites()
    cache.delete(GENERATION)
