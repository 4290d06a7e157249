import logging
from html import unescape

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    PreviewableMixin,
    Revision,
    RevisionMixin,
    Site,
)
from wagtail.search import index

from . import anchors, bidi, changes, conf, consent, history, languages, scheduled
from .admin_forms import ConsentBannerForm, OperatorSettingsForm
from .blocks import CookiePolicyStreamBlock
from .operator import operator_data
from .panels import ConsentVersionPanel, UnconfirmedCookiesPanel
from .validation import PublishRefused, publish_problems
from .validators import (
    refuse_reordering,
    validate_category_key,
    validate_cookie_domain,
    validate_cookie_name,
    validate_document_address,
)

logger = logging.getLogger(__name__)


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


class CookiePolicyPage(PreviewInEachLanguage, RoutablePageMixin, Page):
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

    def get_admin_display_title(self):
        # A draft's title may hold a direction override (publishing refuses it): Wagtail's
        # listings, history and notifications show it written out rather than reordered.
        return bidi.visible(super().get_admin_display_title())

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
        versions = history.versions(self, limit=history.RECENT + 1)
        context["versions"] = versions[: history.RECENT]
        context["more_versions"] = len(versions) > history.RECENT
        context["last_updated"] = versions[0]["date"] if versions else self.last_published_at
        context["blocks"], context["contents"] = anchors.sections(
            self.body, history=bool(context["versions"])
        )
        context["base_template"] = conf.get("BASE_TEMPLATE")
        context["operator"] = operator_data(Site.find_for_request(request), request)
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

    def get_cached_paths(self):
        return ["/", "/versions/"]

    @path("versions/")
    def all_versions(self, request):
        return self.render(
            request,
            template="cookie_policy/cookie_policy_versions.html",
            context_overrides={"versions": history.versions(self)},
        )


class ConsentBanner(
    PreviewInEachLanguage,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    models.Model,
):
    """The consent banner's wording, shown on every page of its site in the visitor's language.

    A banner without a site serves every site that has no live banner of its own.
    """

    name = models.CharField(
        max_length=100,
        verbose_name=_("name"),
        help_text=_("For editors only, never shown to visitors."),
    )
    # As Wagtail's own redirects: empty means every site. A deleted site takes its banner with
    # it: emptied, the banner would become a second one for every site.
    site = models.ForeignKey(
        Site,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("site"),
        help_text=_("Leave empty to show this banner on every site without a banner of its own."),
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
        FieldPanel("site"),
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
    base_form_class = ConsentBannerForm

    class Meta:
        verbose_name = _("consent banner")
        verbose_name_plural = _("consent banners")
        constraints = [
            # One live banner per site, and one for every site (no site: 0, as NULLs never clash).
            models.UniqueConstraint(
                Coalesce("site", 0),
                condition=models.Q(live=True),
                name="cookie_policy_one_live_banner_per_site",
                violation_error_message=_("Another banner is live on this site."),
            ),
        ]

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

    @property
    def site_display(self):
        return str(self.site) if self.site else _("All sites")

    @classmethod
    def live_rival(cls, site, banner=None):
        """The banner live for ``site`` (None: for every site) other than ``banner``: at most one
        may be live for each."""
        others = cls.objects.filter(live=True, site=site)
        if banner is not None and banner.pk is not None:
            others = others.exclude(pk=banner.pk)
        return others.first()

    def publish(self, revision, *args, **kwargs):
        # publish_scheduled publishes every due revision in one loop: a banner whose site has
        # another live banner by now loses its schedule and is logged, not in the way of the rest.
        if kwargs.get("log_action") == "wagtail.publish.scheduled":
            scheduled_banner = revision.as_object()
            rival = self.live_rival(scheduled_banner.site, self)
            if rival is not None:
                logger.warning(
                    "Scheduled publication of banner %r (revision %s) refused: %r is live "
                    "for the same site.",
                    self,
                    revision.pk,
                    rival,
                )
                Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=None)
                return None
        return super().publish(revision, *args, **kwargs)

    def translated_field_names(self):
        """Each language's column of each translated text: one per language of the site…"""
        fields = translator.get_options_for_model(type(self)).local_fields.values()
        return [field.name for translations in fields for field in translations]

    def get_preview_template(self, request, mode_name):
        return "cookie_policy/banner_preview.html"

    def get_preview_context(self, request, mode_name):
        return {"cookie_banner": self, "base_template": conf.get("BASE_TEMPLATE")}


# Marks demo values that must be replaced before going live: `check --deploy` warns on them.
PLACEHOLDER = "PLACEHOLDER"


