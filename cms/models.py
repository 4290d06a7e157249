from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from cookie_policy.blocks import ConsentEmbedBlock
from cookie_policy.models import PreviewInEachLanguage


class HomePage(PreviewInEachLanguage, Page):
    """The site's front page."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"], verbose_name=_("intro"))
    body = StreamField(
        [
            (
                "text",
                blocks.RichTextBlock(
                    features=["h2", "h3", "bold", "italic", "link"], label=_("text")
                ),
            ),
            ("embed", ConsentEmbedBlock()),
        ],
        blank=True,
        verbose_name=_("body"),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    max_count = 1

    class Meta:
        verbose_name = _("home page")


class DocumentPage(PreviewInEachLanguage, Page):
    """A legal text of its own, such as the consent to personal data processing."""

    body = RichTextField(
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"], verbose_name=_("body")
    )

    content_panels = [*Page.content_panels, FieldPanel("body")]

    class Meta:
        verbose_name = _("document page")
