"""The plugin's settings, read when first used and kept until a setting changes, so that
``override_settings`` works (signal_handlers.py)."""

import functools

from django.conf import settings

DEFAULTS = {
    # Name of the consent cookie, written by the banner script and the consent endpoint.
    "COOKIE_NAME": "cookie_consent",
    # Days a decision that grants a refusable category is kept.
    "ACCEPT_DAYS": 182,
    # Days a decision that refuses every refusable category is kept.
    "REJECT_DAYS": 182,
    # Categories a Global Privacy Control signal refuses unless the visitor turns them on.
    "GPC_CATEGORIES": ["advertising"],
    # Google Consent Mode v2: category key -> signals it grants; None leaves Consent Mode off.
    "CONSENT_MODE": None,
    # Days consent records are kept before `purge_consent_records` deletes them.
    "RECORD_RETENTION_DAYS": 3 * 365,
    # Consent posts one client may make per minute before it gets 429.
    "RATE_LIMIT_PER_MINUTE": 30,
    # Seconds each process may reuse the banner before asking the shared cache again (0: never).
    # Saves a cache round trip per page view; other processes see a publish that much later.
    "LOCAL_CACHE_SECONDS": 0,
    # Milliseconds a call to a cache behind cache_breaker.CircuitBreakerCache may take before it
    # opens the breaker: a healthy Redis answers in well under one.
    "CACHE_SLOW_MS": 20,
    # Seconds an open breaker leaves its cache alone (reads miss, writes are dropped).
    "CACHE_PAUSE_SECONDS": 10,
    # Trusted proxies in front of the site (0: none): the rate limit then reads X-Forwarded-For.
    "PROXY_COUNT": 0,
    # Largest consent request body accepted, in bytes.
    "MAX_BODY_BYTES": 2048,
    # Template the policy page, the cookie settings page and the banner preview extend.
    "BASE_TEMPLATE": "base.html",
    # Category whose consent embeds (YouTube and the like) wait for.
    "EMBED_CATEGORY": "other",
    # How the banner's script and stylesheet reach the page: "inline" in every page, or
    # "external", static files under hashed names that browsers cache (assets.py).
    "ASSET_MODE": "inline",
    # Origins of frontends on other hosts ("https://www.example.com") whose pages may post
    # consent decisions to the consent endpoint, with credentials (cors.py).
    "ALLOWED_ORIGINS": [],
}

# No decision may be kept longer than 13 months (CNIL and EDPB guidance).
MAX_DAYS = 395

# A ready-made map for COOKIE_POLICY_CONSENT_MODE.
GOOGLE_CONSENT_MODE = {
    "analytics": ["analytics_storage"],
    "advertising": ["ad_storage", "ad_user_data", "ad_personalization"],
}


def kept_cookies():
    """Cookies a refusal never deletes, whatever a declaration says: consent, session, CSRF and
    language, under this site's names for them."""
    names = ("SESSION_COOKIE_NAME", "CSRF_COOKIE_NAME", "LANGUAGE_COOKIE_NAME")
    return {get("COOKIE_NAME"), *(getattr(settings, name) for name in names)}


@functools.cache  # the consent endpoint read fifteen settings a post, at 2 µs each
def get(name):
    """The value of setting ``COOKIE_POLICY_<name>``, or its default."""
    value = getattr(settings, f"COOKIE_POLICY_{name}", DEFAULTS[name])
    if name in ("ACCEPT_DAYS", "REJECT_DAYS"):
        return max(1, min(int(value), MAX_DAYS))
    return value