@register_setting(icon="user")
class OperatorSettings(BaseSiteSetting):
    """Who runs the site and the laws it answers to: shown on the policy page, in the settings
    dialog and on the settings page, and checked before a policy is published (laws.py)."""

    legal_name = models.CharField(max_length=200, blank=True, verbose_name=_("legal name"))
    registration_number = models.CharField(
        max_length=100,
        blank=True,
        verbose_name=_("registration number"),
        help_text=_("As in the state register, such as the UNP in Belarus or the OGRN in Russia."),
    )
    address = models.CharField(max_length=300, blank=True, verbose_name=_("address"))
    email = models.EmailField(blank=True, verbose_name=_("contact e-mail"))
    data_protection_officer = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("data protection officer"),
        help_text=_("Name and contact of the person responsible, if there is one."),
    )
    processing_policy_url = models.CharField(
        max_length=500,
        blank=True,
        validators=[validate_document_address],
        verbose_name=_("personal data processing policy"),
        help_text=_("Its address, such as /en/privacy/ or https://example.com/privacy.pdf."),
    )
    law_profiles = models.JSONField(
        default=list,
        blank=True,
        verbose_name=_("laws"),
        help_text=_("Publishing a policy checks what each chosen law requires."),
    )
    consent_document = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("consent to personal data processing"),
        help_text=_(
            "A page of its own that the banner links to (Russia, Federal Law 152-FZ Article 9)."
        ),
    )
    cookie_domain = models.CharField(
        max_length=253,
        blank=True,
        validators=[validate_cookie_domain],
        verbose_name=_("cookie domain"),
        help_text=_(
            "Such as example.by, to share one consent among www.example.by, shop.example.by and "
            "every other subdomain of it. Empty: the consent holds on this site's host alone."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("legal_name"),
                FieldPanel("registration_number"),
                FieldPanel("address"),
                FieldPanel("email"),
                FieldPanel("data_protection_officer"),
                FieldPanel("processing_policy_url"),
            ],
            heading=_("Operator"),
        ),
        MultiFieldPanel(
            [FieldPanel("law_profiles"), PageChooserPanel("consent_document")],
            heading=_("Law"),
        ),
        MultiFieldPanel([FieldPanel("cookie_domain")], heading=_("Consent cookie")),
    ]
    base_form_class = OperatorSettingsForm

    class Meta:
        verbose_name = _("operator and law")
        verbose_name_plural = _("operator and law")

    def clean(self):
        super().clean()
        errors = {}
        for name in ["registration_number", *self.translated_field_names()]:
            try:
                refuse_reordering(getattr(self, name) or "")
            except ValidationError as error:
                errors[name] = error
        self.cookie_domain = domain = consent.normal_domain(self.cookie_domain)
        host = self.site.hostname.lower() if self.site_id else ""
        # A malformed domain has its error from the field's validator already.
        valid = consent.DOMAIN.fullmatch(domain)
        if valid and host and not consent.cookie_domain(host, domain):
            parent = host.partition(".")[2]
            errors["cookie_domain"] = ValidationError(
                _(
                    "This site is on %(host)s: give %(host)s or a domain above it, such as "
                    "%(parent)s, or leave the field empty."
                )
                % {"host": host, "parent": parent if "." in parent else host},
                code="cookie_domain_elsewhere",
            )
        if errors:
            raise ValidationError(errors)

    def translated_field_names(self):
        fields = translator.get_options_for_model(type(self)).local_fields.values()
        return [field.name for translations in fields for field in translations]

    def is_placeholder(self):
        """True while any value still holds the demo's PLACEHOLDER marker (check --deploy)."""
        values = [self.registration_number, self.email]
        values += [getattr(self, name) or "" for name in self.translated_field_names()]
        return any(PLACEHOLDER in value.upper() for value in values)


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
    # Kept when the site is deleted: the record is still proof of what a visitor chose.
    site = models.ForeignKey(
        Site,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        db_index=False,  # the index by site and time below serves it
        related_name="+",
        verbose_name=_("site"),
    )
    language = models.CharField(max_length=8, verbose_name=_("language"))
    # The revisions the visitor was shown, read in ``language``. Ids, not foreign keys: purging
    # revisions then neither rewrites millions of records nor needs an index on each column,
    # and a record can still tell a purged revision (an id, no row) from one never recorded.
    policy_revision_id = models.PositiveBigIntegerField(
        null=True, blank=True, verbose_name=_("policy revision")
    )
    banner_revision_id = models.PositiveBigIntegerField(
        null=True, blank=True, verbose_name=_("banner revision")
    )
    consent_version = models.PositiveIntegerField(verbose_name=_("consent version"))
    granted = models.JSONField(default=list, verbose_name=_("granted categories"))
    method = models.CharField(max_length=16, choices=Method.choices, verbose_name=_("method"))

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-created_at"]
        # The report filters by time, method, language and site; the purge deletes by time.
        indexes = [
            models.Index(fields=["created_at"], name="cookie_consent_created"),
            models.Index(fields=["site", "created_at"], name="cookie_consent_site"),
            models.Index(fields=["method", "created_at"], name="cookie_consent_method"),
            models.Index(fields=["language", "created_at"], name="cookie_consent_language"),
        ]
        permissions = [("view_consent_report", _("Can view and export consent records"))]

    def __str__(self):
        return self.consent_id

    @property
    def granted_display(self):
        return ", ".join(self.granted)

    @property
    def site_display(self):
        """The host name of the site the decision was made on (empty once the site is gone)."""
        return self.site.hostname if self.site else ""


