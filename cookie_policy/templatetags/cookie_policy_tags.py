from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.models import Site

from .. import assets, banner_cache, conf, inline
from ..embeds import embed_url
from ..live import live_banner
from ..models import CookiePolicyPage
from ..operator import operator_data
from ..policy_data import policy_data
from ..rendering import render_banner

register = template.Library()


@register.simple_tag
def cookie_policy_head():
    """The banner's stylesheet and, with Consent Mode on, its denied defaults: put it in <head>.

    The defaults stay inline in either asset mode, and come first: they must run before any
    Google tag, and an inline script after a linked stylesheet waits until it has loaded.
    """
    script = f"<script>{inline.CONSENT_MODE_DEFAULT}</script>" if conf.get("CONSENT_MODE") else ""
    return format_html(
        "{}{}",
        mark_safe(script),  # noqa: S308 - a constant
        assets.stylesheet(),
    )


@register.simple_tag(takes_context=True)
def cookie_banner(context):
    """The consent banner of the live policy, the same bytes for every visitor of a language.

    A banner or policy page being previewed in the context is shown instead of the live one.
    """
    request = context.get("request")
    banner = context.get("cookie_banner")
    page = context.get("page")
    previewed = getattr(request, "is_preview", False) and isinstance(page, CookiePolicyPage)
    if previewed and hasattr(request, "cookie_policy_shown_banner"):
        # A consent record's texts (reports.consent_record_texts): its banner revision or none.
        banner = request.cookie_policy_shown_banner
        if banner is None:
            return ""
    if banner is None and not previewed:
        html = banner_cache.state(request)["html"]
        # The script goes with the markup, not into the cache: see assets.py. Previews run none.
        return mark_safe(html + assets.script()) if html else ""  # noqa: S308 - rendered
    site = Site.find_for_request(request)
    policy = (
        policy_data(page, request, site) if previewed else banner_cache.state(request)["policy"]
    )
    banner = banner or live_banner(site)
    return mark_safe(render_banner(request, policy, banner, preview=True))  # noqa: S308


@register.simple_tag
def cookie_settings_link():
    """A link that reopens the cookie settings (a page of its own without JavaScript)."""
    return format_html(
        '<a href="{}" data-cc-open>{}</a>', reverse("cookie_policy:consent"), _("Cookie settings")
    )


@register.inclusion_tag("cookie_policy/includes/operator.html", takes_context=True)
def cookie_policy_operator(context):
    """The site's operator (name, registration number, address, e-mail), for a page of your own
    such as the consent to personal data processing."""
    request = context.get("request")
    return {"operator": operator_data(Site.find_for_request(request), request)}


@register.simple_tag
def gated_script(category, src):
    """A script that stays inert until the visitor grants ``category``, then runs once."""
    return format_html(
        '<script type="text/plain" data-cookie-category="{}" data-src="{}"></script>',
        category,
        src,
    )


@register.inclusion_tag("cookie_policy/includes/embed.html")
def consent_embed(url, title, category=None):
    """A third-party embed that loads only after consent, or once on request."""
    return {
        "src": embed_url(url),
        "title": title,
        "category": category or conf.get("EMBED_CATEGORY"),
    }
