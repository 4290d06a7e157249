"""Purging the site's pages from a CDN or Varnish, when Wagtail's frontend cache is configured."""

from django.conf import settings
from django.utils.translation import override
from wagtail.models import Page


def purge_live_pages():
    """Every live page shows the banner: purge them all, in every language."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    urls = []
    for code, _name in settings.LANGUAGES:
        with override(code):
            urls += [page.get_full_url() for page in Page.objects.live().filter(depth__gt=1)]
    purge_urls_from_cache([url for url in urls if url])
