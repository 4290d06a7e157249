from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from . import conf
from .embeds import embed_url
from .validators import validate_category_key, validate_cookie_name

PARTY_CHOICES = [("first", _("first party")), ("third", _("third party"))]
# Whether this site is known to set a declared cookie. A row not yet confirmed is never shown to
# visitors as fact: it is marked as such on the policy page, or left out of it.
CONFIRMED, UNCONFIRMED, HIDDEN = "confirmed", "unconfirmed", "hidden"
STATUS_CHOICES = [
    (CONFIRMED, _("confirmed: this site sets it")),
    (UNCONFIRMED, _("not yet confirmed on this site: shown marked as such")),
    (HIDDEN, _("not yet confirmed on this site: hidden from visitors")),
]


class CookieDeclarationBlock(blocks.StructBlock):
    """One cookie in a category's declaration table."""

    name = blocks.CharBlock(
        max_length=100,
        label=_("name"),
        # Wagtail shows a block's help text as HTML.
        help_text=escape(
            _(
                "The cookie's exact name, never translated. For a family of cookies, end it in * "
                "or one <placeholder>, as in _ga_<container-id>."
            )
        ),
        validators=[validate_cookie_name],
    )
    provider = blocks.CharBlock(max_length=100, label=_("provider"))
    purpose = blocks.TextBlock(label=_("purpose"))
    duration = blocks.CharBlock(max_length=100, label=_("duration"))
    party = blocks.ChoiceBlock(choices=PARTY_CHOICES, default="first", label=_("party"))
    status = blocks.ChoiceBlock(
        choices=STATUS_CHOICES,
        default=CONFIRMED,
        label=_("on this site"),
        help_text=_(
            "Confirm a cookie once you have seen this site set it. Until then visitors see the row "
            "marked “not yet confirmed on this site”, or do not see it at all."
        ),
    )

    class Meta:
        icon = "clipboard-list"
        label = _("cookie")


class CookieCategoryBlock(blocks.StructBlock):
    """A cookie category: what it is for, how long it lasts, and its cookies."""

    key = blocks.CharBlock(
        max_length=32,
        label=_("key"),
        help_text=_(
            "A stable machine name such as necessary or analytics, the same in every language."
        ),
        validators=[validate_category_key],
    )
    title = blocks.CharBlock(max_length=120, label=_("title"))
    purpose = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ul", "ol"], label=_("purpose")
    )
    summary = blocks.TextBlock(
        required=False,
        max_length=300,
        label=_("summary"),
        help_text=_(
            "One or two whole sentences that visitors read beside the category's switch in the "
            "cookie settings. Left empty, they read the first sentences of the purpose."
        ),
    )
    lifetime = blocks.CharBlock(max_length=200, label=_("lifetime"))
    required = blocks.BooleanBlock(
        required=False,
        label=_("strictly necessary"),
        help_text=_("Visitors cannot refuse a strictly necessary category."),
    )
    cookies = blocks.ListBlock(CookieDeclarationBlock(), label=_("cookies"), min_num=0)

    class Meta:
        icon = "lock"
        label = _("cookie category")
        template = "cookie_policy/blocks/category.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["cookies"] = [c for c in value["cookies"] if c.get("status") != HIDDEN]
        return context


class CookiePolicyStreamBlock(blocks.StreamBlock):
    """The body of a cookie policy page."""

    heading = blocks.CharBlock(
        max_length=200,
        icon="title",
        label=_("heading"),
        template="cookie_policy/blocks/heading.html",
    )
    text = blocks.RichTextBlock(
        features=["h3", "bold", "italic", "link", "ul", "ol"],
        icon="doc-full",
        label=_("text"),
    )
    category = CookieCategoryBlock()

    def clean(self, value):
        value = super().clean(value)
        keys = [child.value["key"] for child in value if child.block_type == "category"]
        repeated = sorted({key for key in keys if keys.count(key) > 1})
        if repeated:
            raise blocks.StreamBlockValidationError(
                non_block_errors=ValidationError(
                    _("Each category key may appear once: %(keys)s.")
                    % {"keys": ", ".join(repeated)}
                )
            )
        return value


class ConsentEmbedBlock(blocks.StructBlock):
    """A video or other third-party embed that loads only after consent."""

    url = blocks.URLBlock(
        label=_("address"), help_text=_("A YouTube or Vimeo page, or any https player address.")
    )
    title = blocks.CharBlock(max_length=200, label=_("title"))

    class Meta:
        icon = "media"
        label = _("embed (after consent)")
        template = "cookie_policy/blocks/consent_embed.html"

    def clean(self, value):
        value = super().clean(value)
        if not embed_url(value["url"]):
            raise blocks.StructBlockValidationError(
                {"url": ValidationError(_("Use an https address."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context.update(
            src=embed_url(value["url"]),
            title=value["title"],
            category=conf.get("EMBED_CATEGORY"),
        )
        return context
