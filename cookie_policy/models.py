from html import unescape

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    PageLogEntry,
    PreviewableMixin,
    RevisionMixin,
)
from wagtail.search import index

from . import anchors, changes, conf, languages, scheduled
from .blocks import CookiePolicyStreamBlock
from .panels import ConsentVersionPanel, UnconfirmedCookiesPanel
from .validation import PublishRefused, publish_problems
from .validators import refuse_reordering

# Log actions of a publication, immediate or scheduled.
PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")


class PreviewInEachLanguage:
    """One preview mode per language, so editors check every translation before publishing."""

    @property
    def preview_modes(self):
        return [(code, name) for code, name in settings.LANGUAGES]

    @property
    def default_preview_mode(self):
        return settings.LANGUAGE_CODE

    def serve_preview(self, request, mode_name):
        with translation.override(mode_name or settings.LANGUAGE_CODE):
            response = super().serve_preview(request, mode_name)
            # Render now: a TemplateResponse would otherwise render after the override ends.
            if hasattr(response, "render"):
                response.render()
        return response


class CookiePolicyPage(PreviewInEachLanguage, Page):
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
            [ConsentVersionPanel(), UnconfirmedCookiesPanel(), FieldPanel("force_reconsent")],
            heading=_("Consent"),
        ),
    ]
    template = "cookie_policy/cookie_policy_page.html"

    class Meta:
        verbose_name = _("cookie policy page")

    def save(self, *args, **kwargs):
        # Wagtail's editor and APIs publish without calling publish(), but every publication (and
        # alias update) ends in a full save of the live row: the version is decided in its
        # transaction.
        if self.pk is None or not self.live or kwargs.get("update_fields") is not None:
            return super().save(*args, **kwargs)
        with transaction.atomic():
            self.decide_consent_version()
            return super().save(*args, **kwargs)

    def with_content_json(self, content):
        # The consent version belongs to the page, not to a revision: reverting never lowers it.
        obj = super().with_content_json(content)
        obj.consent_version = self.consent_version
        obj.consent_fingerprint = self.consent_fingerprint
        # The force flag applies to one publish only; a new draft starts unticked.
        obj.force_reconsent = False
        obj._reconsent_forced = bool(content.get("force_reconsent"))  # for save() to act on
        return obj

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["versions"] = self.published_versions()
        context["blocks"], context["contents"] = anchors.sections(
            self.body, history=bool(context["versions"])
        )
        context["base_template"] = conf.get("BASE_TEMPLATE")
        return context

    def reconsent_reasons(self, live):
        """Why publishing this version would ask visitors again (empty: it would not)."""
        if self.consent_fingerprint_now() == live.consent_fingerprint:
            return []
        reasons = changes.describe_changes(
            languages.localized(live, "body"), languages.localized(self, "body"), wording=False
        )
        return reasons or [_("Cookies changed")]

    def publish(self, revision, *args, **kwargs):
        # Every way of publishing (bulk actions, workflows, schedules) meets the same check as
        # the editor; the edit view already refused with a message and kept the draft.
        try:
            revision.as_object().check_publishable()
        except PublishRefused as refusal:
            if kwargs.get("log_action") != "wagtail.publish.scheduled":
                raise
            # publish_scheduled's loop must go on to the other due revisions.
            scheduled.refuse(self, revision, refusal)
            return None
        return super().publish(revision, *args, **kwargs)

    def check_publishable(self):
        """Raise PublishRefused (a 403) while this version may not go live, saying why."""
        problems = publish_problems(self)
        if problems:
            raise PublishRefused(" ".join(problems))

    def decide_consent_version(self):
        """Ask visitors again (one version up) when the cookies differ from the live row's, or
        when the revision being published asked for it. Call it in the transaction that saves.
        """
        forced = getattr(self, "_reconsent_forced", False)
        self._reconsent_forced = False
        # Locked until that commit, so two publishes in quick succession each compare with the
        # other's result and neither writes a version read before the other's commit.
        stored = (
            CookiePolicyPage.objects.select_for_update()
            .only("consent_version", "consent_fingerprint")
            .get(pk=self.pk)
        )
        fingerprint = self.consent_fingerprint_now()
        self.consent_version = stored.consent_version
        # The first publication has nothing to compare with: version 1 covers what it collects.
        if stored.consent_fingerprint and (forced or fingerprint != stored.consent_fingerprint):
            self.consent_version += 1
        self.consent_fingerprint = fingerprint

    def consent_fingerprint_now(self):
        return changes.fingerprint(languages.localized(self, "body"))

    def published_versions(self, language=None):
        """Each published version, newest first: its date and what changed, in ``language``."""
        if not self.pk:  # a new page being previewed has no history yet
            return []
        language = language or translation.get_language()
        entries = (
            PageLogEntry.objects.filter(page=self, action__in=PUBLISH_ACTIONS)
            .exclude(revision=None)
            .select_related("revision")
            .order_by("timestamp", "pk")
        )
        versions, previous = [], None
        field = build_localized_fieldname("body", language)
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


