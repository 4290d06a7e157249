"""The production settings plus what the benchmark compares against; used only by `make bench`."""

import os
from copy import deepcopy

from cms.settings.production import *  # noqa: F403
from cms.settings.production import BASE_DIR, INSTALLED_APPS, MIDDLEWARE, TEMPLATES

# django-cookie-consent is installed in the bench venv only, for the side-by-side render.
INSTALLED_APPS = [*INSTALLED_APPS, "cookie_consent"]
ROOT_URLCONF = "bench.urls"
# Kept apart from the site's collected files, which a running `make serve-prod` may be serving.
STATIC_ROOT = BASE_DIR / ".bench" / "static"
# The load test posts as many visitors behind one proxy, under the default rate limit.
COOKIE_POLICY_PROXY_COUNT = 1

# Django's production loaders (cached filesystem, then app folders), able to swap base.html.
TEMPLATES = deepcopy(TEMPLATES)
TEMPLATES[0]["APP_DIRS"] = False
TEMPLATES[0]["OPTIONS"]["loaders"] = [
    (
        "bench.loaders.CachedLoader",
        ["bench.loaders.Loader", "django.template.loaders.app_directories.Loader"],
    )
]

# bench/assets.py serves the site in each asset mode, its pages gzipped as a proxy would send them.
COOKIE_POLICY_ASSET_MODE = os.environ.get("BENCH_ASSET_MODE", "inline")
if os.environ.get("BENCH_GZIP"):
    MIDDLEWARE = ["bench.middleware.StableGZipMiddleware", *MIDDLEWARE]
