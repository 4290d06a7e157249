"""Signal handlers, connected from CookiePolicyConfig.ready()."""

from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from wagtail.models import Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from . import banner_cache
from .frontend_cache import purge_live_pages
from .models import ConsentBanner, CookiePolicyPage


def clear_banner_cache(**kwargs):
    banner_cache.clear()


def banner_changed(**kwargs):
    """The banner is on every page: drop its cached data and purge the pages from a CDN."""
    banner_cache.clear()
    purge_live_pages()


def raise_consent_version(sender, instance, revision, **kwargs):
    """Ask visitors again when what the site collects changed, or when the editor asked for it."""
    fingerprint = instance.consent_fingerprint_now()
    forced = bool(revision and revision.content.get("force_reconsent"))
    with transaction.atomic():
        # Locked, so two publishes in quick succession each compare with the other's result.
        row = CookiePolicyPage.objects.select_for_update().only("consent_fingerprint")
        stored = row.get(pk=instance.pk).consent_fingerprint
        if not stored:
            # First publication: version 1 covers what is collected now.
            updates = {"consent_fingerprint": fingerprint}
        elif forced or fingerprint != stored:
            updates = {
                "consent_fingerprint": fingerprint,
                "consent_version": F("consent_version") + 1,
            }
        else:
            updates = {}
        if updates:
            CookiePolicyPage.objects.filter(pk=instance.pk).update(**updates)
    instance.refresh_from_db(fields=["consent_version", "consent_fingerprint"])
    banner_changed()


def register_signal_handlers():
    page_published.connect(raise_consent_version, sender=CookiePolicyPage)
    for signal in (page_unpublished, post_delete):
        signal.connect(banner_changed, sender=CookiePolicyPage)
    for signal in (published, unpublished, post_delete):
        signal.connect(banner_changed, sender=ConsentBanner)
    # A move or a new slug anywhere above the policy changes its URL; a site change can change
    # which policy applies. The banner shows both.
    page_published.connect(clear_banner_cache)
    post_page_move.connect(banner_changed)
    for signal in (post_save, post_delete):
        signal.connect(clear_banner_cache, sender=Site)
