"""Which site a request is for, and the live policy page and banner of a site."""

import time

from django.core.cache import cache
from django.db import DatabaseError
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import Page, Site

from . import conf
from .models import ConsentBanner, CookiePolicyPage

# Seconds a host's site id is kept: sites are rarely re-pointed, and then only by an admin.
SITE_TTL = 300
# Seconds the last site id a host had serves while the database is down.
LAST_SITE_TTL = 86400
# This process's copy of host -> (expiry, site id), kept COOKIE_POLICY_LOCAL_CACHE_SECONDS like the
# banner's: a consent post then asks the shared cache nothing before its rate limit.
_local_sites = {}


def live_policy(site):
    """The live cookie policy page under ``site``'s root page, in one query."""
    if site is None:
        return None
    under_root = Page.objects.filter(
        pk=site.root_page_id, path=Substr(OuterRef("path"), 1, Length("path"))
    )
    return CookiePolicyPage.objects.live().filter(Exists(under_root)).order_by("path").first()


def live_banner(site):
    """The live banner of ``site``, else the live banner of every site (one each at most)."""
    site_id = site.pk if site else None
    return (
        ConsentBanner.objects.filter(Q(site=None) | Q(site_id=site_id), live=True)
        .order_by(F("site").asc(nulls_last=True))
        .first()
    )


def forget_local_sites():
    """Drop this process's copy of site ids: a site was changed here (banner_cache.clear)."""
    _local_sites.clear()


def request_host(request):
    """``request.get_host()``, asked once a request: it checks ALLOWED_HOSTS on every call, and a
    consent post asked it six times."""
    if not hasattr(request, "_cookie_policy_host"):
        request._cookie_policy_host = request.get_host()
    return request._cookie_policy_host


def site_id_for(request):
    """The request's site id without a query where possible.

    Page views know their site already; the consent endpoint and error pages would otherwise
    load it (with every translated column of its root page) on each request.
    """
    site = getattr(request, "_wagtail_site", None)
    if site is not None:
        return site.pk
    if hasattr(request, "_cookie_policy_site_id"):  # asked already in this request
        return request._cookie_policy_site_id
    host = request_host(request)
    seconds = conf.get("LOCAL_CACHE_SECONDS")
    held = _local_sites.get(host)
    if seconds and held and held[0] > time.monotonic():
        request._cookie_policy_site_id = held[1]
        return held[1]
    key = f"cookie_policy:site:{host}"
    site_id = cache.get(key)
    if site_id is None:
        try:
            site = Site.find_for_request(request)
        except DatabaseError:
            # In an outage the cached policy can still serve the consent endpoint.
            site_id = cache.get(f"{key}:last")
            if site_id is None:
                raise
            return site_id
        site_id = site.pk if site else 0
        cache.set(key, site_id, SITE_TTL)
        cache.set(f"{key}:last", site_id, LAST_SITE_TTL)
    if seconds:
        _local_sites[host] = (time.monotonic() + seconds, site_id)
    request._cookie_policy_site_id = site_id
    return site_id
