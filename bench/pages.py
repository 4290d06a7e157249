"""Page serving in one process: our banner, django-cookie-consent's, and none, on the same pages.

Each variant is the site's own base.html with only the banner tags changed, so the variants differ
by the banner and nothing else. They take turns view by view, so whatever else the machine is
doing falls on all of them alike.
"""

import statistics
import time

from cookie_consent.cache import delete_cache as clear_dcc_cache
from cookie_consent.models import Cookie, CookieGroup
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Site

from cookie_policy import banner_cache
from cookie_policy.live import live_policy
from cookie_policy.policy_data import policy_data

from .loaders import FOLDERS, VARIANT

PAGES = {"home": "/en/", "policy": "/en/cookie-policy/"}
HEAD_TAG = "{% cookie_policy_head %}"
BANNER_TAG = "{% cookie_banner %}"

# django-cookie-consent's page-cache-safe banner, set up as its JavaScript integration guide says.
DCC_BANNER = """{% load static cookie_consent_tags %}
{% url "cookie_consent_cookie_group_list" as url_cookies %}
<template id="cookie-consent__cookie-bar">
    <div class="cookie-bar">
        This site uses cookies for better performance and user experience.
        Do you agree to use these cookies?
        <button type="button" class="cookie-consent__accept">Accept</button>
        <button type="button" class="cookie-consent__decline">Decline</button>
        <a href="{{ url_cookies }}">Cookies info</a>
    </div>
</template>
{% all_cookie_groups "cookie-consent__cookie-groups" %}
{% static "cookie_consent/cookiebar.module.js" as cookiebar_src %}
{% url "cookie_consent_status" as status_url %}
<script type="module">
    import {showCookieBar} from "{{ cookiebar_src }}";
    showCookieBar({
        statusUrl: "{{ status_url|escapejs }}",
        templateSelector: "#cookie-consent__cookie-bar",
        cookieGroupsSelector: "#cookie-consent__cookie-groups",
    });
</script>"""

VARIANTS = {
    "ours": {HEAD_TAG: HEAD_TAG, BANNER_TAG: BANNER_TAG},
    "none": {HEAD_TAG: "", BANNER_TAG: ""},
    "dcc": {HEAD_TAG: "", BANNER_TAG: DCC_BANNER},
}
MARKERS = {"ours": 'id="cc-banner"', "dcc": 'id="cookie-consent__cookie-bar"'}


def write_variants(root):
    """One template folder per variant, holding a base.html made from the site's own."""
    source = (settings.BASE_DIR / "templates" / "base.html").read_text(encoding="utf-8")
    for tag in (HEAD_TAG, BANNER_TAG):
        if source.count(tag) != 1:
            raise RuntimeError(f"templates/base.html should hold {tag} exactly once")
    for name, replacements in VARIANTS.items():
        text = source
        for tag, replacement in replacements.items():
            text = text.replace(tag, replacement)
        FOLDERS[name] = root / name
        FOLDERS[name].mkdir(parents=True, exist_ok=True)
        (FOLDERS[name] / "base.html").write_text(text, encoding="utf-8")


def mirror_categories():
    """django-cookie-consent's groups and cookies made from our live policy: the same data."""
    with translation.override("en"):
        policy = policy_data(live_policy(Site.objects.get(is_default_site=True)))
    for order, category in enumerate(policy["categories"]):
        group = CookieGroup.objects.create(
            varname=category["key"],
            name=category["title"],
            description=category["summary"],
            is_required=category["required"],
            ordering=order,
        )
        Cookie.objects.bulk_create(
            Cookie(cookiegroup=group, name=name) for name in dict.fromkeys(category["cookies"])
        )


def view(client, url, variant):
    """Seconds one view of ``url`` takes with ``variant``'s base.html."""
    token = VARIANT.set(variant)
    try:
        start = time.perf_counter()
        response = client.get(url)
        seconds = time.perf_counter() - start
    finally:
        VARIANT.reset(token)
    if response.status_code != 200:
        raise RuntimeError(f"{variant}: GET {url} answered {response.status_code}")
    return seconds, response.content.decode()


def check(client, url, variant):
    html = view(client, url, variant)[1]
    for name, marker in MARKERS.items():
        if (marker in html) != (name == variant):
            raise RuntimeError(f"{variant}: GET {url} does not show the expected banner")


def queries(client, url, variant):
    """Queries of the first view after every cache involved is dropped, then of the next view."""
    banner_cache.clear()
    clear_dcc_cache()
    Site.clear_site_root_paths_cache()
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as captured:
            view(client, url, variant)
        counts.append(len(captured))
    return counts


def measure(work, *, rounds=11, min_rounds=3, count=50, budget=180):
    """Median seconds per view and [cold, warm] queries by (variant, page); rounds timed."""
    mirror_categories()
    write_variants(work / "templates")
    client = Client()
    counts = {}
    for variant in VARIANTS:
        for page, url in PAGES.items():
            check(client, url, variant)
            counts[variant, page] = queries(client, url, variant)

    times = {key: [] for key in counts}
    deadline = time.monotonic() + budget
    for round_ in range(rounds):
        if round_ >= min_rounds and time.monotonic() > deadline:
            break
        for page, url in PAGES.items():
            spent = dict.fromkeys(VARIANTS, 0.0)
            for turn in range(count):
                # Each variant goes first in turn: none gains from following another.
                order = list(VARIANTS)[turn % 3 :] + list(VARIANTS)[: turn % 3]
                for variant in order:
                    spent[variant] += view(client, url, variant)[0]
            for variant, seconds in spent.items():
                times[variant, page].append(seconds / count)
    medians = {key: statistics.median(values) for key, values in times.items()}
    return medians, counts, len(times["ours", "home"])
