from django.db.models import F
from django.dispatch import receiver
from wagtail.signals import page_published

from .models import CookiePolicyPage


@receiver(page_published, sender=CookiePolicyPage)
def raise_consent_version(sender, instance, revision, **kwargs):
    """Ask visitors again when what the site collects changed, or when the editor asked for it."""
    fingerprint = instance.consent_fingerprint_now()
    forced = bool(revision and revision.content.get("force_reconsent"))
    if not instance.consent_fingerprint:
        # First publication: version 1 covers what is collected now.
        updates = {"consent_fingerprint": fingerprint}
    elif forced or fingerprint != instance.consent_fingerprint:
        updates = {"consent_fingerprint": fingerprint, "consent_version": F("consent_version") + 1}
    else:
        return
    CookiePolicyPage.objects.filter(pk=instance.pk).update(**updates)
    instance.refresh_from_db(fields=["consent_version", "consent_fingerprint"])
