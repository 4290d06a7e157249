"""A policy page as plain, cacheable data for the banner, the consent endpoint and the script."""

import re
from html import unescape

from django.urls import reverse
from django.utils.html import strip_tags

from . import changes, conf, consent
from .operator import describe, operator_settings

SUMMARY_WORDS = 40
# Where a sentence ends: its stop, then any closing quote or bracket, then a space.
SENTENCE_END = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][»”\"’)]))\s+")


def policy_data(policy, request=None, site=None):
    """What the banner needs of a policy page and its site's operator, in the active language."""
    found = changes.categories(policy.body) if policy else {}
    categories = [
        {
            "key": key,
            "title": category.get("title") or key,
            "required": bool(category.get("required")),
            "summary": summary(category),
            "cookies": [
                consent.cookie_pattern(name) for name in changes.cookie_names(category) if name
            ],
        }
        for key, category in found.items()
    ]
    operator = operator_settings(site)
    return {
        "required": [c["key"] for c in categories if c["required"]],
        "version": policy.consent_version if policy else 0,
        "url": policy.get_url(request) if policy else "",
        "title": policy.title if policy else "",
        "categories": categories,
        "operator": describe(operator, request),
        # The consent cookie's shared Domain, if the site set one (consent.cookie_domain).
        "cookie_domain": operator.cookie_domain if operator else "",
    }


def summary(category):
    """The category's summary for the cookie settings: the editor's, else whole sentences of the
    purpose up to SUMMARY_WORDS words (at least the first sentence), never a cut one."""
    written = (category.get("summary") or "").strip()
    if written:
        return written
    text = " ".join(unescape(strip_tags(category.get("purpose") or "")).split())
    sentences = SENTENCE_END.split(text)
    chosen = sentences[:1]
    for sentence in sentences[1:]:
        if len(" ".join([*chosen, sentence]).split()) > SUMMARY_WORDS:
            break
        chosen.append(sentence)
    return " ".join(chosen)


def config(policy):
    """The settings the banner script reads from its JSON island."""
    categories = policy["categories"]
    return {
        "cookie": conf.get("COOKIE_NAME"),
        # consent.py's rules, so the script applies them as the server does.
        "format": consent.COOKIE_PATTERN,
        "keep": sorted(conf.kept_cookies()),
        "version": policy["version"],
        "endpoint": reverse("cookie_policy:consent"),
        "acceptDays": conf.get("ACCEPT_DAYS"),
        "rejectDays": conf.get("REJECT_DAYS"),
        "categories": [c["key"] for c in categories],
        "required": policy["required"],
        "cookies": {c["key"]: c["cookies"] for c in categories if not c["required"]},
        "gpc": list(conf.get("GPC_CATEGORIES")),
        "consentMode": conf.get("CONSENT_MODE"),
        # Used where it covers the page's host, as consent.cookie_domain decides.
        "domain": policy.get("cookie_domain", ""),
    }
