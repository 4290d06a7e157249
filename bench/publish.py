"""Publishing the banner with a frontend cache configured, on a site of 10 and of 10,000 pages.

The publish is timed as an editor waits for it: a revision saved and published in one
transaction, until the commit has run its on-commit work (the banner cache cleared, the purge
started). The purge itself runs in a thread of its own; it is timed too, until its last URL
reaches the backend, and waited for before the next publish.
"""

import statistics
import threading
import time
import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.test import override_settings
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import Page, Site

from cookie_policy.models import ConsentBanner

SIZES = (10, 10_000)
ROUNDS = 7
FRONTEND_CACHE = {"bench": {"BACKEND": "bench.publish.CountingBackend"}}


class CountingBackend(BaseBackend):
    """A CDN that accepts every purge at once: counts the URLs and when the last one came."""

    urls = 0
    finished = 0.0

    def purge_batch(self, urls):
        CountingBackend.urls += len(urls)
        CountingBackend.finished = time.perf_counter()


def live_pages():
    return Page.objects.live().filter(depth__gt=1).count()


def add_live_pages(parent, count):
    """``count`` live children of ``parent`` in one insert, their tree paths written directly."""
    if count <= 0:
        return
    last = parent.get_last_child()
    first = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(Page)
    pages = []
    for step in range(first, first + count):
        slug = f"bench-{step}"
        fields = {"title": f"Page {step}", "draft_title": f"Page {step}", "slug": slug}
        for code, _name in settings.LANGUAGES:
            parent_path = getattr(parent, build_localized_fieldname("url_path", code))
            fields[build_localized_fieldname("title", code)] = f"Page {step}"
            fields[build_localized_fieldname("slug", code)] = slug
            fields[build_localized_fieldname("url_path", code)] = f"{parent_path}{slug}/"
        pages.append(
            Page(
                **fields,
                url_path=f"{parent.url_path}{slug}/",
                path=Page._get_path(parent.path, parent.depth + 1, step),
                depth=parent.depth + 1,
                numchild=0,
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                content_type=content_type,
                locale_id=parent.locale_id,
                translation_key=uuid.uuid4(),
            )
        )
    Page.objects.bulk_create(pages, batch_size=1000)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)


def publish_once():
    """Seconds the publish took, and seconds until the background purge was done."""
    banner = ConsentBanner.objects.get(live=True)
    CountingBackend.urls, CountingBackend.finished = 0, float("nan")
    start = time.perf_counter()
    with transaction.atomic():
        banner.save_revision().publish()
    published = time.perf_counter() - start
    for thread in threading.enumerate():
        if thread.name == "cookie-policy-purge":
            thread.join(120)
    return published, CountingBackend.finished - start, CountingBackend.urls


def measure():
    """{pages: (median publish seconds, median purge seconds, URLs purged)}."""
    home = Site.objects.get(is_default_site=True).root_page
    found = {}
    with override_settings(WAGTAILFRONTENDCACHE=FRONTEND_CACHE):
        for size in SIZES:
            add_live_pages(home.specific, size - live_pages())
            home.refresh_from_db()
            if live_pages() != size:
                raise RuntimeError(f"{live_pages()} live pages, not {size}")
            publish_once()  # warm-up
            runs = [publish_once() for _ in range(ROUNDS)]
            found[size] = (
                statistics.median(run[0] for run in runs),
                statistics.median(run[1] for run in runs),
                runs[-1][2],
            )
    return found
