"""The banner's data per site and language: the live policy as data and the banner's markup.

Kept in the default cache, so a warm page view makes no query, and for
COOKIE_POLICY_LOCAL_CACHE_SECONDS in this process too; publishing the policy page or the banner
drops every entry.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.models import Site

from . import conf
from .live import live_banner, live_policy, site_id_for
from .policy_data import policy_data
from .rendering import render_banner

# This process's copy of the shared entries, when COOKIE_POLICY_LOCAL_CACHE_SECONDS is set.
_local = {}
# Seconds a shared entry lives: a publish whose delete never reached the cache (down at that
# moment) shows within this, at the cost of one rebuild per site and language.
TTL = 300


def cache_key(site_id, language):
    # The number changes with the shape of the cached data, so a deploy never reads old entries.
    return f"cookie_policy:banner:3:{site_id}:{language}"


def state(request):
    """The live policy and banner of the request's site in the active language, cached."""
    key = cache_key(site_id_for(request), get_language())
    seconds = conf.get("LOCAL_CACHE_SECONDS")
    held = _local.get(key)
    if seconds and held and held[0] > time.monotonic():
        return held[1]
    data = cache.get(key)
    if data is None:
        site = Site.find_for_request(request)
        policy = policy_data(live_policy(site), request, site)
        data = {"policy": policy, "html": render_banner(request, policy, live_banner(site))}
        cache.set(key, data, TTL)
    if seconds:
        _local[key] = (time.monotonic() + seconds, data)
    return data


def clear():
    """Drop the cached banner of every site and language, here and in the shared cache."""
    _local.clear()
    site_ids = Site.objects.values_list("pk", flat=True)
    cache.delete_many(
        [cache_key(site_id, code) for site_id in site_ids for code, _name in settings.LANGUAGES]
    )