class ConsentTally(models.Model):
    """How many decisions of one kind one day saw: the daily rollup the consent insight reads.

    Filled lazily, for whole past days, by ``cookie_policy.tallies`` rather than on each
    consent post: counting on write would turn the endpoint's one small insert into an update
    of a row every visitor of the day contends for. A day's records never change once it is
    over (records are written at the time of the decision), and tallies outlive the records'
    purge: they hold no consent ID.
    """

    day = models.DateField(verbose_name=_("day"))
    site = models.ForeignKey(
        Site,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        db_index=False,  # the index by day serves the report; a site filter comes after it
        related_name="+",
        verbose_name=_("site"),
    )
    language = models.CharField(max_length=8, verbose_name=_("language"))
    consent_version = models.PositiveIntegerField(verbose_name=_("consent version"))
    method = models.CharField(
        max_length=16, choices=ConsentRecord.Method.choices, verbose_name=_("method")
    )
    decisions = models.PositiveIntegerField(default=0, verbose_name=_("decisions"))
    # {category key: decisions that granted it}; a key never granted that day is absent.
    granted = models.JSONField(default=dict, verbose_name=_("grants by category"))

    class Meta:
        verbose_name = _("consent tally")
        verbose_name_plural = _("consent tallies")
        indexes = [models.Index(fields=["day"], name="cookie_policy_tally_day")]

    def __str__(self):
        return f"{self.day} {self.language} v{self.consent_version} {self.method}"


class TalliedDay(models.Model):
    """A past day whose records are counted in ConsentTally (days without records too).

    Its key keeps two concurrent first views from counting a day twice: the later one's insert
    fails and its whole transaction, tallies included, rolls back.
    """

    day = models.DateField(primary_key=True, verbose_name=_("day"))

    class Meta:
        verbose_name = _("tallied day")
        verbose_name_plural = _("tallied days")

    def __str__(self):
        return str(self.day)


class PolicyChange(models.Model):
    """What one publication of a policy page changed for its readers in one language."""

    page = models.ForeignKey(CookiePolicyPage, on_delete=models.CASCADE, related_name="history")
    language = models.CharField(max_length=15)
    # Kept for reference; the row stands on its own if the revision is purged.
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField()
    lines = models.JSONField(default=list)

    class Meta:
        ordering = ["-published_at", "-pk"]
        # A page view reads the newest few rows of one page in one language.
        indexes = [
            models.Index(fields=["page", "language", "-published_at"], name="cookie_policy_history")
        ]

    def __str__(self):
        return f"{self.page_id} {self.language} {self.published_at:%Y-%m-%d %H:%M}"


