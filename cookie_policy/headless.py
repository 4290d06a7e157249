"""A site's live policy, banner texts and banner configuration in one language, as the JSON the
Wagtail API endpoint (api_v2.py) serves to frontends that render them themselves.

Built from the banner's cached data (banner_cache.state: the policy's title and address, the
consent version, the operator, the script's configuration) and what only this JSON shows, read
from the live page and banner: each category's full texts and declaration table, the policy's
other sections, the banner's texts, the date of the last update. The bytes and their ETag are
cached per site and language under the banner cache's generation, so a publish that makes the
banner stale makes them stale too, and a warm request, or a client's revalidation, makes no
query.
"""

import hashlib
import json
from urllib.parse import urljoin

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Site
from wagtail.rich_text import expand_db_html

from . import banner_cache, changes, history
from .blocks import CONFIRMED
from .live import live_banner, live_policy
from .policy_data import config, summary
from .rendering import gpc_note

BANNER_TEXTS = [
    "title",
    "accept_label",
    "reject_label",
    "settings_label",
    "save_label",
    "settings_title",
]
BANNER_RICH_TEXTS = ["message", "settings_intro"]
# The operator's addresses, which may be written relative to the site.
OPERATOR_URLS = ["processing_policy_url", "consent_document_url"]

# The policy body's blocks in page order: categories by key (their texts are under categories).
SECTIONS = {
    "heading": lambda value: value,
    "text": expand_db_html,
    "category": lambda value: value.get("key", ""),
}


def cache_key(site_id, language):
    # The number changes with the shape of the JSON, so a deploy never serves old entries.
    return f"cookie_policy:headless:2:{site_id}:{language}"


def answer(request, site_id):
    """``(body, etag)`` of site ``site_id``'s JSON in the active language, or None when there is
    no such site. Warm, it makes no query."""
    key = cache_key(site_id, get_language())
    generation, found = banner_cache.lookup(key)
    if found is not None:
        return found
    site = Site.objects.filter(pk=site_id).first()
    if site is None:
        return None
    # banner_cache.state reads the site from the request: this one, whatever the host.
    request._wagtail_site = site
    policy = banner_cache.state(request, local_copy=False)["policy"]
    # The full texts: the banner's data keeps only what the banner shows.
    page = live_policy(site)
    if page is not None and policy["categories"]:
        data = document(site, policy, page, live_banner(site))
    else:
        data = {"locale": get_language(), **NOTHING_LIVE}
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    body = body.encode()
    found = (body, f'"{hashlib.sha256(body).hexdigest()[:32]}"')
    banner_cache.store(key, generation, found)
    return found


# No live policy yet: nothing to show, as the banner tag shows nothing. Not an error: a
# frontend deployed before the policy is published shows no banner until it is.
NOTHING_LIVE = {
    "consent_version": None,
    "policy": None,
    "banner": None,
    "labels": None,
    "config": None,
    "settings_url": None,
}


def document(site, policy, page, banner):
    """The JSON's data: ``policy`` is the banner's cached data of the same site and language,
    ``page`` and ``banner`` its live policy page and banner."""
    root = site.root_url
    endpoint = urljoin(root, reverse("cookie_policy:consent"))
    versions = history.versions(page, limit=1)
    operator = policy["operator"]
    if operator:
        operator = {**operator, **{k: absolute(root, operator[k]) for k in OPERATOR_URLS}}
    return {
        "locale": get_language(),
        "consent_version": policy["version"],
        "policy": {
            "title": policy["title"],
            "url": absolute(root, policy["url"]),
            "last_updated": versions[0]["date"] if versions else page.last_published_at,
            "body": [
                section(block)
                for block in changes.raw_stream(page.body)
                if block["type"] in SECTIONS
            ],
            "categories": [category_data(c) for c in changes.categories(page.body).values()],
            "operator": operator,
        },
        "banner": banner_data(banner) if banner else None,
        "labels": labels(policy),
        # The banner script's own configuration, its endpoint absolute for other origins.
        "config": {**config(policy), "endpoint": endpoint},
        # The settings page, for visitors without JavaScript.
        "settings_url": endpoint,
    }


def section(block):
    return {"type": block["type"], "value": SECTIONS[block["type"]](block["value"])}


def category_data(category):
    """A category's texts and the rows of its declaration table that visitors see."""
    return {
        "key": category.get("key", ""),
        "title": category.get("title") or category.get("key", ""),
        "required": bool(category.get("required")),
        "summary": summary(category),
        "purpose": expand_db_html(category.get("purpose") or ""),
        "lifetime": category.get("lifetime") or "",
        "cookies": [
            {
                "name": cookie.get("name", ""),
                "provider": cookie.get("provider", ""),
                "purpose": cookie.get("purpose", ""),
                "duration": cookie.get("duration", ""),
                "party": cookie.get("party") or "first",
                # A row not yet confirmed on this site is shown marked as such, never as fact.
                "confirmed": cookie["status"] == CONFIRMED,
            }
            for cookie in changes.shown_cookies(category)
        ],
    }


def banner_data(banner):
    texts = {name: getattr(banner, name) or "" for name in BANNER_TEXTS}
    rich = {name: expand_db_html(getattr(banner, name) or "") for name in BANNER_RICH_TEXTS}
    return {**texts, **rich}


def labels(policy):
    """The interface strings the plugin's own banner and policy page show, in this language."""
    operator = policy["operator"]
    return {
        "who_we_are": _("Who we are"),
        "operator": _("Operator: %(name)s.") % {"name": operator["legal_name"]} if operator else "",
        "operator_link": _("Who we are, what we collect, why, for how long and who receives it"),
        "consent_id": _("Your consent ID"),
        "close": _("Close without changing anything"),
        "gpc_note": gpc_note(policy),
        "lifetime": _("Lifetime"),
        "required": _("Always on: the site cannot work without these cookies."),
        "optional": _("Used only with your consent."),
        "name": _("Name"),
        "provider": _("Provider"),
        "purpose": _("Purpose"),
        "duration": _("Duration"),
        "party": _("Party"),
        "first": _("first party"),
        "third": _("third party"),
        "unconfirmed": _("not yet confirmed on this site"),
    }


def absolute(root, url):
    """``url`` as an address a page on another origin can follow ("" stays "")."""
    return urljoin(root, url) if url else ""
