"""Whatever the banner shows changed: drop its cached data and purge the pages.

Connected from CookiePolicyConfig.ready(). Both happen once the change is committed: before,
a page view could read the old data and cache it again, and a CDN could fetch the old page.
A changed setting (``override_settings``) drops the settings conf.get keeps.
"""

from django.core.signals import setting_changed
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from . import banner_cache, conf, history
from .frontend_cache import purge_live_pages
from .models import ConsentBanner, CookiePolicyPage, OperatorSettings


def clear_banner_cache(**kwargs):
    transaction.on_commit(banner_cache.clear)


def banner_changed(**kwargs):
    """The banner is on every page: drop its cached data and purge the pages from a CDN."""
    transaction.on_commit(banner_cache.clear)
    transaction.on_commit(purge_live_pages)


def policy_published(instance, revision, **kwargs):
    """Keep what the publication changed for the public history (any policy page type)."""
    if isinstance(instance, CookiePolicyPage):
        history.record(instance, revision)


def setting_changed_handler(**kwargs):
    conf.get.cache_clear()


def register_signal_handlers():
    setting_changed.connect(setting_changed_handler)
    page_published.connect(policy_published)
    for signal in (page_published, page_unpublished, post_delete):
        signal.connect(banner_changed, sender=CookiePolicyPage)
    for signal in (published, unpublished, post_delete):
        signal.connect(banner_changed, sender=ConsentBanner)
    # The operator is shown in the banner's settings dialog and on the policy page.
    for signal in (post_save, post_delete):
        signal.connect(banner_changed, sender=OperatorSettings)
    # A move or a new slug anywhere above the policy changes its URL; a site change can change
    # which policy applies. The banner shows both.
    page_published.connect(clear_banner_cache)
    post_page_move.connect(banner_changed)
    for signal in (post_save, post_delete):
        signal.connect(clear_banner_cache, sender=Site)