class CookieScan(models.Model):
    """One run of ``scan_cookies``: what it visited and how many findings of each severity."""

    class Trigger(models.TextChoices):
        COMMAND = "command", _("command")
        SCHEDULE = "schedule", _("schedule")

    started_at = models.DateTimeField(default=timezone.now, verbose_name=_("started"))
    finished_at = models.DateTimeField(null=True, blank=True, verbose_name=_("finished"))
    site = models.ForeignKey(
        Site,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("site"),
    )
    base_url = models.CharField(max_length=500, verbose_name=_("address"))
    trigger = models.CharField(
        max_length=16,
        choices=Trigger.choices,
        default=Trigger.COMMAND,
        verbose_name=_("started by"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("user"),
    )
    languages = models.JSONField(default=list, verbose_name=_("languages"))
    pages_visited = models.PositiveIntegerField(default=0, verbose_name=_("pages visited"))
    violations = models.PositiveIntegerField(default=0, verbose_name=_("violations"))
    warnings = models.PositiveIntegerField(default=0, verbose_name=_("warnings"))
    notices = models.PositiveIntegerField(default=0, verbose_name=_("notices"))
    # Pages that failed to load, and whether the time limit cut the scan short.
    errors = models.JSONField(default=list, verbose_name=_("errors"))
    timed_out = models.BooleanField(default=False, verbose_name=_("ran out of time"))
    # What the site really set: each cookie and storage key once per language, with the states
    # it was seen in and where it first appeared (scan_compare.sightings).
    seen = models.JSONField(default=list, verbose_name=_("seen"))

    class Meta:
        verbose_name = _("cookie scan")
        verbose_name_plural = _("cookie scans")
        ordering = ["-started_at", "-pk"]
        permissions = [("view_cookie_scan_report", _("Can view cookie scans"))]

    def __str__(self):
        return f"{self.base_url} {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def started_by(self):
        """Who started the run: a user's name, or how it was started."""
        if self.user is not None:
            return self.user.get_username()
        return self.get_trigger_display()


class ScanFinding(models.Model):
    """One thing a scan found: a cookie or storage key against the policy's declarations."""

    class Kind(models.TextChoices):
        BEFORE_CHOICE = "before_choice", _("set before any choice")
        AFTER_REFUSAL = "after_refusal", _("set after its category was refused")
        UNDECLARED = "undeclared", _("not declared")
        WRONG_CATEGORY = "wrong_category", _("declared in the wrong category")
        LIFETIME = "lifetime", _("lives longer than declared")
        PARTY = "party", _("declared party is wrong")
        NOT_SEEN = "not_seen", _("declared but not seen")

    class Severity(models.TextChoices):
        VIOLATION = "violation", _("violation")
        WARNING = "warning", _("warning")
        INFO = "info", _("information")

    class Storage(models.TextChoices):
        COOKIE = "cookie", _("cookie")
        LOCAL = "local", _("local storage")
        SESSION = "session", _("session storage")

    scan = models.ForeignKey(CookieScan, on_delete=models.CASCADE, related_name="findings")
    kind = models.CharField(max_length=16, choices=Kind.choices, verbose_name=_("finding"))
    severity = models.CharField(max_length=16, choices=Severity.choices, verbose_name=_("severity"))
    language = models.CharField(max_length=15, verbose_name=_("language"))
    name = models.CharField(max_length=255, verbose_name=_("name"))
    storage = models.CharField(
        max_length=8, choices=Storage.choices, default=Storage.COOKIE, verbose_name=_("stored in")
    )
    domain = models.CharField(max_length=255, blank=True, verbose_name=_("domain"))
    # The state the page was in (before, reject, grant:<key>, accept) and the page, when seen.
    state = models.CharField(max_length=48, blank=True, verbose_name=_("state"))
    page_url = models.CharField(max_length=500, blank=True, verbose_name=_("page"))
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("page"),
    )
    category = models.CharField(max_length=32, blank=True, verbose_name=_("declared in"))
    suggested_category = models.CharField(
        max_length=32, blank=True, verbose_name=_("suggested category")
    )
    provider = models.CharField(max_length=200, blank=True, verbose_name=_("provider"))
    declared = models.CharField(max_length=200, blank=True, verbose_name=_("declared"))
    party = models.CharField(max_length=8, blank=True, verbose_name=_("party"))
    lifetime = models.PositiveBigIntegerField(null=True, blank=True, verbose_name=_("lifetime"))

    class Meta:
        verbose_name = _("scan finding")
        verbose_name_plural = _("scan findings")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.name}: {self.get_kind_display()}"


class KnownCookie(models.Model):
    """A well-known cookie: the category and provider a scan suggests when it finds it undeclared.

    Editors add their own; the plugin's table (``data/known_cookies.json``) covers the rest.
    """

    name = models.CharField(
        max_length=100,
        unique=True,
        validators=[validate_cookie_name],
        verbose_name=_("name"),
        help_text=_("The cookie's exact name, or a family ending in *, as in _ga_*."),
    )
    category = models.CharField(
        max_length=32,
        validators=[validate_category_key],
        verbose_name=_("category"),
        help_text=_("The key of the category it belongs in, such as analytics."),
    )
    provider = models.CharField(max_length=200, verbose_name=_("provider"))
    source = models.URLField(
        blank=True, verbose_name=_("source"), help_text=_("Where this was documented.")
    )

    class Meta:
        verbose_name = _("known cookie")
        verbose_name_plural = _("known cookies")
        ordering = ["name"]

    def __str__(self):
        return self.name
