"""Production: secrets and service URLs come from the environment only.

Required: ``SECRET_KEY``, ``DATABASE_URL``. Optional: ``ALLOWED_HOSTS`` (comma list),
``REDIS_URL`` (the cache of the banner and the rate limit; needed as soon as more than one process
serves the site, since without it each process caches the banner on its own and a publish clears
only the cache of the process that handled it), ``CACHE_KEY_PREFIX`` (when several sites or
databases share one Redis), ``WAGTAILADMIN_BASE_URL``, ``SECURE_SSL_REDIRECT`` (``0`` only when no
TLS proxy is in front, as for a local run).
"""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import MIDDLEWARE, redis_caches


def required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"Set the {name} environment variable: cms.settings.production reads it from the "
            "environment only."
        )
    return value


def flag(name, default):
    return os.environ.get(name, "1" if default else "0").strip().lower() in {"1", "true", "yes"}


DEBUG = False
SECRET_KEY = required("SECRET_KEY")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "").rstrip("/")

DATABASES = {
    "default": dj_database_url.parse(
        required("DATABASE_URL"), conn_max_age=600, conn_health_checks=True
    )
}

if os.environ.get("REDIS_URL"):
    # The banner is cached per site id: two databases sharing Redis need their own prefix.
    CACHES = redis_caches(os.environ["REDIS_URL"], os.environ.get("CACHE_KEY_PREFIX", ""))

# WhiteNoise serves the hashed, compressed static files straight from the app servers.
MIDDLEWARE = list(MIDDLEWARE)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Each worker reuses the banner for 2 seconds instead of asking Redis on every page view
# (make bench measures the difference); a publish reaches the other workers that much later.
COOKIE_POLICY_LOCAL_CACHE_SECONDS = 2

# Behind N trusted proxies the consent rate limit reads the visitor's address from
# X-Forwarded-For; without one that header is the client's own claim.
COOKIE_POLICY_PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))

# TLS ends at the proxy in front, which says so in X-Forwarded-Proto.
SECURE_SSL_REDIRECT = flag("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
# The consent endpoint sends the visitor back to the Referer of a same-origin post.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Wagtail marks its preview views SAMEORIGIN itself; everything else may not be framed.
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    # Replaces Django's default handlers, which print only with DEBUG and mail admins.
    "loggers": {"django": {"handlers": ["stderr"], "level": "INFO", "propagate": False}},
}
