"""Settings shared by every environment of the demo site."""

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from cookie_policy.conf import GOOGLE_CONSENT_MODE
from cookie_policy.inline import csp_hashes

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    # wagtail_modeltranslation must come before the apps it translates.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "modeltranslation",
    "cms",
    "cookie_policy",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.contrib.settings",
    # The headless API (cookie_policy.api_v2) on Wagtail's API v2.
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    # A malformed session or CSRF cookie would add Vary: Cookie and Set-Cookie to public pages.
    "cookie_policy.middleware.MalformedCookieMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def redis_caches(url, key_prefix=""):
    """CACHES for a Redis whose outages read as misses, so pages fall back to the database.

    Every caller, Wagtail included, reaches Redis through the plugin's circuit breaker: a call that
    fails or lags leaves Redis alone for COOKIE_POLICY_CACHE_PAUSE_SECONDS, so a hung Redis costs
    each process one stalled call per pause instead of several on every page view.
    """
    return {
        "default": {
            "BACKEND": "cookie_policy.cache_breaker.CircuitBreakerCache",
            "LOCATION": "redis",
        },
        "redis": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": key_prefix,
            # Redis answers in well under a millisecond: 50 ms is the most the one call that
            # finds it hung may stall, before the breaker opens. The breaker sees its errors.
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.05, "SOCKET_TIMEOUT": 0.05},
        },
    }


DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ru", _("Russian"))]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
# Each language is written explicitly: never show English text on a Russian page.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ()}
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English"), ("ru", "Русский")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
# Russian dates set with non-breaking spaces (cms/formats/ru/formats.py).
FORMAT_MODULE_PATH = ["cms.formats"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"

WAGTAIL_SITE_NAME = "SOFTPRO"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "txt"]

# Google Consent Mode v2: category key -> the signals it grants.
COOKIE_POLICY_CONSENT_MODE = GOOGLE_CONSENT_MODE

# A strict Content-Security-Policy on public pages: no inline script but the banner's own, allowed
# by hash so every visitor still gets the same bytes. Wagtail's admin relies on inline scripts.
_inline = csp_hashes()
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, *_inline["script-src"]],
        "style-src": [SELF, *_inline["style-src"]],
        "img-src": [SELF, "data:"],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}
