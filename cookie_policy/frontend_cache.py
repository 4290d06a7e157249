"""Purging the site's pages from a CDN or Varnish, when Wagtail's frontend cache is configured.

The banner is on every page, so a new banner or policy purges every live page in every
language, and the headless API's answers: on a large site, thousands of URLs and as many
requests to the CDN. That work runs in a thread of its own once the publish has committed, so
the editor's publish answers in the same time for ten pages and ten thousand, and a CDN that
fails is tried again.

Wagtail's backends log the errors they recognise themselves (an HTTP error from Varnish, an
error answer from Cloudflare) and return; what they raise (a connection refused, a timeout) is
retried here. A process that stops before the purge finishes loses it: the CDN then serves the
old banner until its pages expire.
"""

import logging
import threading
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.db import connections
from django.utils.translation import override
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Page

logger = logging.getLogger(__name__)

# Seconds before each further attempt for a backend whose purge raised.
RETRY_SECONDS = (5, 30, 120)


def purge_live_pages():
    """Purge every live page in every language, in the background. Call it after the commit."""
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        in_background(purge_with_retries)


def in_background(job):
    """Run ``job`` in a thread of its own, which closes its database connections at the end."""

    def run():
        try:
            job()
        finally:
            connections.close_all()  # this thread's own

    thread = threading.Thread(target=run, name="cookie-policy-purge", daemon=True)
    thread.start()
    return thread


def live_page_urls():
    """Every URL of every live page, in every language: what the pages' get_cached_paths name."""
    batch = PurgeBatch()
    for code, _name in settings.LANGUAGES:
        with override(code):
            batch.add_pages(Page.objects.live().filter(depth__gt=1))
    return sorted(batch.urls)


def api_urls():
    """The headless API's answers, which show the banner and policy too (api_v2.py)."""
    from .api_v2 import endpoint_urls  # Django REST framework: imported when a purge needs it

    return endpoint_urls()


def purge_with_retries():
    """Send the purge to each backend; retry those that raise; log, never raise."""
    pending, urls = None, None
    for delay in (0, *RETRY_SECONDS):
        time.sleep(delay)
        try:
            if pending is None:
                pending = get_backends()
            if urls is None:
                urls = live_page_urls() + api_urls()
        except Exception:
            logger.warning("Purging the pages: could not list them; retrying.", exc_info=True)
            continue
        for name, backend in list(pending.items()):
            mine = [url for url in urls if backend.invalidates_hostname(urlsplit(url).netloc)]
            try:
                if mine:
                    backend.purge_batch(mine)
                del pending[name]
            except Exception:
                logger.warning("Purging the pages from %r failed; retrying.", name, exc_info=True)
        if not pending:
            return
    logger.error(
        "Purging the pages from %s failed %d times: the old banner stays there until the pages "
        "expire.",
        ", ".join(map(repr, pending or ["the frontend cache"])),
        1 + len(RETRY_SECONDS),
    )
