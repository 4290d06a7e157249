"""A cookie scan of one site: which pages, what the live policy declares, and the saved run.

The browser side is ``scanner``; the comparison ``scan_compare``; this module joins them to the
site's page tree, its live policy in each language and the ``CookieScan`` records.
"""

import json
from functools import cache
from pathlib import Path
from urllib.parse import urljoin

from django.db import transaction
from django.utils import timezone, translation

from . import changes, conf, consent, languages, scan_compare, scanner
from .live import live_policy
from .models import CookieScan, KnownCookie, ScanFinding

KNOWN_COOKIES = Path(__file__).resolve().parent / "data" / "known_cookies.json"


@cache
def bundled_known_cookies():
    """The plugin's table of well-known cookies, as ``(pattern, entry)`` pairs."""
    entries = json.loads(KNOWN_COOKIES.read_text(encoding="utf-8"))["cookies"]
    return tuple((entry["name"], entry) for entry in entries)


def known_lookup():
    """``known(name)``: the editors' known cookies first, then the plugin's table."""
    edited = [
        (consent.cookie_pattern(row.name), {"category": row.category, "provider": row.provider})
        for row in KnownCookie.objects.all()
    ]
    table = [*sorted(edited, key=lambda r: r[0].endswith("*")), *bundled_known_cookies()]

    def known(name):
        for pattern, entry in table:
            if consent.matches(name, pattern):
                return entry
        return None

    return known


def page_targets(site, base_url, codes, max_pages):
    """The site's live public pages in each language, as addresses under ``base_url``."""
    pages = site.root_page.get_descendants(inclusive=True).live().public().specific()
    targets = []
    for page in pages.order_by("path"):
        for code in codes:
            with translation.override(code):
                url = page.get_url(current_site=site)
            if url:
                targets.append(scanner.Target(urljoin(base_url, url), code, page.pk))
    return targets[:max_pages]


def declarations(policy, code):
    """The live policy's categories in language ``code``, as ``scan_compare`` reads them."""
    if policy is None:
        return []
    return [
        {
            "key": key,
            "required": bool(category.get("required")),
            "cookies": changes.declared_cookies(category),
        }
        for key, category in changes.categories(languages.localized(policy, "body", code)).items()
    ]


def kept_names():
    """What the consent mechanism itself sets: never a violation, whatever is declared."""
    return frozenset(conf.kept_cookies())


def compare_all(outcome, site, codes):
    """Findings of every language of an outcome, each with its ``language``."""
    policy = live_policy(site)
    known = known_lookup()
    findings = []
    for code in codes:
        categories = declarations(policy, code)
        seen = [o for o in outcome.observations if o["language"] == code]
        for item in scan_compare.compare(seen, categories, kept=kept_names(), known=known):
            findings.append({**item, "language": code})
    return findings


def refusable_keys(site, codes):
    policy = live_policy(site)
    return [c["key"] for c in declarations(policy, codes[0]) if not c["required"]]


@transaction.atomic
def save(outcome, findings, *, site, base_url, codes, refusable, started_at, trigger, user=None):
    """Record the run and its findings; returns the CookieScan."""
    totals = scan_compare.counts(findings)
    run = CookieScan.objects.create(
        started_at=started_at,
        finished_at=timezone.now(),
        site=site,
        base_url=base_url,
        trigger=trigger,
        user=user,
        languages=list(codes),
        pages_visited=len(outcome.visited),
        violations=totals[scan_compare.VIOLATION],
        warnings=totals[scan_compare.WARNING],
        notices=totals[scan_compare.INFO],
        errors=outcome.errors,
        timed_out=outcome.timed_out,
        seen=scan_compare.sightings(outcome.observations, refusable),
    )
    page_ids = {f["page_id"] for f in findings if f["page_id"]}
    existing = set(
        site.root_page.get_descendants(inclusive=True)
        .filter(pk__in=page_ids)
        .values_list("pk", flat=True)
        if site
        else ()
    )
    ScanFinding.objects.bulk_create(
        ScanFinding(
            scan=run,
            kind=f["kind"],
            severity=f["severity"],
            language=f["language"],
            name=f["name"][:255],
            storage=f["storage"],
            domain=f["domain"][:255],
            state=f["state"][:48],
            page_url=f["page"][:500],
            page_id=f["page_id"] if f["page_id"] in existing else None,
            category=f["category"],
            suggested_category=f["suggested"][:32],
            provider=f["provider"][:200],
            declared=str(f["declared"])[:200],
            party=f["party"],
            lifetime=f["lifetime"],
        )
        for f in findings
    )
    return run


def report(run, findings):
    """The run as JSON-ready data, for ``--json``."""
    return {
        "scan": run.pk,
        "url": run.base_url,
        "languages": run.languages,
        "pages_visited": run.pages_visited,
        "timed_out": run.timed_out,
        "errors": run.errors,
        "counts": scan_compare.counts(findings),
        "findings": findings,
        "seen": run.seen,
    }
