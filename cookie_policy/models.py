from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageLogEntry

from . import changes
from .blocks import CookiePolicyStreamBlock
from .panels import ConsentVersionPanel


class CookiePolicyPage(Page):
    """The site's cookie statement: one category block per cookie category."""

    body = StreamField(CookiePolicyStreamBlock(), blank=True, verbose_name=_("body"))
    consent_version = models.PositiveIntegerField(
        default=1,
        editable=False,
        verbose_name=_("consent version"),
        help_text=_("Raised when what the site collects changes; visitors are then asked again."),
    )
    consent_fingerprint = models.TextField(blank=True, editable=False)
    force_reconsent = models.BooleanField(
        default=False,
        verbose_name=_("ask every visitor again"),
        help_text=_("Raise the consent version on publishing even if no cookie changed."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("body"),
        MultiFieldPanel(
            [ConsentVersionPanel(), FieldPanel("force_reconsent")],
            heading=_("Consent"),
        ),
    ]
    template = "cookie_policy/cookie_policy_page.html"

    class Meta:
        verbose_name = _("cookie policy page")

    def with_content_json(self, content):
        # The consent version belongs to the page, not to a revision: reverting never lowers it.
        obj = super().with_content_json(content)
        obj.consent_version = self.consent_version
        obj.consent_fingerprint = self.consent_fingerprint
        # The force flag applies to one publish only; a new draft starts unticked.
        obj.force_reconsent = False
        return obj

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["versions"] = self.published_versions()
        return context

    def reconsent_reasons(self, live):
        """Why publishing this version would ask visitors again (empty: it would not)."""
        if self.consent_fingerprint_now() == live.consent_fingerprint:
            return []
        return changes.describe_changes(live.body_en, self.body_en) or [_("Cookies changed")]

    def consent_fingerprint_now(self):
        return changes.fingerprint(self.body_en)

    def published_versions(self, language=None):
        """Each published version, newest first: its date and what changed, in ``language``."""
        language = language or translation.get_language()
        entries = (
            PageLogEntry.objects.filter(page=self, action="wagtail.publish")
            .exclude(revision=None)
            .select_related("revision")
            .order_by("timestamp", "pk")
        )
        versions, previous = [], None
        field = f"body_{language}"
        with translation.override(language):
            for entry in entries:
                body = entry.revision.content.get(field)
                if previous is None:
                    summary = [str(_("First published"))]
                else:
                    summary = changes.describe_changes(previous, body) or [
                        str(_("Wording and layout updated"))
                    ]
                versions.append({"date": entry.timestamp, "changes": summary})
                previous = body
        return versions[::-1]
