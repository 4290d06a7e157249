"""The production settings plus what the benchmark compares against; used only by `make bench`."""

from copy import deepcopy

from cms.settings.production import *  # noqa: F403
from cms.settings.production import BASE_DIR, INSTALLED_APPS, TEMPLATES

# django-cookie-consent is installed in the bench venv only, for the side-by-side render.
INSTALLED_APPS = [*INSTALLED_APPS, "cookie_consent"]
ROOT_URLCONF = "bench.urls"
# Kept apart from the site's collected files, which a running `make serve-prod` may be serving.
STATIC_ROOT = BASE_DIR / ".bench" / "static"
# The load test posts thousands of decisions from one address.
COOKIE_POLICY_RATE_LIMIT_PER_MINUTE = 10**9

# Django's production loaders (cached filesystem, then app folders), able to swap base.html.
TEMPLATES = deepcopy(TEMPLATES)
TEMPLATES[0]["APP_DIRS"] = False
TEMPLATES[0]["OPTIONS"]["loaders"] = [
    (
        "bench.loaders.CachedLoader",
        ["bench.loaders.Loader", "django.template.loaders.app_directories.Loader"],
    )
]