class ConsentBanner(
    PreviewInEachLanguage,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    models.Model,
):
    """The consent banner's wording, shown on every page in the visitor's language."""

    name = models.CharField(
        max_length=100,
        verbose_name=_("name"),
        help_text=_("For editors only, never shown to visitors."),
    )
    title = models.CharField(max_length=120, verbose_name=_("title"))
    message = RichTextField(features=["bold", "italic", "link"], verbose_name=_("message"))
    accept_label = models.CharField(max_length=40, verbose_name=_("accept all label"))
    reject_label = models.CharField(max_length=40, verbose_name=_("reject all label"))
    settings_label = models.CharField(max_length=40, verbose_name=_("settings label"))
    save_label = models.CharField(max_length=40, verbose_name=_("save choices label"))
    settings_title = models.CharField(max_length=120, verbose_name=_("settings title"))
    settings_intro = RichTextField(
        blank=True, features=["bold", "italic", "link"], verbose_name=_("settings intro")
    )
    revisions = GenericRelation("wagtailcore.Revision", related_query_name="consent_banner")

    panels = [
        FieldPanel("name"),
        FieldPanel("title"),
        FieldPanel("message"),
        FieldPanel("accept_label"),
        FieldPanel("reject_label"),
        FieldPanel("settings_label"),
        FieldPanel("save_label"),
        FieldPanel("settings_title"),
        FieldPanel("settings_intro"),
    ]
    search_fields = [index.SearchField("name")]

    class Meta:
        verbose_name = _("consent banner")
        verbose_name_plural = _("consent banners")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        # Every text, drafts' too: the admin shows them as typed (the name in its listings).
        errors = {}
        for name in ["name", *self.translated_field_names()]:
            try:
                refuse_reordering(unescape(getattr(self, name) or ""))
            except ValidationError as error:
                errors[name] = error
        if errors:
            raise ValidationError(errors)

    def translated_field_names(self):
        """Each language's column of each translated text: one per language of the site…"""
        fields = translator.get_options_for_model(type(self)).local_fields.values()
        return [field.name for translations in fields for field in translations]

    def get_preview_template(self, request, mode_name):
        return "cookie_policy/banner_preview.html"

    def get_preview_context(self, request, mode_name):
        return {"cookie_banner": self, "base_template": conf.get("BASE_TEMPLATE")}


class ConsentRecord(models.Model):
    """One visitor decision, kept as proof of consent. It holds no IP address."""

    class Method(models.TextChoices):
        ACCEPT_ALL = "accept_all", _("accept all")
        REJECT_ALL = "reject_all", _("reject all")
        CUSTOM = "custom", _("custom")
        WITHDRAWAL = "withdrawal", _("withdrawal")
        GPC = "gpc", _("Global Privacy Control")

    consent_id = models.CharField(max_length=32, db_index=True, verbose_name=_("consent ID"))
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("time"))
    language = models.CharField(max_length=8, verbose_name=_("language"))
    consent_version = models.PositiveIntegerField(verbose_name=_("consent version"))
    granted = models.JSONField(default=list, verbose_name=_("granted categories"))
    method = models.CharField(max_length=16, choices=Method.choices, verbose_name=_("method"))

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-created_at"]
        # The report filters by time, method and language; the purge deletes by time.
        indexes = [
            models.Index(fields=["created_at"], name="cookie_consent_created"),
            models.Index(fields=["method", "created_at"], name="cookie_consent_method"),
            models.Index(fields=["language", "created_at"], name="cookie_consent_language"),
        ]
        permissions = [("view_consent_report", _("Can view and export consent records"))]

    def __str__(self):
        return self.consent_id

    @property
    def granted_display(self):
        return ", ".join(self.granted)
